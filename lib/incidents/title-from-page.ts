import { TITLE_MAX } from '../model/limits';

/**
 * A title for an incident declared straight from a page (keyboard command,
 * context menu): the tab's title made into one clean line, or the host.
 */
export function titleFromPage(tab: { title?: string | undefined; url?: string | undefined }): string {
  const title = (tab.title ?? '').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (title) return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
  try {
    const { host } = new URL(tab.url ?? '');
    if (host) return `Incident on ${host}`;
  } catch {
    // fall through
  }
  return 'Untitled incident';
}
