import * as assert from 'node:assert/strict';
import { ContentLibrary } from '../../src/core/content/library';
import { createRenderer } from '../../src/core/sidebar/render';
import { contentSecurityPolicy, SIDEBAR_STRINGS, sidebarHtml, SidebarAssets } from '../../src/core/sidebar/sidebar-html';
import { parseWebviewMessage } from '../../src/core/sidebar/sidebar-messages';
import type { RetroTemplate } from '../../src/core/retro/template';
import { card } from './fixtures';

const assets: SidebarAssets = {
  cspSource: 'vscode-resource:',
  nonce: 'n0nce123',
  scriptUri: 'vscode-resource:/dist/webview/sidebar.js',
  styleUri: 'vscode-resource:/media/sidebar.css',
  codiconsUri: 'vscode-resource:/dist/webview/codicons/codicon.css',
};

const cards = [
  card({ id: 'concept-a', kind: 'concept', title: 'Concept A' }),
  card({ id: 'compare', kind: 'comparison', title: 'Compare', body: '| a | b |\n| - | - |\n| 1 | 2 |' }),
  card({ id: 'tip-a', kind: 'tip', title: 'Tip "A"', try: 'Ask the **newest** person to present the risks <b>.' }),
  card({ id: 'prompt-a', kind: 'prompt', title: 'Prompt A', directive: 'Do X.', supportive: 'Could we do X?', label: 'Ask' }),
  card({ id: 'team-tip', kind: 'tip', title: 'Team tip', origin: 'team' }),
];
const templates: RetroTemplate[] = [
  {
    id: 'concept-a',
    title: 'Sailboat <b>',
    description: 'Wind and anchors.',
    whenToUse: 'When the team is stuck.',
    body: '# {{title}}\n\n{{carriedOver}}\n\n## Wind\n*What pushed us on?*\n\n## Anchors\n*What held us back?*\n',
    origin: 'team',
    file: 'templates/sailboat.md',
  },
];

describe('sidebar page', () => {
  const html = sidebarHtml({ cards, templates }, createRenderer(), assets);

  it('has a strict CSP: nothing by default, scripts only by nonce', () => {
    assert.equal(
      contentSecurityPolicy('vscode-resource:', 'n0nce123'),
      "default-src 'none'; style-src vscode-resource:; font-src vscode-resource:; img-src vscode-resource:; script-src 'nonce-n0nce123'",
    );
    assert.ok(html.includes(`content="default-src &#39;none&#39;; style-src vscode-resource:;`));
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script defer nonce="n0nce123" src="vscode-resource:/dist/webview/sidebar.js">']);
  });

  it('has the five sections in order', () => {
    const headings = [...html.matchAll(/<h2 id="section-[a-z]+">([^<]+)<\/h2>/g)].map((match) => match[1]);
    assert.deepEqual(headings, ['Concepts', 'Front vs. Behind', 'Tips', 'Review prompts', 'Retro templates']);
  });

  it('gives each template its prompts and a Start retro action, with unique element ids', () => {
    assert.match(html, /<article class="card" id="template-concept-a"/);
    assert.match(html, /<strong>Prompts:<\/strong> Wind · Anchors<\/p>/);
    assert.match(html, /<button type="button" data-action="startRetro" data-id="concept-a" aria-label="Start retro with Sailboat &lt;b&gt;">/);
    const ids = [...html.matchAll(/<article class="card" id="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('puts Insert and Copy only on tips and prompts', () => {
    const withActions = [...html.matchAll(/data-action="insert" data-id="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(withActions, ['tip-a', 'team-tip', 'prompt-a']);
    assert.ok(html.includes('aria-label="Copy Tip &quot;A&quot; as markdown"'));
  });

  it('labels cards and regions for assistive technology', () => {
    assert.match(html, /<article class="card" id="card-tip-a" data-id="tip-a" data-tags="review" aria-labelledby="card-tip-a-title">/);
    assert.match(html, /role="search"/);
    assert.match(html, /role="status" aria-live="polite"/);
    assert.match(html, /<label for="search"/);
  });

  it('shows the example rewrite on prompts and marks team cards', () => {
    assert.match(html, /<dt>Instead of<\/dt><dd>Do X\.<\/dd>/);
    assert.match(html, /Team tip <span class="badge"/);
  });

  it('shows a card’s "Try this week" step inside its body, where search finds it, and nothing on cards without one', () => {
    const tip = html.slice(html.indexOf('<article class="card" id="card-tip-a"'), html.indexOf('</article>', html.indexOf('id="card-tip-a"')));
    assert.match(tip, /<p class="card-try"><span class="codicon codicon-calendar" aria-hidden="true"><\/span> <span><strong>Try this week:<\/strong> Ask the <strong>newest<\/strong> person to present the risks &lt;b&gt;\.<\/span><\/p><\/div>/);
    const concept = html.slice(html.indexOf('id="card-concept-a"'), html.indexOf('</article>', html.indexOf('id="card-concept-a"')));
    assert.doesNotMatch(concept, /card-try/);
    const german = sidebarHtml({ cards, templates: [] }, createRenderer(), assets, { ...SIDEBAR_STRINGS, tryThisWeek: 'Diese Woche ausprobieren:' });
    assert.match(german, /<strong>Diese Woche ausprobieren:<\/strong> Ask the/);
  });

  it('renders comparison bodies as tables', () => {
    assert.match(html, /<table>/);
  });

  it('escapes every card field', () => {
    const hostile = card({
      id: 'x',
      title: '<img src=x onerror=alert(1)>',
      summary: '<script>alert(1)</script>',
      question: '"><script>alert(2)</script>',
      tags: ['"onmouseover="alert(3)'],
      body: '<script>alert(4)</script>',
    });
    const page = sidebarHtml({ cards: [hostile], templates: [] }, createRenderer(), assets);
    assert.equal((page.match(/<script/g) ?? []).length, 1, 'only our own script');
    assert.doesNotMatch(page, /<img/);
    assert.ok(page.includes('data-tags="&quot;onmouseover=&quot;alert(3)"'));
  });

  it('is built from the library in display order', () => {
    const library = new ContentLibrary([...cards].reverse());
    assert.deepEqual(library.cards.map((c) => c.id), ['concept-a', 'compare', 'team-tip', 'tip-a', 'prompt-a']);
    // Same order, then by title.
    assert.deepEqual(library.insertable().map((c) => c.id), ['team-tip', 'tip-a', 'prompt-a']);
  });
});

describe('sidebar messages', () => {
  const known = { isCard: (id: string) => id === 'tip-a', isTemplate: (id: string) => id === 'sailboat' };
  it('accepts the known message types', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }, known), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'insert', id: 'tip-a' }, known), { type: 'insert', id: 'tip-a' });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', id: 'tip-a', extra: 1 }, known), { type: 'copy', id: 'tip-a' });
    assert.deepEqual(parseWebviewMessage({ type: 'startRetro', id: 'sailboat' }, known), { type: 'startRetro', id: 'sailboat' });
  });
  it('ignores unknown types, unknown ids and junk', () => {
    for (const raw of [
      undefined, null, 'insert', 42, [], {}, { type: 'eval', code: 'x' }, { type: 'insert' }, { type: 'insert', id: 'nope' },
      { type: 'copy', id: 7 }, { type: 'startRetro', id: 'tip-a' }, { type: 'insert', id: 'sailboat' }, { type: 'insert', id: { toString: () => 'tip-a' } }, { type: '__proto__' },
    ]) {
      assert.equal(parseWebviewMessage(raw, known), undefined, JSON.stringify(raw));
    }
  });
});
