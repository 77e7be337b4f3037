#!/usr/bin/env node
// Renders resources/*.svg to the PNGs Electron and electron-builder need, with Debian's Chromium.
// Run after editing an icon: `node scripts/render-icons.mjs`. The PNGs are committed.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const browser = await chromium.launch({
  executablePath: process.env.IZZIE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const [svg, png, size] of [
  ['resources/icon.svg', 'resources/icon.png', 512],
  ['resources/tray.svg', 'resources/tray.png', 32],
  ['resources/tray.svg', 'resources/tray@2x.png', 64],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${readFileSync(svg, 'utf8')}`,
  );
  await page.screenshot({ path: png, omitBackground: true });
  await page.close();
  console.log(`${png} (${size}px)`);
}
await browser.close();
