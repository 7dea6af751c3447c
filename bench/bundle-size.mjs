// JavaScript a page loads, gzip -9 as a store would serve it. `initialJs`
// follows the page's entry scripts and their static imports: what must load
// before the page runs. `withDynamic` also follows dynamic import() calls.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

function entryScripts(outDir, page) {
  const html = readFileSync(join(outDir, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+\.js)"/g)].map((m) => m[1]);
}

function collect(outDir, roots, followDynamic) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    const patterns = followDynamic ? [STATIC_IMPORT, DYNAMIC_IMPORT] : [STATIC_IMPORT];
    for (const pattern of patterns) {
      for (const m of code.matchAll(pattern)) {
        queue.push(relative(outDir, normalize(join(outDir, dirname(file), m[1]))));
      }
    }
  }
  const files = [...seen].map((file) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

export const initialJs = (outDir, page) => collect(outDir, entryScripts(outDir, page), false);

export const allJs = (outDir, page) => collect(outDir, entryScripts(outDir, page), true);

/**
 * The popup's two stages: the boot script (and its static imports), then the
 * app it imports right away (with the app's static imports); what the app
 * itself loads lazily (the write path) is not counted.
 */
export function bootThenAppJs(outDir, page) {
  const boot = initialJs(outDir, page);
  const appRoots = boot.files.flatMap(({ file }) =>
    [...readFileSync(join(outDir, file), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) =>
      relative(outDir, normalize(join(outDir, dirname(file), m[1]))),
    ),
  );
  return collect(outDir, [...boot.files.map((f) => f.file), ...appRoots], false);
}
