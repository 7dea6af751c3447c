import type { Destination } from '../../../lib/announce/destination';
import { DESTINATION_KIND_LABEL } from '../../../lib/announce/destination-url';

/** "Slack · hooks.slack.com": how a destination is named in the list and in its buttons. */
export function destinationName(d: Destination): string {
  let host = d.url;
  try {
    host = new URL(d.url).host;
  } catch {
    // shown as typed
  }
  return `${DESTINATION_KIND_LABEL[d.kind]} · ${host}`;
}
