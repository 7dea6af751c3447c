// Terminal colour codes survive a copy from some terminals; they are noise in a log.
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// Longer than any colour code we remove: a chunk never ends inside one.
const ESCAPE_SPAN = 32;
const CHUNK = 64 * 1024;

export interface ClippedPaste {
  /** What to insert: colour codes removed, at most `room` characters. */
  text: string;
  /** Part of the clipboard was left out to stay within `room`. */
  cut: boolean;
}

/**
 * Cleans and clips pasted text to `room` characters, touching only as much of
 * the clipboard as it needs: a 50 MB paste costs a few chunks, not a regex
 * over 50 MB and a textarea holding it (which froze the side panel). Counts in
 * UTF-16 units, as the note schema's max does, and never splits a surrogate pair.
 */
export function clipPaste(pasted: string, room: number): ClippedPaste {
  let text = '';
  let at = 0;
  while (text.length <= room && at < pasted.length) {
    let end = Math.min(pasted.length, at + Math.max(CHUNK, room - text.length + 1));
    if (end < pasted.length) {
      // Never cut an escape sequence in two: end the chunk before an ESC close to its end.
      const esc = pasted.lastIndexOf('\u001b', end - 1);
      if (esc > at && end - esc < ESCAPE_SPAN) end = esc;
    }
    text += pasted.slice(at, end).replace(ANSI_ESCAPE, '');
    at = end;
  }
  const cut = text.length > room || at < pasted.length;
  text = text.slice(0, Math.max(0, room));
  if (cut && /[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  return { text, cut };
}
