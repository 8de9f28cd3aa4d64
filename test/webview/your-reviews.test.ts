// The Your Reviews page exactly as the extension builds it, in headless Chromium (Debian's), driven by playwright-core.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ContentLibrary } from '../../src/core/content/library';
import type { ReviewReflectionReport, WeekFigures } from '../../src/core/reflection/figures';
import { yourReviewsHtml, type YourReviewsInput } from '../../src/core/reflection/reflection-html';
import { recentWeeks } from '../../src/core/reflection/week';
import type { Card } from '../../src/core/types';
import { installRecordingHost, launchChromium, pageAssets, servePages } from './harness';

const root = process.cwd();
const WEEKS = recentWeeks('2026-W48', 12);

function library(extra: Card[] = []): ContentLibrary {
  const { cards } = JSON.parse(readFileSync(path.join(root, 'dist', 'content.json'), 'utf8')) as { cards: Card[] };
  return new ContentLibrary([...cards, ...extra]);
}

function week(key: string, figures: Partial<Omit<WeekFigures, 'week'>>): WeekFigures {
  return { week: key, commentsFinished: 0, commentsFlagged: 0, commentsLeftFlagged: 0, commentsRewritten: 0, flagsByRule: {}, resolvedByRewrite: 0, resolvedByLabel: 0, leftInPlace: 0, sessions: 0, sessionMinutes: 0, ...figures };
}

/** Ten weeks of figures with two gaps (W41, W45), three rules flagged most. */
const REPORT: ReviewReflectionReport = {
  weeks: WEEKS.filter((key) => !['2026-W41', '2026-W45'].includes(key)).map((key, index) =>
    week(key, {
      commentsFinished: 6 + index,
      commentsFlagged: 4,
      commentsLeftFlagged: Math.max(0, 3 - Math.floor(index / 3)),
      commentsRewritten: Math.min(4, 1 + Math.floor(index / 2)),
      flagsByRule: { imperative: 3, verdict: 2, 'accusing-why': index % 2, wish: 0 },
      leftInPlace: Math.max(0, 4 - Math.floor(index / 3)),
      resolvedByRewrite: Math.min(5, 1 + Math.floor(index / 2)),
    }),
  ),
};

const PAGES: Record<string, Omit<YourReviewsInput, 'library'> & { library?: ContentLibrary }> = {
  '/': { report: REPORT, weeks: WEEKS, counting: true },
  '/empty': { report: { weeks: [] }, weeks: WEEKS, counting: true },
  '/off': { report: REPORT, weeks: WEEKS, counting: false },
  // Hostile words where a team or a stored figure could put them: a rule name, a card title, a week key.
  '/hostile': {
    report: { weeks: [...REPORT.weeks, week('<img src=x onerror="window.__pwned=1">', { commentsFinished: 1, flagsByRule: { imperative: 1 } })] },
    weeks: WEEKS,
    counting: true,
    ruleName: () => '<img src=x onerror="window.__pwned=2">',
  },
};

interface Recorded {
  messages: unknown[];
  violations: string[];
}


type Theme = 'dark' | 'light' | 'high-contrast';
const THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];
const CHART_COLOURS: Record<Theme, { orange: string; blue: string }> = {
  light: { orange: 'rgb(209, 134, 22)', blue: 'rgb(26, 133, 255)' },
  dark: { orange: 'rgb(209, 134, 22)', blue: 'rgb(55, 148, 255)' },
  'high-contrast': { orange: 'rgb(209, 134, 22)', blue: 'rgb(55, 148, 255)' },
};

