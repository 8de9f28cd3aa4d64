// The sidebar page exactly as the extension builds it, in headless Chromium (Debian's), driven by playwright-core.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ContentLibrary } from '../../src/core/content/library';
import { createRenderer } from '../../src/core/sidebar/render';
import { buildIndex, search } from '../../src/core/content/search';
import { sidebarErrorHtml } from '../../src/core/sidebar/sidebar-error-html';
import { sidebarHtml } from '../../src/core/sidebar/sidebar-html';
import type { RetroTemplate } from '../../src/core/retro/template';
import type { Card } from '../../src/core/types';
import { launchChromium, pageAssets, servePages } from './harness';

const root = process.cwd();
const SCREENSHOTS = path.join(root, 'test-results');

const hostileCards: Card[] = [
  {
    id: 'hostile-tip',
    kind: 'tip',
    title: '<img src=x onerror="window.__pwned=\'title\'">Hostile',
    summary: '<script>window.__pwned="summary"</script>',
    tags: ['"><script>window.__pwned="tag"</script>'],
    order: 999,
    question: '<svg onload="window.__pwned=\'question\'"></svg>?',
    try: '<img src=x onerror="window.__pwned=\'try\'"> [try it](javascript:window.__pwned="try link")',
    body: [
      '<script>window.__pwned = "body"</script>',
      '<img src=x onerror="window.__pwned=\'img\'">',
      '[click me](javascript:window.__pwned="link")',
      '<a href="javascript:window.__pwned=\'raw link\'">raw</a>',
      '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
      '',
      '## In a software team',
      '[data](data:text/html,<script>alert(1)</script>)',
    ].join('\n'),
    origin: 'team',
    file: 'hostile.md',
  },
];

function loadLibrary(extra: Card[] = []): ContentLibrary {
  const { cards, templates } = JSON.parse(readFileSync(path.join(root, 'dist', 'content.json'), 'utf8')) as { cards: Card[]; templates: RetroTemplate[] };
  return new ContentLibrary([...cards, ...extra], templates);
}

/** The page as the extension builds it, with our assets served from `origin` (standing in for `webview.cspSource`). */
function pageFor(library: ContentLibrary, nonce: string): (origin: string) => string {
  return (origin) =>
    sidebarHtml(library, createRenderer(), pageAssets(origin, 'sidebar', nonce));
}

/** Serves the page and our assets from one origin. */
function serve(html: (origin: string) => string): Promise<{ server: Server; origin: string }> {
  return servePages((pathname, origin) => (pathname === '/' ? html(origin) : undefined));
}

interface Recorded {
  messages: unknown[];
  state: unknown;
  violations: string[];
  pwned?: unknown;
}

/** Stands in for the webview host: `acquireVsCodeApi`, with state that a test can carry to the next page. */
function installVsCodeApi(initialState: unknown) {
  const recorded = { messages: [] as unknown[], state: initialState, violations: [] as string[] };
  (window as unknown as { __recorded: typeof recorded }).__recorded = recorded;
  document.addEventListener('securitypolicyviolation', (event) => recorded.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
    postMessage: (message: unknown) => recorded.messages.push(message),
    getState: () => recorded.state,
    setState: (state: unknown) => {
      recorded.state = state;
    },
  });
}

type Theme = 'dark' | 'light' | 'high-contrast';
const THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];

