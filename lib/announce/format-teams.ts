import { incidentName, type Announcement } from './announcement';
import { LONG_TEXT_MAX, truncate } from './text';

/**
 * Microsoft Teams through a Workflows webhook (the "Post to a channel when a
 * webhook request is received" template, which replaces the retired Office 365
 * connectors). The template posts the first attachment's Adaptive Card
 * (its action reads `triggerOutputs()?['body']?['attachments']?[0]?['content']`),
 * so the body is
 * `{ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: <card> }] }`
 * (a worked example: https://gist.github.com/dtcMLOps/81e11acbdbe39db263f18a14b484b8ae; Apprise's
 * Workflows notifier sends the same shape, as logged in
 * https://github.com/dgtlmoon/changedetection.io/issues/3411).
 * A Workflows trigger answers 202 Accepted.
 * Version 1.4: Teams renders up to 1.5 on desktop, but mobile clients lag
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card).
 * TextBlock and FactSet render a Markdown subset (bold, italic, lists, links:
 * https://learn.microsoft.com/en-us/adaptive-cards/authoring-cards/text-features),
 * so text from an incident is escaped and cannot make a link. Plain "@name"
 * text is never a mention in Teams (mentions need `msteams.entities`).
 */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.4';

export function teamsText(text: string): string {
  return text.replace(/[\\`*_[\]()#>~-]/g, '\\$&');
}

type CardElement = Record<string, unknown>;

export interface TeamsPayload {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: { $schema: string; type: 'AdaptiveCard'; version: string; body: CardElement[]; actions?: CardElement[] };
  }[];
}

export function teamsPayload(a: Announcement): TeamsPayload {
  const facts = [
    { title: 'Severity', value: a.incident.severity === 'major' ? 'Major' : 'Minor' },
    { title: 'Lead', value: teamsText(a.incident.leadName) },
    ...(a.incident.outcome ? [{ title: 'Outcome', value: a.incident.outcome }] : []),
    ...(a.incident.duration ? [{ title: 'Duration', value: a.incident.duration }] : []),
    ...(a.customerUpdate ? [{ title: 'Channel', value: teamsText(a.customerUpdate.channel) }] : []),
  ];
  const attention = a.incident.severity === 'major' && a.what !== 'resolved';
  const body: CardElement[] = [
    { type: 'TextBlock', text: teamsText(a.headline), weight: 'Bolder', color: attention ? 'Attention' : a.what === 'resolved' ? 'Good' : 'Default', wrap: true },
    { type: 'TextBlock', text: teamsText(truncate(incidentName(a), 300)), size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'FactSet', facts },
  ];
  const text = a.customerUpdate?.text ?? a.incident.summary;
  if (text) body.push({ type: 'TextBlock', text: teamsText(truncate(text, LONG_TEXT_MAX)), wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: ADAPTIVE_CARD_SCHEMA,
          type: 'AdaptiveCard',
          version: ADAPTIVE_CARD_VERSION,
          body,
          ...(a.incident.link ? { actions: [{ type: 'Action.OpenUrl', title: 'Open the page it was declared from', url: a.incident.link }] } : {}),
        },
      },
    ],
  };
}