describe('Your Reviews webview in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: Server;
  let origin: string;
  const cards = library();
  const findings: string[] = [];

  before(async () => {
    ({ server, origin } = await servePages((pathname, at) => {
      const input = PAGES[pathname];
      if (!input) return undefined;
      return yourReviewsHtml({ library: cards, ...input }, pageAssets(at, 'your-reviews', 'eW91ci1yZXZpZXdz'));
    }));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (findings.length > 0) console.log(`      axe-core: ${findings.join('; ')}`);
  });

  async function openPage(pathname = '/', options: { theme?: Theme; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    page.on('close', () => void context.close());
    page.on('dialog', (dialog) => assert.fail(`a dialog opened: ${dialog.message()}`));
    await page.addInitScript(installRecordingHost);
    await page.goto(`${origin}${pathname}`);
    await page.addStyleTag({ url: `${origin}/theme-${options.theme ?? 'dark'}.css` });
    await page.waitForFunction(() => (window as unknown as { __recorded: Recorded }).__recorded.messages.length > 0);
    return page;
  }
  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);

  it('says ready, draws the chart across the view with gaps, and breaks no CSP rule', async () => {
    const page = await openPage();
    assert.deepEqual((await recorded(page)).messages, [{ type: 'ready' }]);
    const chart = (await page.locator('svg#chart').boundingBox())!;
    assert.ok(chart.width > 280 && chart.height > 80, `the chart fills the width: ${JSON.stringify(chart)}`);
    assert.equal(await page.locator('circle.chart-point.left-flagged').count(), 10, 'a marker for each of the 10 weeks with finished comments');
    // Two gaps split the lines into three runs.
    const runs = await page.locator('path.chart-line.left-flagged').getAttribute('d');
    assert.equal(runs?.split('M').length, 4, runs ?? '');
    assert.equal(await page.getByRole('img', { name: /^Finished comments per week: the share that went out with a directive flag left in/ }).count(), 1);
    assert.equal(await page.locator('#chart-table tbody tr').count(), 12);
    // Shares of finished comments: this week 0 of 15 went out flagged; the four weeks before, 3 of 39.
    assert.equal(
      await page.locator('#comparison').innerText(),
      'This week, 0 of 15 comments went out with a directive flag left in: about the same as in the four weeks before, when about 1 in 9 did.',
    );
    assert.deepEqual(await page.locator('#chart-table thead th').allTextContents(), ['Week', 'Comments', 'Flag left in', 'Rewrite taken']);
    assert.equal(await page.locator('ol.top-rules > li').count(), 3);
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual((await recorded(page)).violations, []);
    await page.close();
  });

  it('is keyboard first: Tab reaches the table, each rule link and the button; Enter and Space send their messages', async () => {
    const page = await openPage();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        return { tag: element.localName, action: element.dataset.action, id: element.dataset.id, outline: getComputedStyle(element).outlineStyle };
      });
    await page.keyboard.press('Tab');
    assert.equal((await focused()).tag, 'summary', 'the table behind its summary');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#chart-table').isVisible(), true, 'Enter opens the table');
    const expected = ['ask-dont-tell', 'speak-for-yourself', 'question-the-code-not-the-person'];
    for (const [index, id] of expected.entries()) {
      await page.keyboard.press('Tab');
      const now = await focused();
      assert.deepEqual([now.action, now.id], ['openCard', id]);
      assert.notEqual(now.outline, 'none', 'focus is visible');
      await page.keyboard.press(index % 2 === 0 ? 'Enter' : 'Space');
    }
    await page.keyboard.press('Tab');
    assert.equal((await focused()).action, 'reflect');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    const { messages, violations } = await recorded(page);
    assert.deepEqual(messages, [{ type: 'ready' }, ...expected.map((id) => ({ type: 'openCard', id })), { type: 'reflect' }, { type: 'reflect' }]);
    assert.deepEqual(violations, []);
    await page.close();
  });

  it('shows the empty state with how counting works, and Reflect still works', async () => {
    const page = await openPage('/empty');
    assert.equal(await page.locator('svg').count(), 0);
    assert.match(await page.locator('#reflection-empty').innerText(), /Nothing counted yet\.[^]*on this machine/);
    await page.getByRole('button', { name: 'Reflect on This Week' }).click();
    assert.deepEqual((await recorded(page)).messages, [{ type: 'ready' }, { type: 'reflect' }]);
    await page.close();
  });

  it('says when counting is off', async () => {
    const page = await openPage('/off');
    assert.match(await page.locator('#counting-off').innerText(), /Counting is off/);
    assert.equal(await page.locator('svg#chart').count(), 1);
    await page.close();
  });

  it('shows hostile words as text and runs nothing', async () => {
    const page = await openPage('/hostile');
    assert.equal(await page.locator('main img').count(), 0);
    assert.match((await page.locator('.top-rule').first().textContent()) ?? '', /<img src=x onerror/);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual((await recorded(page)).violations, []);
    await page.close();
  });

  for (const theme of THEMES) {
    it(`draws in the theme's chart colours and has no serious or critical accessibility violations (axe-core), ${theme} theme`, async () => {
      const page = await openPage('/', { theme, bypassCSP: true });
      const strokes = await page.evaluate(() => ({
        leftFlagged: getComputedStyle(document.querySelector('path.chart-line.left-flagged')!).stroke,
        rewritten: getComputedStyle(document.querySelector('path.chart-line.rewritten')!).stroke,
        dash: getComputedStyle(document.querySelector('path.chart-line.rewritten')!).strokeDasharray,
      }));
      assert.deepEqual([strokes.leftFlagged, strokes.rewritten], [CHART_COLOURS[theme].orange, CHART_COLOURS[theme].blue]);
      assert.notEqual(strokes.dash, 'none', 'the two lines differ in more than colour');
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const audit = () =>
        page.evaluate(async () => {
          const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
          return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
        });
      const grave = (violations: { impact: string }[]) => violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      // With the table open, and the empty page.
      await page.locator('details.chart-table > summary').click();
      const all = await audit();
      assert.deepEqual(grave(all), []);
      await page.goto(`${origin}/empty`);
      await page.addStyleTag({ url: `${origin}/theme-${theme}.css` });
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      assert.deepEqual(grave(await audit()), []);
      findings.push(`${theme}: ${all.length === 0 ? 'no violations' : all.map(({ id, impact, nodes }) => `${id} (${impact}, ${nodes})`).join(', ')}`);
      await page.close();
    });
  }
});

