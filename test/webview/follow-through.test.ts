// The Follow-through view's page exactly as the extension builds it (the core's section inside the view's
// page, under the sidebar's CSP, with its real script), in headless Chromium: the chart against the table,
// the keyboard, hostile action text from the XSS corpus, and the three kinds of theme.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyzeFollowThrough } from '../../src/core/follow-through/analyze';
import { followThroughHtml, MAX_ACTION_TEXT } from '../../src/core/follow-through/follow-through-html';
import type { FollowThroughReport, RetroNoteText } from '../../src/core/follow-through/report';
import { stuckActions } from '../../src/core/follow-through/views';
import { followThroughPage, type FollowThroughPageContent } from '../../src/core/sidebar/follow-through-page';
import { installRecordingHost, launchChromium, pageAssets, servePages } from './harness';

const root = process.cwd();
const NONCE = 'Zm9sbG93LXRocm91Z2g';
const QUESTION = 'On your team right now, which column describes you better, and is that what the team needs?';

interface Payload {
  readonly id: string;
  readonly category: string;
  readonly payload: string;
}
const corpus = JSON.parse(readFileSync(path.join(root, 'test/fixtures/xss-payloads.json'), 'utf8')) as { nonce: string; payloads: Payload[] };

/** The fixture folder of seven real notes, as the extension would pass them (paths relative to the workspace folder). */
function fixtureNotes(): RetroNoteText[] {
  const folder = path.join(root, 'test/fixtures/retro-notes');
  return readdirSync(folder)
    .filter((name) => /^\d{4}-\d{2}-\d{2}.*\.md$/.test(name))
    .map((name) => ({ file: `docs/retros/${name}`, text: readFileSync(path.join(folder, name), 'utf8') }));
}

/** Four notes in which every payload is an open action of @ana's, carried three times: each one is stuck. */
function hostileNotes(payloads: readonly Payload[]): RetroNoteText[] {
  const items = payloads.map(({ payload }) => `- [ ] ${payload.replace(/[\r\n]+/g, ' ')} @ana`).join('\n');
  const dates = ['2026-09-03', '2026-09-17', '2026-10-01', '2026-10-15'];
  // A file name is the team's too: the latest note's carries markup.
  return dates.map((date, index) => ({
    file: index === dates.length - 1 ? `docs/retros/${date}-"><img src=x onerror="__pwned('file')">.md` : `docs/retros/${date}-retro.md`,
    text: `# Retro ${date}\n\n## Actions\n\n${items}\n`,
  }));
}

type Theme = 'dark' | 'light' | 'high-contrast';
const THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];

interface Recorded {
  messages: { type: string; file?: string; line?: number }[];
  violations: string[];
}


