import { networkOutline, requestDetails, statusLabel } from '../format/network';
import type { NetworkContext, NetworkRequest } from '../model/network-context';
import { escapeMarkdown, inlineCode } from './markdown-text';

/**
 * A screenshot's network context as a list nested under its timeline item, in
 * the timeline's words (lib/format/network.ts): each heading an item of its
 * own with its requests nested under it, so no line can run into the one
 * before (CommonMark's lazy continuation). URLs are inline code, never links:
 * they come from the page.
 */
export function networkLines(network: NetworkContext, indent = '  '): string {
  const request = (r: NetworkRequest) => {
    const status = statusLabel(r);
    return `${indent}  - ${status ? `${status} ` : ''}${inlineCode(r.url)} · ${escapeMarkdown(requestDetails(r))}`;
  };
  const { note, sections } = networkOutline(network);
  return [
    ...(note ? [`${indent}- ${note}`] : []),
    ...sections.flatMap((s) => [`${indent}- ${s.heading}:`, ...s.requests.map(request)]),
  ].join('\n');
}
