// Hostile content in the real sidebar. Every payload of test/fixtures/xss-payloads.json goes into the sidebar
// page three ways: in each front-matter field of a team card and a team template (read by the same core
// loaders the extension uses for its team folder), as a card body, and straight into every field of a card.
// The page is built by the core under the CSP the extension sets and runs the real webview script in headless
// Chromium. Nothing may run, nothing may load from elsewhere, and the markup must stay text.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseCard } from '../../src/core/content/content';
import { ContentLibrary } from '../../src/core/content/library';
import { createRenderer } from '../../src/core/sidebar/render';
import { parseTemplate, type RetroTemplate } from '../../src/core/retro/template';
import { sidebarHtml } from '../../src/core/sidebar/sidebar-html';
import type { Card } from '../../src/core/types';
import { loadCards, loadTemplates } from '../../src/team-content/team-files';
import { installRecordingHost, launchChromium, pageAssets, servePages } from './harness';

const root = process.cwd();

interface Payload {
  readonly id: string;
  readonly category: string;
  readonly payload: string;
}
const corpus = JSON.parse(readFileSync(path.join(root, 'test/fixtures/xss-payloads.json'), 'utf8')) as { nonce: string; payloads: Payload[] };
const CATEGORIES = [...new Set(corpus.payloads.map((payload) => payload.category))];
/** A few page loads, each with several categories: a page load costs more than a few hundred more cards. */
const PAGES = 3;
const BATCHES = Array.from({ length: PAGES }, (_, index) => CATEGORIES.filter((_, at) => at % PAGES === index));

/**
 * The front-matter fields of a card, and `try`, which the parser ignores today: a field added later is
 * hostile ground too. A test below fails when a card grows a field that is not in this list.
 */
const CARD_FIELDS = ['id', 'kind', 'title', 'summary', 'tags', 'order', 'question', 'label', 'directive', 'supportive', 'try'] as const;
type CardField = (typeof CARD_FIELDS)[number];
const TEMPLATE_FIELDS = ['id', 'title', 'description', 'whenToUse'] as const;
type TemplateField = (typeof TEMPLATE_FIELDS)[number];
/** Spliced in as written (it may end the value, the line or the block), or as a YAML string that arrives whole. */
const FORMS = ['verbatim', 'quoted'] as const;

const BENIGN_CARD: Record<CardField, string> = {
  id: '',
  kind: 'prompt', // a review prompt shows every field the sidebar has: directive and supportive too
  title: 'A title',
  summary: 'A summary.',
  tags: 'xss',
  order: '1',
  question: 'A question?',
  label: 'A label',
  directive: 'Do this.',
  supportive: 'Could we try this?',
  try: 'Try this.',
};
const BENIGN_TEMPLATE: Record<TemplateField, string> = { id: '', title: 'A retro', description: 'A format.', whenToUse: 'Any time.' };
const BENIGN_BODY = 'A body.\n\n## In a software team\n\nIn practice.';
const hostileBody = (payload: string) => `${payload}\n\n## In a software team\n\n${payload}`;

function yamlValue(value: string, form: (typeof FORMS)[number]): string {
  // JSON strings are YAML double-quoted scalars.
  return form === 'quoted' ? JSON.stringify(value) : value;
}

function cardFile(id: string, hostile: { field: CardField; value: string; form: (typeof FORMS)[number] } | { body: string }): string {
  const lines = CARD_FIELDS.map((key) => {
    if ('field' in hostile && hostile.field === key) {
      const value = yamlValue(hostile.value, hostile.form);
      return key === 'tags' ? `tags: [xss, ${value}]` : `${key}: ${value}`;
    }
    if (key === 'id') return `id: ${id}`;
    return key === 'tags' ? `tags: [${BENIGN_CARD.tags}]` : `${key}: ${BENIGN_CARD[key]}`;
  });
  return `---\n${lines.join('\n')}\n---\n${'body' in hostile ? hostile.body : BENIGN_BODY}\n`;
}

function templateFile(id: string, hostile: { field: TemplateField; value: string; form: (typeof FORMS)[number] } | { heading: string }): string {
  const lines = TEMPLATE_FIELDS.map((key) => {
    if ('field' in hostile && hostile.field === key) return `${key}: ${yamlValue(hostile.value, hostile.form)}`;
    return `${key}: ${key === 'id' ? id : BENIGN_TEMPLATE[key]}`;
  });
  const heading = 'heading' in hostile ? hostile.heading : 'What went well?';
  return `---\n${lines.join('\n')}\n---\n# Retro\n\n## ${heading}\n{{tabstop}}\n`;
}

