// Part of `npm run bench`: the extension's budgets, measured on a production build (dist/).
//   - bundle sizes: dist/extension.js ≤ 200 KB, the webview script ≤ 60 KB;
//   - activation (module load + activate()) ≤ 30 ms, the median of fresh processes, beside a do-nothing
//     extension measured the same way;
//   - the sidebar in headless Chromium: every card in the DOM within 100 ms of the HTML being set, and,
//     with 500 team cards besides ours, a search keystroke answered within 16 ms.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const RUNS = Number(process.env.BENCH_ACTIVATION_RUNS ?? 15);
const TEAM_CARDS = 500;
const KB = 1024;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const rows = [];
const report = (what, value, budget, unit) =>
  rows.push({ what, value, budget, unit, ok: budget === undefined ? '' : value <= budget ? 'ok' : 'OVER' });

// Sizes ------------------------------------------------------------------------------------------
const size = (file) => statSync(path.join(root, file)).size / KB;
report('dist/extension.js', size('dist/extension.js'), 200, 'KB');
report('dist/webview/sidebar.js', size('dist/webview/sidebar.js'), 60, 'KB');
for (const file of readdirSync(path.join(root, 'dist', 'lazy')).sort()) {
  report(`  loaded on first use: dist/lazy/${file}`, size(`dist/lazy/${file}`), undefined, 'KB');
}

// Activation ---------------------------------------------------------------------------------------
const probe = path.join(root, 'bench', 'activation-probe.cjs');
const doNothing = path.join(mkdtempSync(path.join(os.tmpdir(), 'lfb-bench-')), 'do-nothing.js');
writeFileSync(doNothing, 'exports.activate = () => {};\n');
const timings = { ours: [], doNothing: [] };
for (let run = 0; run < RUNS; run++) {
  // Interleaved, so that the machine's mood lands on both alike.
  for (const [who, file] of [['ours', path.join(root, 'dist', 'extension.js')], ['doNothing', doNothing]]) {
    timings[who].push(JSON.parse(execFileSync(process.execPath, [probe, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })));
  }
}
const activation = median(timings.ours.map((timing) => timing.total));
report(`activation, median of ${RUNS} fresh processes`, activation, 30, 'ms');
report('  of which module load', median(timings.ours.map((timing) => timing.load)), undefined, 'ms');
report('  of which activate()', median(timings.ours.map((timing) => timing.activate)), undefined, 'ms');
report('  a do-nothing extension, same way', median(timings.doNothing.map((timing) => timing.total)), undefined, 'ms');

// Sidebar in Chromium --------------------------------------------------------------------------------
const { ContentLibrary, createRenderer, sidebarHtml } = require(path.join(root, 'dist', 'core.js'));
const { cards, templates } = JSON.parse(await readFile(path.join(root, 'dist', 'content.json'), 'utf8'));
const words = 'review planning incident retro pairing standup release oncall design testing mentoring onboarding'.split(' ');
const teamCards = Array.from({ length: TEAM_CARDS }, (_, i) => ({
  id: `team-card-${i}`,
  kind: i % 3 === 0 ? 'prompt' : 'tip',
  title: `Team habit ${i}: ${words[i % words.length]} together`,
  summary: `How we handle ${words[(i * 7) % words.length]} when the ${words[(i * 5) % words.length]} gets busy.`,
  tags: [words[i % words.length], words[(i + 3) % words.length]],
  order: 100 + i,
  question: `What would change if someone else led the next ${words[(i * 3) % words.length]}?`,
  body: `A short note about ${words[i % words.length]}.\n\n## In a software team\nThe team tries it for two sprints.`,
  ...(i % 3 === 0 ? { label: `Habit ${i}`, directive: 'Do it my way.', supportive: 'What would you try?' } : {}),
  origin: 'team',
  file: `team-card-${i}.md`,
}));
// Two sidebars: the shipped content alone, and with a team's 500 cards besides it.
const libraries = {
  shipped: new ContentLibrary(cards, templates),
  team: new ContentLibrary([...cards, ...teamCards], templates),
};
const assets = {
  '/sidebar.js': ['dist/webview/sidebar.js', 'text/javascript'],
  '/sidebar.css': ['media/sidebar.css', 'text/css'],
  '/codicon.css': ['dist/webview/codicons/codicon.css', 'text/css'],
  '/codicon.ttf': ['dist/webview/codicons/codicon.ttf', 'font/ttf'],
};
let origin = '';
const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', origin);
  const library = libraries[url.pathname.slice(1)];
  if (library) {
    const html = sidebarHtml(library, createRenderer(), { cspSource: origin, nonce: 'YmVuY2g', scriptUri: `${origin}/sidebar.js`, styleUri: `${origin}/sidebar.css`, codiconsUri: `${origin}/codicon.css` });
    response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    return;
  }
  const asset = assets[url.pathname];
  if (!asset) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': asset[1] }).end(await readFile(path.join(root, asset[0])));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.LFB_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