describe('sidebar webview in Chromium', function () {
  const accessibility: string[] = [];
  this.timeout(60_000);
  let browser: Browser;
  let server: Server;
  let origin: string;
  const library = loadLibrary(hostileCards);

  before(async () => {
    ({ server, origin } = await serve(pageFor(library, 'c2lkZWJhci10ZXN0')));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function openPage(options: { state?: unknown; width?: number; height?: number; theme?: Theme; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 360, height: options.height ?? 800 }, bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    page.on('close', () => void context.close());
    page.on('dialog', (dialog) => assert.fail(`a dialog opened: ${dialog.message()}`));
    await page.addInitScript(installVsCodeApi, options.state);
    await page.goto(origin);
    if (options.theme) await page.addStyleTag({ url: `${origin}/theme-${options.theme}.css` });
    await page.waitForFunction(() => (window as unknown as { __recorded: Recorded }).__recorded.messages.length > 0);
    return page;
  }

  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);
  const visibleCardIds = (page: Page) =>
    page.$$eval('article.card', (cards) => cards.filter((card) => (card as HTMLElement).offsetParent !== null).map((card) => card.id));

  it('says ready, shows every section, and breaks no CSP rule', async () => {
    const page = await openPage();
    assert.deepEqual((await recorded(page)).messages, [{ type: 'ready' }]);
    const headings = await page.$$eval('section h2', (elements) => elements.map((element) => element.textContent));
    assert.deepEqual(headings, ['Concepts', 'Front vs. Behind', 'Tips', 'Review prompts', 'Retro templates']);
    assert.equal((await visibleCardIds(page)).length, library.cards.length + library.templates.length);
    assert.equal(await page.locator('#card-front-vs-behind table tbody tr').count(), 3);
    // The codicon font and our stylesheet load under the CSP: the icon has a real glyph width.
    await page.evaluate(() => document.fonts.ready);
    assert.ok((await page.locator('.search .codicon-search').boundingBox())!.width >= 14);
    assert.deepEqual((await recorded(page)).violations, []);
    await page.close();
  });

  it('orders each section by relevance while searching, and restores the order after', async () => {
    const page = await openPage();
    const order = () => page.$$eval('section.section', (sections) => sections.map((section) => Array.from(section.querySelectorAll('article.card'), (card) => card.id)));
    const original = await order();
    // The ranking the page should show: the core's search over the same text the page indexes.
    const documents = await page.$$eval('article.card', (cards) =>
      cards.map((card) => ({
        id: card.id,
        title: card.querySelector('.card-title')?.textContent ?? '',
        summary: card.querySelector('.card-summary')?.textContent ?? '',
        body: Array.from(card.querySelectorAll('.card-body, .card-question'), (element) => element.textContent ?? '').join(' '),
        tags: ((card as HTMLElement).dataset.tags ?? '').split(' '),
      })),
    );
    for (const query of ['team', 'review', 'plan', 're']) {
      await page.fill('#search', query);
      const ranked = search(buildIndex(documents), query);
      const visible = await page.$$eval('section.section', (sections) =>
        sections.map((section) => Array.from(section.querySelectorAll('article.card'), (card) => card as HTMLElement).filter((card) => !card.hidden).map((card) => card.id)),
      );
      for (const ids of visible) assert.deepEqual(ids, ranked.filter((id) => ids.includes(id)), query);
    }
    await page.fill('#search', '');
    assert.deepEqual(await order(), original);
    await page.close();
  });

  it('filters as you type, case- and accent-insensitively, with an empty state', async () => {
    const page = await openPage();
    await page.fill('#search', 'CRÍSIS');
    const ids = await visibleCardIds(page);
    assert.ok(ids.includes('card-lead-from-the-front-when-needed'), ids.join());
    assert.ok(ids.length < library.cards.length);
    for (const id of ids) {
      const text = (await page.locator(`#${id}`).textContent()) ?? '';
      const tags = await page.locator(`#${id}`).getAttribute('data-tags');
      assert.match(`${text} ${tags}`.normalize('NFD').replace(/\p{M}/gu, ''), /crisis/i, id);
    }
    assert.match(await page.locator('#search-status').innerText(), /^\d+ of \d+ cards match\.$/);

    await page.fill('#search', 'zzqx nothing');
    assert.deepEqual(await visibleCardIds(page), []);
    assert.equal(await page.locator('#empty-state').isVisible(), true);
    assert.equal(await page.locator('section.section:visible').count(), 0);
    assert.equal(await page.locator('#empty-query').innerText(), 'zzqx nothing');

    await page.click('#empty-clear');
    assert.equal(await page.inputValue('#search'), '');
    assert.equal((await visibleCardIds(page)).length, library.cards.length + library.templates.length);
    assert.equal(await page.locator('#empty-state').isVisible(), false);
    await page.close();
  });

  it('shows each concept’s "Try this week" step, and search finds a card by its step', async () => {
    const page = await openPage();
    const step = page.locator('#card-leading-from-behind .card-try');
    assert.equal(await step.count(), 1);
    assert.match((await step.textContent()) ?? '', /^ Try this week: The next time someone asks you to settle a design question/);
    await page.fill('#search', 'settle a design question');
    assert.ok((await visibleCardIds(page)).includes('card-leading-from-behind'));
    await page.close();
  });

  it('is keyboard first: / focuses search, Escape clears, Tab and Enter reach the actions', async () => {
    const page = await openPage();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
    await page.keyboard.type('encourage');
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('#search'), '');

    await page.keyboard.type('plan');
    await page.keyboard.press('Tab'); // the clear button
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'clear-search');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { action: element.dataset.action, id: element.dataset.id, outline: getComputedStyle(element).outlineStyle, label: element.getAttribute('aria-label') };
    });
    assert.equal(focused.action, 'insert');
    assert.notEqual(focused.outline, 'none', 'focus is visible');
    assert.match(focused.label ?? '', /^Insert .+ into the editor$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const { messages } = await recorded(page);
    assert.deepEqual(messages.slice(1), [
      { type: 'insert', id: focused.id },
      { type: 'copy', id: focused.id },
    ]);
    await page.close();
  });

  it('starts a retro from a template card', async () => {
    const page = await openPage();
    await page.fill('#search', 'sailboat');
    assert.deepEqual(await visibleCardIds(page), ['template-sailboat']);
    await page.getByRole('button', { name: 'Start retro with Sailboat' }).click();
    assert.deepEqual((await recorded(page)).messages.at(-1), { type: 'startRetro', id: 'sailboat' });
    await page.close();
  });

  it('focuses search when the extension asks', async () => {
    const page = await openPage();
    await page.evaluate(() => window.postMessage({ type: 'focusSearch' }, '*'));
    await page.waitForFunction(() => document.activeElement?.id === 'search');
    await page.close();
  });

  it('keeps the search text and scroll position across hide and show', async () => {
    const first = await openPage({ height: 500 });
    await first.fill('#search', 'review');
    await first.evaluate(() => document.scrollingElement!.scrollTo(0, 400));
    await first.waitForFunction(() => ((window as unknown as { __recorded: Recorded }).__recorded.state as { scrollTop: number }).scrollTop === 400);
    const state = (await recorded(first)).state;
    const visibleBefore = await visibleCardIds(first);
    await first.close();

    // Without retainContextWhenHidden, VS Code reloads the page and hands back the saved state.
    const second = await openPage({ height: 500, state });
    assert.equal(await second.inputValue('#search'), 'review');
    assert.deepEqual(await visibleCardIds(second), visibleBefore);
    // The position comes back after the first frame, once the cards on screen have their real heights.
    await second.waitForFunction(() => document.scrollingElement!.scrollTop === 400, undefined, { timeout: 2000 });
    await second.close();
  });

  it('never runs a script from hostile content', async () => {
    const page = await openPage();
    await page.fill('#search', 'hostile');
    assert.deepEqual(await visibleCardIds(page), ['card-hostile-tip']);
    const card = page.locator('#card-hostile-tip');
    // textContent, not innerText: off-screen cards skip rendering, and innerText reads only what is rendered.
    assert.match((await card.textContent()) ?? '', /<script>window.__pwned="summary"<\/script>/, 'markup shows as text');
    assert.equal(await card.locator('script, iframe, img, svg').count(), 0);
    for (const link of await card.locator('a').all()) await link.click();
    await page.waitForTimeout(200);
    const { pwned } = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned }));
    assert.equal(pwned, undefined);
    assert.equal(page.url(), `${origin}/`);
    await page.close();
  });

  for (const theme of THEMES) {
    it(`has no serious or critical accessibility violations (axe-core), ${theme} theme`, async () => {
      // axe is injected as a script of its own, which the page's CSP would rightly refuse.
      const page = await openPage({ theme, bypassCSP: true });
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const audit = async () =>
        page.evaluate(async () => {
          const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
          return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
        });
      const grave = (violations: { impact: string }[]) => violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      const all = await audit();
      assert.deepEqual(grave(all), []);
      // The empty state and the clear button appear only while searching: audit them too.
      await page.fill('#search', 'zzzz-no-such-card');
      assert.deepEqual(grave(await audit()), []);
      accessibility.push(`${theme}: ${all.length === 0 ? 'no violations' : all.map(({ id, impact, nodes }) => `${id} (${impact}, ${nodes})`).join(', ')}`);
      await page.close();
    });
  }

  after(() => {
    if (accessibility.length > 0) console.log(`      axe-core: ${accessibility.join('; ')}`);
  });

  it('takes screenshots for the README', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const { server: cleanServer, origin: cleanOrigin } = await serve(pageFor(loadLibrary(), 'c2NyZWVuc2hvdA'));
    try {
      for (const [name, width, height, fullPage] of [['sidebar.png', 380, 900, false], ['sidebar-wide.png', 1100, 900, true]] as const) {
        const page = await browser.newPage({ viewport: { width, height } });
        await page.addInitScript(installVsCodeApi, undefined);
        await page.goto(cleanOrigin);
        await page.addStyleTag({ url: `${cleanOrigin}/theme-dark.css` });
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(SCREENSHOTS, name);
        await page.screenshot({ path: file, fullPage });
        assert.ok(readFileSync(file).length > 10_000, `${name} has content`);
        await page.close();
      }
    } finally {
      cleanServer.close();
    }
  });
});

