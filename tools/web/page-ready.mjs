// Measures how long the web UI takes to be ready (body[data-ready]) in Debian's Chromium, cold cache, N times.
// Usage: NODE_PATH=<folder with playwright-core> node tools/web/page-ready.mjs URL [runs] [screenshot.png]
// playwright-core is not a dependency of the page: install it anywhere (npm install playwright-core) and point NODE_PATH there.
import { createRequire } from 'node:module';
const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH + '/' : import.meta.url);
const { chromium } = require('playwright-core');

const [url, runs = '5', shot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 60000 });
  times.push(Date.now() - start);
  if (shot && i === Number(runs) - 1) await page.screenshot({ path: shot, fullPage: true });
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`page-ready ms: median ${times[Math.floor(times.length / 2)]}, min ${times[0]}, max ${times[times.length - 1]} (${times.join(', ')})`);