describe('the cards view reveals a card the Your Reviews view links to', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async () => {
    const { sidebarHtml } = await import('../../src/core/sidebar/sidebar-html');
    const { createRenderer } = await import('../../src/core/sidebar/render');
    const cards = library();
    ({ server, origin } = await servePages((pathname, at) =>
      pathname === '/'
        ? sidebarHtml(cards, createRenderer(), pageAssets(at, 'sidebar', 'cmV2ZWFs'))
        : undefined,
    ));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('clears a search that hides the card, scrolls to it and gives it the focus', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
    await page.addInitScript(installRecordingHost);
    await page.goto(origin);
    await page.addStyleTag({ url: `${origin}/theme-dark.css` });
    await page.fill('#search', 'sailboat');
    assert.equal(await page.locator('#card-speak-for-yourself').isVisible(), false);
    await page.evaluate(() => window.postMessage({ type: 'revealCard', id: 'speak-for-yourself' }, '*'));
    await page.waitForFunction(() => document.activeElement?.id === 'card-speak-for-yourself');
    assert.equal(await page.inputValue('#search'), '');
    // In view, below the sticky search box.
    const box = (await page.locator('#card-speak-for-yourself').boundingBox())!;
    const header = (await page.locator('header').boundingBox())!;
    assert.ok(box.y >= header.y + header.height - 1 && box.y < 600, `card at ${box.y}, header ends at ${header.y + header.height}`);
    // An unknown id does nothing.
    await page.evaluate(() => window.postMessage({ type: 'revealCard', id: 'no-such-card' }, '*'));
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'card-speak-for-yourself');
    await page.close();
  });
});
