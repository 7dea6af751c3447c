import { createServer } from 'node:http';
import { launchWithExtension } from '../test/support/chromium.mjs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const launch = (extensionDir) => launchWithExtension(extensionDir);

// A dashboard-like page: text, a grid and a chart, so encoded sizes are realistic.
const DASHBOARD = `<!doctype html><title>Checkout latency - Grafana</title>
<style>body{margin:0;font:13px system-ui,sans-serif;background:#111217;color:#ccccdc}
header{padding:10px 16px;background:#181b1f;border-bottom:1px solid #2c3235}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;padding:8px}
.panel{background:#181b1f;border:1px solid #2c3235;padding:8px;height:230px}
svg{width:100%;height:180px}</style>
<header>Checkout / latency p99 · last 6 hours · refresh 30s</header><div class="grid">${Array.from(
  { length: 6 },
  (_, i) => `<div class="panel"><div>Panel ${i + 1}: p99 latency (ms)</div><svg viewBox="0 0 300 100" preserveAspectRatio="none">
  <polyline fill="none" stroke="${['#73bf69', '#f2cc0c', '#ff7383', '#5794f2', '#b877d9', '#ff9830'][i]}" stroke-width="1.5" points="${Array.from(
    { length: 60 },
    (_, x) => `${x * 5},${50 + Math.round(30 * Math.sin((x + i * 7) / 4) + ((x * 37 + i * 11) % 17) - 8)}`,
  ).join(' ')}"/></svg></div>`,
).join('')}</div>`;

export async function startSite() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url === '/dashboard' ? DASHBOARD : '<!doctype html><title>Checkout errors spiking - Grafana</title><h1>graph</h1>');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
