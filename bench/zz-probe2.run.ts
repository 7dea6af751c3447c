import { it } from 'vitest';
import { generateBenchData } from './sidepanel-data';
import { startSidePanelBench } from './sidepanel-browser';

const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
it('probe2', { timeout: 600_000 }, async () => {
  for (const incidents of [0, 2000]) {
    const data = generateBenchData({ incidents });
    const bench = await startSidePanelBench(data);
    try {
      const out: number[] = [];
      for (let k = 0; k < 14; k++) {
        const page = await bench.session.context.newPage();
        await page.addInitScript(() => {
          const mo = new MutationObserver(() => { if (document.querySelector('.timeline li')) { (window as any).__rows = performance.now(); mo.disconnect(); } });
          mo.observe(document, { childList: true, subtree: true });
        });
        await page.goto(bench.session.url(`sidepanel.html#/incident/${data.longIncidentId}`));
        const h = await page.waitForFunction(() => (window as any).__rows);
        const v = (await h.jsonValue()) as number;
        await page.close();
        if (k >= 2) out.push(v);
      }
      console.log(`timeline with ${incidents} other incidents: median ${med(out).toFixed(1)} ms  [${out.map((x) => x.toFixed(0)).join(' ')}]`);
    } finally {
      await bench.close();
    }
  }
});
