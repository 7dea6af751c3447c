/** "incident-register-2026-11-26.csv": named for the day it was made, in the person's own time zone. */
export function datedFileName(stem: string, extension: string, nowMs: number): string {
  const d = new Date(nowMs);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${stem}-${day}.${extension}`;
}

/** Saves text as a file through an object URL and an `<a download>`: no downloads permission needed. */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves a Blob (the evidence pack's zip, folded from chunks by lib/evidence/blob-sink.ts) the same way. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started reading the
  // URL yet; FileSaver.js waits 40 s for the same reason:
  // https://github.com/eligrey/FileSaver.js/blob/master/src/FileSaver.js
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

// Excel reads a CSV without a byte order mark as the system code page, so
// “quotes” and accented names come out garbled; with one it reads UTF-8.
// https://donatstudios.com/CSV-An-Encoding-Nightmare (update of 2022-07-22)
export const UTF8_BOM = '\uFEFF';
