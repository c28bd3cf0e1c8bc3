import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto('http://localhost:8091/'); await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
const t0 = performance.now();
await page.goto('http://localhost:8091/');
await page.waitForFunction(() => document.querySelectorAll('.card .recharts-bar-rectangle').length > 0
    && document.querySelector('.card .recharts-line-curve') !== null && document.querySelectorAll('.heatmap td button').length > 0
    && document.querySelectorAll('section.card[aria-busy="true"]').length === 0);
console.log('total', performance.now() - t0);
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>();
const dt = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0) / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join('\n'));
const parent = new Map<number, any>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
const chains = new Map<string, number>();
for (const n of profile.nodes) if (n.callFrame.functionName === 'getBoundingClientRect') {
  let p = parent.get(n.id); const names: string[] = [];
  for (let i = 0; i < 6 && p; i++) { names.push(`${p.callFrame.functionName}:${p.callFrame.lineNumber}:${p.callFrame.columnNumber}`); p = parent.get(p.id); }
  const k = names.join(' < '); chains.set(k, (chains.get(k) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
}
console.log([...chains].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${v.toFixed(0)} ${k}`).join('\n'));
await browser.close();