describe('sidebar error page in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: Server;
  let origin: string;
  const words = { heading: 'The Lead From Behind cards could not be shown.', detail: 'What went wrong: ENOENT: no such file, open "dist/content.json"', retry: 'Retry' };

  before(async () => {
    ({ server, origin } = await serve((at) =>
      sidebarErrorHtml(words, pageAssets(at, 'sidebar-error', 'ZXJyb3ItcGFnZQ')),
    ));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function openErrorPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 600 }, bypassCSP: options.bypassCSP ?? false });
    await page.addInitScript(installVsCodeApi, undefined);
    await page.goto(origin);
    await page.addStyleTag({ url: `${origin}/theme-dark.css` });
    await page.waitForFunction(() => (window as unknown as { __recorded: Recorded }).__recorded.messages.length > 0);
    return page;
  }
  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);

  it('says what went wrong, and Retry asks for a render by click, Enter and Space, under the CSP', async () => {
    const page = await openErrorPage();
    assert.equal(await page.getByRole('heading').innerText(), words.heading);
    assert.match(await page.locator('.error-detail').innerText(), /What went wrong: ENOENT/);
    await page.getByRole('button', { name: 'Retry' }).click();
    // From the keyboard: Tab from the top of the page reaches Retry.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'retry');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    const { messages, violations } = await recorded(page);
    assert.deepEqual(messages, [{ type: 'ready' }, { type: 'retry' }, { type: 'retry' }, { type: 'retry' }]);
    assert.deepEqual(violations, []);
    await page.close();
  });

  it('puts the cursor on Retry when the extension asks to focus search', async () => {
    const page = await openErrorPage();
    await page.evaluate(() => window.postMessage({ type: 'focusSearch' }, '*'));
    await page.waitForFunction(() => document.activeElement?.id === 'retry');
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await openErrorPage({ bypassCSP: true });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
      return violations.filter(({ impact }) => impact === 'serious' || impact === 'critical').map(({ id }) => id);
    });
    assert.deepEqual(violations, []);
    await page.close();
  });
});
