// Bytes of JavaScript the popup loads before it can show anything: the entry
// script and every chunk popup.html preloads, gzip -9 as a store would serve it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJs(outDir, page) {
  const html = readFileSync(join(outDir, page), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files: sizes,
    raw: sizes.reduce((n, s) => n + s.raw, 0),
    gzip: sizes.reduce((n, s) => n + s.gzip, 0),
  };
}

/** Whether a bundle pulls in a library that must never load in a page (issue: supabase-js, html2canvas). */
export function bundleMentions(outDir, page, needle) {
  return initialJs(outDir, page).files.some((f) => readFileSync(join(outDir, f.file), 'utf8').includes(needle));
}
