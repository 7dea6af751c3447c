import type { Announcement } from './announcement';
import type { Destination } from './destination';
import { discordPayload } from './format-discord';
import { jsonPayload } from './format-json';
import { mattermostPayload } from './format-mattermost';
import { slackPayload } from './format-slack';
import { teamsPayload } from './format-teams';
import { signatureHeaders } from './sign';

/** What goes over the wire to one destination: the exact body (signed as is) and its headers. */
export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

const PAYLOAD: Record<Destination['kind'], (a: Announcement) => unknown> = {
  slack: slackPayload,
  teams: teamsPayload,
  discord: discordPayload,
  mattermost: mattermostPayload,
  json: jsonPayload,
};

/** The request for one announcement to one destination; `json` ones are signed when they have a secret. */
export async function requestFor(destination: Destination, announcement: Announcement, nowMs: number): Promise<OutgoingRequest> {
  const body = JSON.stringify(PAYLOAD[destination.kind](announcement));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (destination.kind === 'json' && destination.secret) Object.assign(headers, await signatureHeaders(destination.secret, body, nowMs / 1000));
  return { body, headers };
}