/** Opens one sidebar page; returns when its script said "ready", with the times since the HTML was set. */
async function openSidebar(name) {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.addInitScript(() => {
    window.__htmlSet = performance.now();
    // "interactive": the parser is done, so every card is in the DOM.
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') window.__inDom = performance.now();
    });
    // The webview host's API; the page says "ready" once its script has wired every card.
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => {
        if (message?.type === 'ready' && window.__ready === undefined) {
          window.__ready = performance.now();
          window.__cardsAtReady = document.querySelectorAll('article.card').length;
        }
      },
      getState: () => undefined,
      setState: () => undefined,
    });
  });
  await page.goto(`${origin}/${name}`);
  await page.waitForFunction(() => window.__ready !== undefined);
  const times = await page.evaluate(() => ({ inDom: window.__inDom - window.__htmlSet, wired: window.__ready - window.__htmlSet, cards: window.__cardsAtReady }));
  const expected = libraries[name].cards.length + templates.length; // retro templates show as cards too
  if (times.cards !== expected) throw new Error(`${name}: expected ${expected} cards at "ready", found ${times.cards}`);
  return { page, ...times };
}

const measured = { shipped: { inDom: [], wired: [] }, team: { inDom: [], wired: [] } };
const keystrokes = [];
try {
  for (let run = 0; run < 7; run++) {
    for (const name of ['shipped', 'team']) {
      const { page, inDom, wired } = await openSidebar(name);
      page.on('console', (m) => process.stderr.write(m.text() + '\n'));
      measured[name].inDom.push(inDom);
      measured[name].wired.push(wired);
      if (name === 'team') {
        // Keystrokes: the input handler, then the layout it causes, measured inside the page.
        keystrokes.push(
          ...(await page.evaluate(() => {
            const input = document.getElementById('search');
            const times = [];
            for (const text of ['r', 're', 'ret', 'retr', 'retro', 'x', '']) {
              const started = performance.now();
              input.value = text;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const handled = performance.now();
              void document.body.offsetHeight;
              times.push(performance.now() - started);
              window.__split = (window.__split ?? []).concat([[text, +(handled - started).toFixed(1), +(performance.now() - handled).toFixed(1)]]);
            }
            console.log(JSON.stringify(window.__split));
            return times;
          })),
        );
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const shippedCards = libraries.shipped.cards.length + templates.length;
report(`sidebar: all ${shippedCards} cards in the DOM, after the HTML is set`, median(measured.shipped.inDom), 100, 'ms');
report('  and wired by its script (its files load first)', median(measured.shipped.wired), undefined, 'ms');
report(`  the same with ${TEAM_CARDS} team cards besides`, median(measured.team.inDom), undefined, 'ms');
report(`sidebar: a search keystroke answered, ${TEAM_CARDS} team cards`, median(keystrokes), 16, 'ms');
report('  the slowest keystroke', Math.max(...keystrokes), undefined, 'ms');

const width = Math.max(...rows.map((row) => row.what.length));
console.log('\nBudgets (production build)\n');
console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(8)}  budget`);
for (const { what, value, budget, unit, ok } of rows) {
  console.log(`${what.padEnd(width)}  ${value.toFixed(1).padStart(8)} ${unit.padEnd(2)}  ${budget === undefined ? '' : `≤ ${budget} ${unit}  ${ok}`}`);
}
const over = rows.filter((row) => row.ok === 'OVER');
console.log(`\nbudgets: ${rows.filter((row) => row.ok === 'ok').length} met, ${over.length} over`);
process.exitCode = over.length > 0 ? 1 : 0;
