// Runs the benchmarks, prints the figures as a Markdown table and exits
// non-zero when a target is missed. Record the output in bench/README.md.
// BENCH_SMOKE=1 (npm run bench:smoke, part of npm test): a few opens and 16
// captures (past the 15 that fill the side panel), no target enforced: it
// proves the bench still runs to the end, so a broken bench fails CI.
import { allJs, bootThenAppJs, initialJs } from './bundle-size.mjs';
import { benchCapture } from './capture.mjs';
import { benchPopupOpen } from './popup-open.mjs';
import { SMOKE } from './wait.mjs';

const KB = 1024;
const rows = [];
let failed = false;
function check(what, value, target, ok) {
  rows.push(`| ${what} | ${value} | ${target} | ${ok ? 'met' : '**missed**'} |`);
  if (!ok) failed = true;
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const boot = initialJs('.output/chrome-mv3', 'popup.html');
check('popup up-front JS before Title is ready (gzip)', kb(boot.gzip), '≤ 130 KB', boot.gzip <= 130 * KB);
const everything = allJs('.output/chrome-mv3', 'popup.html');
const appGzip = bootThenAppJs('.output/chrome-mv3', 'popup.html').gzip;
check('popup with its React app, loaded right after (gzip)', kb(appGzip), '≤ 130 KB', appGzip <= 130 * KB);
check('… plus the lazy write path (zod, schemas)', kb(everything.gzip), '—', true);

const open = await benchPopupOpen(SMOKE ? { opens: 2 } : {});
const ratio = open.popupMedian / open.blankMedian;
check(
  `popup cold open → Title ready, median of ${open.opens}`,
  `${open.popupMedian.toFixed(1)} ms`,
  '≤ 100 ms',
  open.popupMedian <= 100,
);
check('blank extension page (floor), same run', `${open.blankMedian.toFixed(1)} ms`, '—', true);
check('popup / blank', `${ratio.toFixed(2)}×`, '≤ 2×', ratio <= 2);
check(
  'script floor: one script reading profile + tab, then focus (same run)',
  `${open.floorMedian.toFixed(1)} ms (${(open.floorMedian / open.blankMedian).toFixed(2)}× blank)`,
  '—',
  true,
);

const shot = await benchCapture(SMOKE ? { captures: 16 } : {});
check(
  `screenshot click → stored + thumbnail shown, median of ${shot.captures}`,
  `${shot.clickMedian.toFixed(1)} ms`,
  '≤ 150 ms',
  shot.clickMedian <= 150,
);
check('raw captureVisibleTab (floor), same run', `${shot.rawMedian.toFixed(1)} ms`, '—', true);
check(
  'stored bytes per 1280×800 capture (median / max)',
  `${kb(shot.bytesMedian)} / ${kb(shot.bytesMax)} (${shot.types.join(', ')})`,
  '≤ 100 KB',
  shot.bytesMax <= 100 * KB,
);
check(
  'thumbnail data URL (median / max)',
  `${kb(shot.thumbMedian)} / ${kb(shot.thumbMax)}`,
  '≤ 10 KB',
  shot.thumbMax <= 10 * KB,
);

console.log('| what | measured | target | |\n| --- | --- | --- | --- |\n' + rows.join('\n'));
console.log(`\npopup samples (ms): ${open.popup.map((v) => v.toFixed(1)).join(' ')}`);
console.log(`blank samples (ms): ${open.blank.map((v) => v.toFixed(1)).join(' ')}`);
console.log(`capture samples (ms): ${shot.click.map((v) => v.toFixed(1)).join(' ')}`);
console.log(`raw capture samples (ms): ${shot.raw.map((v) => v.toFixed(1)).join(' ')}`);
if (SMOKE) console.log('\nbench:smoke: every step ran; targets are not enforced on a smoke run.');
process.exit(failed && !SMOKE ? 1 : 0);