/** A payload in every field of a card, with no parser in between: what the page builder must escape by itself. */
function directCard(id: string, payload: string, file = `${id}.md`): Card {
  return {
    id,
    kind: 'prompt',
    title: payload,
    summary: payload,
    tags: [payload],
    order: 1,
    question: payload,
    body: hostileBody(payload),
    label: payload,
    directive: payload,
    supportive: payload,
    origin: 'team',
    file,
  };
}

interface Batch {
  readonly library: ContentLibrary;
  /** How many team files loaded and how many the loaders refused (each with a problem). */
  readonly loaded: number;
  readonly refused: number;
  /** Cards whose title, summary, question and tags the page must show exactly as text. */
  readonly shown: readonly Card[];
}

function builtinContent(): { cards: Card[]; templates: RetroTemplate[] } {
  return JSON.parse(readFileSync(path.join(root, 'dist', 'content.json'), 'utf8')) as { cards: Card[]; templates: RetroTemplate[] };
}

/** Some categories' payloads, delivered every way, merged with the built-in content as the extension does. */
function batchFor(categories: readonly string[]): Batch {
  const builtin = builtinContent();
  const cardFiles: { file: string; text: string }[] = [];
  const templateFiles: { file: string; text: string }[] = [];
  const direct: Card[] = [];
  let serial = 0;
  const nextId = () => `xss-${++serial}`;
  for (const { id: payloadId, payload } of corpus.payloads.filter((entry) => categories.includes(entry.category))) {
    for (const form of FORMS) {
      for (const field of CARD_FIELDS) {
        cardFiles.push({ file: `${payloadId}/card-${field}-${form}.md`, text: cardFile(nextId(), { field, value: payload, form }) });
      }
      for (const field of TEMPLATE_FIELDS) {
        templateFiles.push({ file: `templates/${payloadId}/${field}-${form}.md`, text: templateFile(nextId(), { field, value: payload, form }) });
      }
    }
    cardFiles.push({ file: `${payloadId}/card-body.md`, text: cardFile(nextId(), { body: hostileBody(payload) }) });
    templateFiles.push({ file: `templates/${payloadId}/heading.md`, text: templateFile(nextId(), { heading: payload }) });
    direct.push(directCard(nextId(), payload, `${payloadId}/direct-card`));
  }
  const owners = (items: readonly { id: string; file: string }[]) => new Map(items.map((item) => [item.id, item.file]));
  const team = loadCards(cardFiles, 'team', owners(builtin.cards));
  const teamTemplates = loadTemplates(templateFiles, 'team', owners(builtin.templates));
  // Nothing is dropped without a word: a file either loads or has an error of its own (a loaded card may have hints).
  const problemFiles = new Set([...team.problems, ...teamTemplates.problems].filter((problem) => problem.severity !== 'hint').map((problem) => problem.file));
  const loadedFiles = new Set([...team.cards, ...teamTemplates.templates].map((item) => item.file));
  for (const { file } of [...cardFiles, ...templateFiles]) {
    assert.ok(loadedFiles.has(file) !== problemFiles.has(file), `${file} is either loaded or refused with a problem`);
  }
  return {
    library: new ContentLibrary([...builtin.cards, ...team.cards, ...direct], [...builtin.templates, ...teamTemplates.templates]),
    loaded: loadedFiles.size,
    refused: problemFiles.size,
    shown: [...team.cards, ...direct],
  };
}


/** The markup the page itself is made of, and what markdown-it may add inside a card. Anything else came from content. */
const ALLOWED_TAGS = [
  'section', 'h2', 'article', 'h3', 'h4', 'h5', 'h6', 'span', 'p', 'div', 'strong', 'em', 'code', 'pre', 'a', 'ul', 'ol', 'li',
  'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 's', 'dl', 'dt', 'dd', 'button',
];
const ALLOWED_ATTRIBUTES = ['class', 'id', 'data-id', 'data-tags', 'data-kind', 'data-action', 'aria-labelledby', 'aria-hidden', 'aria-label', 'title', 'type', 'href', 'hidden', 'start'];

interface PageReport {
  title: string;
  violations: string[];
  /** Elements and attributes inside the cards that no renderer of ours makes, links to unsafe targets, styles that applied. */
  strays: string[];
  head: string[];
  bodyChildren: string[];
  articles: { id: string; inSection: boolean }[];
  texts: Record<string, { title: string; summary: string; question: string; tags: string }>;
}

