import { it } from 'vitest';
import { generateBenchData } from './sidepanel-data';
import { startSidePanelBench } from './sidepanel-browser';

function instrument(rowsSel: string) {
  const log: { what: string; start: number; end?: number; n?: number }[] = [];
  const w = window as unknown as { __log: typeof log; __rows?: number; __lt: { start: number; dur: number }[] };
  w.__log = log;
  w.__lt = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__lt.push({ start: e.startTime, dur: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  for (const [proto, kind] of [[IDBObjectStore.prototype, 'store'], [IDBIndex.prototype, 'index']] as const) {
    for (const m of ['get', 'getAll', 'count', 'openCursor', 'getAllKeys', 'openKeyCursor', 'getKey']) {
      const orig = (proto as any)[m];
      if (!orig) continue;
      (proto as any)[m] = function (this: any, ...args: unknown[]) {
        const name = kind === 'store' ? this.name : `${this.objectStore.name}.${this.name}`;
        const entry: any = { what: `${name}.${m}`, start: performance.now(), steps: 0 };
        log.push(entry);
        const req = orig.apply(this, args);
        req.addEventListener('success', () => {
          entry.steps++;
          const r = req.result;
          if (m.includes('Cursor')) { if (!r) entry.end = performance.now(); }
          else { entry.end = performance.now(); entry.n = Array.isArray(r) ? r.length : undefined; }
        });
        return req;
      };
    }
  }
  const mo = new MutationObserver(() => { if (document.querySelector(rowsSel)) { w.__rows = performance.now(); mo.disconnect(); } });
  mo.observe(document, { childList: true, subtree: true });
}

it('probe', { timeout: 600_000 }, async () => {
  const data = generateBenchData();
  const bench = await startSidePanelBench(data);
  const { session } = bench;
  try {
    for (const [path, sel] of [['sidepanel.html', '.incident-list li'], [`sidepanel.html#/incident/${data.longIncidentId}`, '.timeline li']] as const) {
      for (let k = 0; k < 4; k++) {
        const page = await session.context.newPage();
        await page.addInitScript(instrument, sel);
        await page.goto(session.url(path));
        await page.waitForFunction(() => (window as any).__rows);
        await page.waitForTimeout(600);
        const r = await page.evaluate(() => ({ rows: (window as any).__rows, log: (window as any).__log, lt: (window as any).__lt, dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd }));
        await page.close();
        if (k < 3) continue;
        console.log(`\n== ${path}: dcl ${r.dcl.toFixed(1)} rows ${r.rows.toFixed(1)}`);
        console.log('longtasks', r.lt.map((x: any) => `${x.start.toFixed(0)}+${x.dur.toFixed(0)}`).join(' '));
        for (const e of r.log) console.log(`${e.start.toFixed(1)} → ${e.end?.toFixed(1)} (${((e.end ?? NaN) - e.start).toFixed(1)} ms) ${e.what} n=${e.n ?? ''} steps=${e.steps}`);
      }
      // CPU profile of one load
      const page = await session.context.newPage();
      await page.addInitScript(instrument, sel);
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(session.url(path));
      await page.waitForFunction(() => (window as any).__rows);
      const rows = await page.evaluate(() => (window as any).__rows);
      const { profile } = (await cdp.send('Profiler.stop')) as any;
      await page.close();
      const self = new Map<string, number>();
      const byUrl = new Map<string, number>();
      const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
      const dt = profile.timeDeltas as number[];
      profile.samples.forEach((id: number, i: number) => {
        const n = nodes.get(id);
        const f = n.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
        const u = f.url ? f.url.split('/').pop() : f.functionName;
        byUrl.set(u, (byUrl.get(u) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      console.log(`\n== profile ${path} rows at ${rows.toFixed(1)} (profiler on)`);
      console.log([...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join('\n'));
      console.log('-- top self');
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join('\n'));
    }
  } finally {
    await bench.close();
  }
});
