#!/usr/bin/env node
// Renders the Marketplace icon, media/icon.png (128×128), from the activity-bar icon media/icon.svg:
// the same figures in white on the extension's green, drawn by Chromium so the PNG matches the SVG.
//
//   node scripts/make-icon.mjs        (Chromium at LFB_CHROMIUM, or /usr/bin/chromium)
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZE = 128;
const BACKGROUND = '#1f5c45';
const root = new URL('..', import.meta.url);
const figures = readFileSync(new URL('media/icon.svg', root), 'utf8')
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace('stroke="currentColor"', 'stroke="#ffffff"');
const html = `<!doctype html><body style="margin:0;background:transparent">
<div style="width:${SIZE}px;height:${SIZE}px;border-radius:24px;background:${BACKGROUND};display:grid;place-items:center">
${figures.replace(/width="24" height="24"/, 'width="96" height="96"')}
</div></body>`;

const browser = await chromium.launch({ executablePath: process.env.LFB_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  writeFileSync(new URL('media/icon.png', root), await page.screenshot({ omitBackground: true }));
  console.log(`wrote media/icon.png (${SIZE}×${SIZE})`);
} finally {
  await browser.close();
}