function inspectPage(allowed: { tags: string[]; attributes: string[] }): PageReport {
  const tags = new Set(allowed.tags);
  const attributes = new Set(allowed.attributes);
  const strays: string[] = [];
  for (const element of Array.from(document.querySelectorAll('main *'))) {
    const where = element.closest('article')?.id ?? 'main';
    if (!tags.has(element.localName)) strays.push(`<${element.localName}> in ${where}`);
    for (const attribute of Array.from(element.attributes)) {
      if (!attributes.has(attribute.name)) strays.push(`${attribute.name}= on <${element.localName}> in ${where}`);
    }
    const href = element.getAttribute('href');
    if (href !== null && !/^(?:https?:\/\/|mailto:|#)/i.test(href)) strays.push(`href=${href} in ${where}`);
    if (href !== null && href.includes('attacker.invalid')) strays.push(`a link to ${href} in ${where}`);
    // rgb(255, 0, 1) is the colour the CSS payloads try to apply.
    if (getComputedStyle(element).backgroundColor === 'rgb(255, 0, 1)') strays.push(`a payload's style on <${element.localName}> in ${where}`);
  }
  for (const element of [document.documentElement, document.body]) {
    if (getComputedStyle(element).backgroundColor === 'rgb(255, 0, 1)') strays.push(`a payload's style on <${element.localName}>`);
  }
  // A title is one text node, then the team badge after a space.
  const titleText = (element: Element | null) => {
    const text = element?.firstChild?.nodeType === Node.TEXT_NODE ? (element.firstChild as Text).data : '';
    return element?.querySelector(':scope > .badge') ? text.replace(/ $/, '') : text;
  };
  const texts: PageReport['texts'] = {};
  for (const article of Array.from(document.querySelectorAll<HTMLElement>('article.card[data-id]'))) {
    texts[article.dataset.id!] = {
      title: titleText(article.querySelector('.card-title')),
      summary: article.querySelector('.card-summary')?.textContent ?? '',
      question: (article.querySelector('.card-question > span:last-child')?.textContent ?? '').replace(/^\S+ /, ''),
      tags: article.dataset.tags ?? '',
    };
  }
  return {
    title: document.title,
    violations: (window as unknown as { __recorded: { violations: string[] } }).__recorded.violations,
    strays,
    head: Array.from(document.head.children, (element) => element.outerHTML.replace(/(?:nonce|src|href|content)="[^"]*"/g, (attribute) => attribute.split('=')[0])),
    bodyChildren: Array.from(document.body.children, (element) => element.localName),
    articles: Array.from(document.querySelectorAll('article'), (article) => ({ id: article.id, inSection: article.parentElement?.matches('section.section') ?? false })),
    texts,
  };
}

/** Text as the HTML parser keeps it: line ends become LF, and NUL characters are dropped from text (kept as U+FFFD in attributes). */
const asParsedText = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\0/g, '');
const asParsedAttribute = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');

describe('hostile content in the sidebar (XSS corpus in Chromium)', function () {
  this.timeout(120_000);
  const summary: string[] = [];
  const totals = { clean: 0, deliveries: 0, loaded: 0, refused: 0, pages: 0 };
  let browser: Browser;
  let server: Server;
  let origin = '';
  const pages = new Map<string, string>();

  before(async () => {
    ({ server, origin } = await servePages((pathname) => pages.get(pathname)));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (totals.clean > 0) {
      summary.push(
        `${totals.clean} of ${CATEGORIES.length} categories clean: ${totals.deliveries} deliveries in ${totals.pages} page loads, ` +
          `team files ${totals.loaded} loaded and ${totals.refused} refused with a problem; no sentinel call, no CSP violation, no remote request`,
      );
    }
    if (summary.length > 0) console.log(summary.map((line) => `      ${line}`).join('\n'));
  });

  /** The page as the extension builds it: our assets from `origin` (standing in for `webview.cspSource`), its CSP, its nonce. */
  function publish(name: string, library: ContentLibrary): string {
    const html = sidebarHtml(library, createRenderer(), pageAssets(origin, 'sidebar', corpus.nonce));
    pages.set(`/${name}`, html);
    return `${origin}/${name}`;
  }

  interface Watched {
    page: Page;
    context: BrowserContext;
    /** Calls of the sentinel, from any frame. */
    hits: string[];
    /** Requests that would leave the page's own origin (all are aborted). */
    remote: string[];
    /** Console errors and warnings: Chromium logs each CSP refusal there too. */
    console: string[];
    /** Dialogs, new windows, navigations away. */
    escapes: string[];
  }

  async function openWatched(url: string, options: { bypassCSP: boolean }): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: options.bypassCSP });
    const watched: Watched = { page: undefined as unknown as Page, context, hits: [], remote: [], console: [], escapes: [] };
    await context.exposeBinding('__pwned', ({ frame }, argument: unknown) => {
      watched.hits.push(`${String(argument)} (frame ${frame.url().slice(0, 80)})`);
    });
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith(`${origin}/`)) return route.continue();
      watched.remote.push(requested);
      return route.abort();
    });
    const page = await context.newPage();
    context.on('page', (opened) => watched.escapes.push(`a new page opened: ${opened.url()}`));
    watched.page = page;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') watched.console.push(message.text());
    });
    page.on('dialog', (dialog) => {
      watched.escapes.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('websocket', (socket) => watched.remote.push(socket.url()));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== url) watched.escapes.push(`navigated to ${frame.url()}`);
    });
    await page.addInitScript(installRecordingHost);
    await page.goto(url);
    // The webview script says ready once it has wired up the page.
    await page.waitForFunction(() => (window as unknown as { __recorded: { messages: unknown[] } }).__recorded.messages.length > 0);
    return watched;
  }

  /** What a reader does: search (the script writes the query into the page), move the mouse, Tab through. */
  async function use(page: Page, queries: readonly string[]): Promise<void> {
    for (const query of queries) await page.fill('#search', query);
    await page.fill('#search', '');
    for (let y = 0; y < 800; y += 100) await page.mouse.move(180, y);
    for (let step = 0; step < 15; step++) await page.keyboard.press('Tab');
    await page.evaluate(() => document.scrollingElement!.scrollTo(0, document.scrollingElement!.scrollHeight));
    // Handlers such as onerror and onanimationstart fire a moment after parsing.
    await page.waitForTimeout(300);
  }

  async function inspect(watched: Watched): Promise<PageReport> {
    return watched.page.evaluate(inspectPage, { tags: ALLOWED_TAGS, attributes: ALLOWED_ATTRIBUTES });
  }

  const OWN_HEAD = [
    '<meta charset="UTF-8">',
    '<meta http-equiv="Content-Security-Policy" content>',
    '<meta name="viewport" content>',
    '<link rel="stylesheet" href>',
    '<link rel="stylesheet" href>',
    '<title>Lead From Behind</title>',
    '<script defer="" nonce src></script>',
  ];

  function assertUntouched(batch: Batch, watched: Watched, report: PageReport, label: string): void {
    assert.deepEqual(watched.hits, [], `${label}: the sentinel was called`);
    assert.equal(report.title, 'Lead From Behind', `${label}: the page title changed`);
    assert.deepEqual(watched.escapes, [], label);
    assert.deepEqual(watched.remote, [], `${label}: requests left the page`);
    assert.deepEqual(report.violations, [], `${label}: CSP violations (the markup reached the DOM)`);
    assert.deepEqual(watched.console, [], `${label}: console errors`);
    // Name the file (payload id, field and form) rather than the generated card id.
    const fileOf = new Map<string, string>([...batch.library.cards.map((card) => [`card-${card.id}`, card.file] as const), ...batch.library.templates.map((template) => [`template-${template.id}`, template.file] as const)]);
    assert.deepEqual(report.strays.map((stray) => stray.replace(/\b(?:card|template)-xss-\d+\b/, (id) => fileOf.get(id) ?? id)), [], label);
    assert.deepEqual(report.head, OWN_HEAD, `${label}: the head holds only the page's own elements`);
    assert.deepEqual(report.bodyChildren, ['header', 'main'], label);
    // Every card and template is one article, where the page builder put it: no payload closed one early.
    const expected = [...batch.library.cards.map((card) => `card-${card.id}`), ...batch.library.templates.map((template) => `template-${template.id}`)];
    assert.deepEqual(report.articles.map((article) => article.id).sort(), expected.sort(), label);
    assert.ok(report.articles.every((article) => article.inSection), label);
    // The markup in plain-text fields shows as the text it is.
    for (const card of batch.shown) {
      const shown = report.texts[card.id];
      assert.deepEqual(
        shown,
        { title: asParsedText(card.title), summary: asParsedText(card.summary), question: asParsedText(card.question), tags: asParsedAttribute(card.tags.join(' ')) },
        `${label}: ${card.file}`,
      );
    }
  }

  it('covers every front-matter field a card or template has', () => {
    const card = parseCard(cardFile('complete', { body: BENIGN_BODY }), 'complete.md', 'team');
    assert.ok(card.ok, JSON.stringify(card));
    const cardFields = Object.keys(card.card).filter((key) => !['body', 'origin', 'file'].includes(key));
    assert.deepEqual(cardFields.filter((key) => !(CARD_FIELDS as readonly string[]).includes(key)), [], 'a card field the corpus does not reach');
    const template = parseTemplate(templateFile('complete', { heading: 'Went well' }), 'templates/complete.md', 'team');
    assert.ok(template.ok, JSON.stringify(template));
    const templateFields = Object.keys(template.template).filter((key) => !['body', 'origin', 'file'].includes(key));
    assert.deepEqual(templateFields.filter((key) => !(TEMPLATE_FIELDS as readonly string[]).includes(key)), [], 'a template field the corpus does not reach');
  });

  it('has at least 60 payloads with unique ids, in every category the threat model names', () => {
    assert.ok(corpus.payloads.length >= 60, String(corpus.payloads.length));
    assert.equal(new Set(corpus.payloads.map((payload) => payload.id)).size, corpus.payloads.length);
    assert.deepEqual(
      [...CATEGORIES].sort(),
      ['broken-html', 'css', 'data-link', 'entity', 'event-handler', 'front-matter', 'javascript-link', 'markdown-image', 'markdown-link', 'script', 'svg'],
    );
    const counts = CATEGORIES.map((category) => `${category} ${corpus.payloads.filter((payload) => payload.category === category).length}`);
    summary.unshift(`corpus: ${corpus.payloads.length} payloads (${counts.join(', ')})`);
  });

  // The harness must be able to fail: markup that does reach the DOM trips the sentinel, the request log and the CSP log.
  it('notices a script that runs, a remote request and a CSP refusal (controls)', async () => {
    const url = publish('control', new ContentLibrary(builtinContent().cards, builtinContent().templates));
    const inject = (page: Page) =>
      page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', `<img src="https://attacker.invalid/control.png" onerror="__pwned('control')">`));

    const open = await openWatched(url, { bypassCSP: true });
    await inject(open.page);
    await open.page.waitForTimeout(300);
    assert.deepEqual(open.remote, ['https://attacker.invalid/control.png']);
    assert.match(open.hits.join(), /^control /);
    assert.ok((await inspect(open)).strays.some((stray) => stray.startsWith('<img>')));
    await open.context.close();

    const guarded = await openWatched(url, { bypassCSP: false });
    await inject(guarded.page);
    await guarded.page.waitForTimeout(300);
    const { violations } = await inspect(guarded);
    assert.ok(violations.some((violation) => violation.startsWith('img-src https://attacker.invalid/control.png')), violations.join());
    assert.ok(violations.some((violation) => violation.startsWith('script-src')), violations.join());
    assert.ok(guarded.console.some((message) => /Content Security Policy/.test(message)), guarded.console.join());
    assert.deepEqual(guarded.hits, []);
    assert.deepEqual(guarded.remote, []);
    await guarded.context.close();
  });

  for (const categories of BATCHES) {
    it(`runs no script and loads nothing remote, under the CSP and without it: ${categories.join(', ')}`, async () => {
      const batch = batchFor(categories);
      const payloads = corpus.payloads.filter((payload) => categories.includes(payload.category));
      const name = categories.join('+');
      const url = publish(name, batch.library);
      // Without the CSP, what stops a payload is the escaping alone; with it, there is nothing for the CSP to refuse.
      for (const bypassCSP of [false, true]) {
        const watched = await openWatched(url, { bypassCSP });
        await use(watched.page, payloads.map((payload) => payload.payload));
        assertUntouched(batch, watched, await inspect(watched), `${name}${bypassCSP ? ' without CSP' : ''}`);
        await watched.context.close();
        totals.pages++;
      }
      // Per payload: each field in both forms, a card body, a template heading, and one card built directly.
      const perPayload = (FORMS.length * (CARD_FIELDS.length + TEMPLATE_FIELDS.length)) + 3;
      totals.deliveries += payloads.length * perPayload;
      totals.loaded += batch.loaded;
      totals.refused += batch.refused;
      totals.clean += categories.length;
    });
  }

  it('shows a markdown image as its alt text: no link to the image, nothing loaded', async () => {
    const card = directCard('image-card', 'See ![the tracker](https://attacker.invalid/pixel.png) here.');
    const url = publish('image', new ContentLibrary([card]));
    const watched = await openWatched(url, { bypassCSP: true });
    const body = watched.page.locator('#card-image-card .card-body > p').first();
    assert.equal(await body.textContent(), 'See the tracker here.');
    assert.equal(await watched.page.locator('#card-image-card a, #card-image-card img').count(), 0);
    assert.deepEqual(watched.remote, []);
    await watched.context.close();
  });
});