describe('Follow-through view in Chromium', function () {
  this.timeout(60_000);
  const summary: string[] = [];
  let browser: Browser;
  let server: Server;
  let origin = '';
  const pages = new Map<string, string>();
  const fixtureReport = analyzeFollowThrough(fixtureNotes());

  /** Publishes the page for `report` at `/name`, as followThroughViewPage builds it. */
  function publish(name: string, report: FollowThroughReport, options: { question?: string; folderName?: string } = {}): string {
    const content: FollowThroughPageContent = {
      kind: 'report',
      folderName: options.folderName,
      sectionHtml: followThroughHtml(report, { question: options.question ?? QUESTION }),
      skipped: [],
    };
    pages.set(
      `/${name}`,
      followThroughPage(content, pageAssets(origin, 'follow-through', NONCE)),
    );
    return `${origin}/${name}`;
  }

  before(async () => {
    ({ server, origin } = await servePages((pathname) => pages.get(pathname)));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (summary.length > 0) console.log(summary.map((line) => `      ${line}`).join('\n'));
  });

  interface Opened {
    page: Page;
    hits: string[];
    remote: string[];
    console: string[];
  }

  async function open(url: string, options: { theme?: Theme; bypassCSP?: boolean } = {}): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, bypassCSP: options.bypassCSP ?? false });
    const opened: Opened = { page: undefined as unknown as Page, hits: [], remote: [], console: [] };
    await context.exposeBinding('__pwned', (_source, argument: unknown) => {
      opened.hits.push(String(argument));
    });
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(`${origin}/`)) return route.continue();
      opened.remote.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on('close', () => void context.close());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') opened.console.push(message.text());
    });
    page.on('dialog', (dialog) => {
      opened.hits.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.addInitScript(installRecordingHost);
    await page.goto(url);
    if (options.theme) await page.addStyleTag({ url: `${origin}/theme-${options.theme}.css` });
    await page.waitForFunction(() => (window as unknown as { __recorded: Recorded }).__recorded.messages.length > 0);
    opened.page = page;
    return opened;
  }

  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);

  it('says ready, and shows the chart and a table with the same figures as the report', async () => {
    const { page } = await open(publish('fixture', fixtureReport));
    assert.deepEqual((await recorded(page)).messages, [{ type: 'ready' }]);
    assert.equal(await page.locator('svg.ft-svg[role="img"]').count(), 1);
    const rows = await page.$$eval('table.ft-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent ?? '')));
    // The table is the report's figures.
    assert.deepEqual(
      rows.map((row) => row.slice(0, 5)),
      fixtureReport.retros.map((retro) => [retro.date, String(retro.raised), String(retro.done), String(retro.carried), String(retro.dropped)]),
    );
    // Each bar of the chart says, and is as tall as, the same figures.
    const bars = await page.$$eval('svg.ft-svg g.ft-bar', (groups) =>
      groups.map((group) => ({
        title: group.querySelector('title')?.textContent ?? '',
        heights: Object.fromEntries(Array.from(group.querySelectorAll('rect'), (rect) => [rect.getAttribute('class') ?? '', Number(rect.getAttribute('height'))])) as Record<string, number>,
      })),
    );
    assert.equal(bars.length, rows.length);
    // The tallest bar sets the scale.
    const barHeight = (heights: Record<string, number>) => Object.values(heights).reduce((sum, height) => sum + height, 0);
    const unit = Math.max(...bars.map((bar) => barHeight(bar.heights))) / Math.max(...fixtureReport.retros.map((retro) => retro.done + retro.carried + retro.dropped));
    bars.forEach((bar, index) => {
      const retro = fixtureReport.retros[index];
      assert.match(bar.title, new RegExp(`^${retro.date}: ${retro.done} done, ${retro.carried} carried, ${retro.dropped} dropped; follow-through rate ${rows[index][5].replace('%', '\\%')}$`));
      for (const part of ['done', 'carried', 'dropped'] as const) {
        const height = bar.heights[`ft-${part}`] ?? 0;
        assert.ok(Math.abs(height - (retro[part] * unit)) < 0.2, `${retro.date} ${part}: ${height} for ${retro[part]}`);
      }
    });
    // The chart is drawn: its bars take up room, in a theme colour.
    const box = await page.locator('svg.ft-svg').boundingBox();
    assert.ok(box && box.width > 200 && box.height > 80, JSON.stringify(box));
    assert.equal(await page.locator('.ft-stuck button[data-file][data-line]').count(), stuckActions(fixtureReport).length);
    assert.deepEqual((await recorded(page)).violations, []);
    await page.close();
  });

  it('is operable by keyboard: Tab reaches the folder button, each stuck action and Review Open Actions; Enter and Space act', async () => {
    const { page } = await open(publish('keyboard', fixtureReport, { folderName: 'falcons' }), { theme: 'dark' });
    const stuck = stuckActions(fixtureReport);
    const stops: { command?: string; file?: string; line?: string; outline: string }[] = [];
    for (let step = 0; step < stuck.length + 2; step++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          return { command: element.dataset.command, file: element.dataset.file, line: element.dataset.line, outline: getComputedStyle(element).outlineStyle };
        }),
      );
    }
    assert.deepEqual(
      stops.map(({ command, file, line }) => command ?? `${file}:${line}`),
      ['chooseFolder', ...stuck.map((action) => `${action.file}:${action.line}`), 'reviewOpenActions'],
    );
    assert.ok(stops.every((stop) => stop.outline !== 'none'), 'focus is visible on every stop');

    // Back from Review Open Actions to the first stuck action: Enter opens it, Space too; then on to Review
    // Open Actions, where Space and Enter act too.
    for (let step = 0; step < stuck.length; step++) await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.file), stuck[0].file);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    for (let step = 0; step < stuck.length; step++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    const first = { type: 'openAction', file: stuck[0].file, line: stuck[0].line };
    assert.deepEqual((await recorded(page)).messages, [{ type: 'ready' }, first, first, { type: 'reviewOpenActions' }, { type: 'reviewOpenActions' }]);
    await page.close();
  });

  it('the folder button asks to change folders', async () => {
    const { page } = await open(publish('folder', fixtureReport, { folderName: 'falcons' }));
    assert.equal(await page.locator('.follow-through-folder').textContent(), 'Notes in falcons\nChange folder');
    await page.locator('button[data-command="chooseFolder"]').click();
    assert.deepEqual((await recorded(page)).messages.slice(1), [{ type: 'chooseFolder' }]);
    await page.close();
  });

  // The harness must be able to fail: markup that does reach the page trips the sentinel and the CSP log.
  it('notices a script that runs and a CSP refusal (control)', async () => {
    const sectionHtml = `<p><img src="x" onerror="__pwned('control')"></p>`;
    const assets = pageAssets(origin, 'follow-through', NONCE);
    pages.set('/control', followThroughPage({ kind: 'report', folderName: undefined, sectionHtml, skipped: [] }, assets));
    const withoutCsp = await open(`${origin}/control`, { bypassCSP: true });
    await withoutCsp.page.waitForTimeout(200);
    assert.deepEqual(withoutCsp.hits, ['control']);
    await withoutCsp.page.close();
    const underCsp = await open(`${origin}/control`);
    await underCsp.page.waitForTimeout(200);
    assert.deepEqual(underCsp.hits, []);
    assert.notDeepEqual((await recorded(underCsp.page)).violations, []);
    await underCsp.page.close();
  });

  const BATCH = 20; // the section lists this many stuck actions
  const batches = Array.from({ length: Math.ceil(corpus.payloads.length / BATCH) }, (_, index) => corpus.payloads.slice(index * BATCH, (index + 1) * BATCH));
  let clean = 0;

  for (const [index, batch] of batches.entries()) {
    it(`runs nothing and shows hostile action text as text: payloads ${(index * BATCH) + 1}-${(index * BATCH) + batch.length} of ${corpus.payloads.length}`, async () => {
      const report = analyzeFollowThrough(hostileNotes(batch));
      // A hostile reflection question, too (it comes from a card).
      const url = publish(`hostile-${index}`, report, { question: batch[0].payload, folderName: batch[1].payload });
      for (const bypassCSP of [false, true]) {
        const opened = await open(url, { bypassCSP });
        const { page } = opened;
        for (let step = 0; step < BATCH + 3; step++) await page.keyboard.press('Tab');
        for (let y = 0; y < 900; y += 100) await page.mouse.move(180, y);
        await page.waitForTimeout(200);
        const shown = await page.$$eval('.ft-stuck button', (buttons) => buttons.map((button) => button.textContent ?? ''));
        const expected = stuckActions(report).map((action) => {
          const characters = Array.from(action.text);
          return characters.length <= MAX_ACTION_TEXT ? action.text : `${characters.slice(0, MAX_ACTION_TEXT - 1).join('').trimEnd()}…`;
        });
        // Text as the HTML parser keeps it: NUL is dropped from text.
        assert.deepEqual(shown, expected.map((text) => text.replace(/\0/g, '')), 'each stuck action shows its text as text');
        const strays = await page.$$eval('main *', (elements) =>
          elements
            .filter((element) => ['script', 'img', 'iframe', 'object', 'embed', 'a', 'style', 'link', 'form', 'input', 'foreignObject', 'image', 'use'].includes(element.localName))
            .map((element) => element.outerHTML.slice(0, 80)),
        );
        assert.deepEqual(strays, [], 'no element from the text');
        assert.deepEqual(opened.hits, [], 'no script ran');
        assert.deepEqual(opened.remote, [], 'nothing was requested from elsewhere');
        if (!bypassCSP) {
          assert.deepEqual((await recorded(page)).violations, [], 'no CSP violation');
          assert.deepEqual(opened.console, []);
        }
        await page.close();
      }
      clean++;
    });
  }

  it('has no serious or critical accessibility finding (axe-core) with hostile text', async () => {
    const report = analyzeFollowThrough(hostileNotes(corpus.payloads.slice(0, BATCH)));
    const { page } = await open(publish('hostile-axe', report, { folderName: 'falcons' }), { theme: 'dark', bypassCSP: true });
    const grave = await audit(page);
    assert.deepEqual(grave.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical'), []);
    summary.push(`hostile action text: ${clean} of ${batches.length} page loads clean (${corpus.payloads.length} payloads, with and without the CSP)`);
    await page.close();
  });

  for (const theme of THEMES) {
    it(`draws in the ${theme} theme's colours, with no serious or critical accessibility finding (axe-core)`, async () => {
      const { page } = await open(publish(`theme-${theme}`, fixtureReport, { folderName: 'falcons' }), { theme, bypassCSP: true });
      const colours = await page.evaluate(() => {
        const fill = (selector: string) => getComputedStyle(document.querySelector(selector)!).fill;
        const variable = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
        return {
          done: fill('rect.ft-done'),
          carried: fill('rect.ft-carried'),
          dropped: fill('rect.ft-dropped'),
          rate: getComputedStyle(document.querySelector('polyline.ft-rate')!).stroke,
          expected: [variable('--vscode-charts-green'), variable('--vscode-charts-yellow'), variable('--vscode-charts-red'), variable('--vscode-charts-blue')],
        };
      });
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
      assert.deepEqual([colours.done, colours.carried, colours.dropped, colours.rate], colours.expected.map(rgb), `${theme}: the chart takes the theme's chart colours`);
      const findings = await audit(page);
      assert.deepEqual(findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical'), [], theme);
      summary.push(`axe-core, ${theme}: ${findings.length === 0 ? 'no findings' : findings.map(({ id, impact }) => `${id} (${impact})`).join(', ')}`);
      await page.close();
    });
  }
});

/** axe-core's findings; it is injected as a script of its own, which only a page without the CSP takes. */
async function audit(page: Page): Promise<{ id: string; impact: string }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
    return violations.map(({ id, impact }) => ({ id, impact }));
  });
}
