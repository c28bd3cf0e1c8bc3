import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let run = 0; run < 4; run++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(() => { const f = window.fetch; (window as any).__f = []; window.fetch = (...a: any[]) => { (window as any).__f.push(performance.now()); return (f as any)(...a); }; });
  await page.goto('http://localhost:8091/');
  await page.waitForFunction(() => document.querySelectorAll('.card .recharts-bar-rectangle').length > 0
    && document.querySelector('.card .recharts-line-curve') !== null && document.querySelectorAll('.heatmap td button').length > 0
    && document.querySelectorAll('section.card[aria-busy="true"]').length === 0);
  const t = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')) as PerformanceResourceTiming[];
    return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd, firstFetch: (window as any).__f[0], apiStart: Math.min(...r.map((x) => x.startTime)), apiEnd: Math.max(...r.map((x) => x.responseEnd)), now: performance.now(),
      js: (performance.getEntriesByType('resource').find((e) => e.name.endsWith('.js')) as PerformanceResourceTiming)?.responseEnd };
  });
  console.log(Object.entries(t).map(([k, v]) => `${k} ${Math.round(v)}`).join('  '));
  await page.close();
}
await browser.close();
