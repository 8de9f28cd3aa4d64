import { splitBody } from '../content/card-body';
import { escapeHtml } from './html';
import { isInsertable } from '../content/library';
import { fill } from '../message';
import { MarkdownRenderer } from './render';
import type { RetroTemplate } from '../retro/template';
import { Card, CardKind } from '../types';

/** Where the page's assets live, as webview URIs, and the per-load script nonce. */
export interface SidebarAssets {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
}

/**
 * Every word the page shows besides the content, in English. They are also the keys of the l10n bundles:
 * the extension passes each through vscode.l10n.t. `{0}`, `{1}` … are filled in here.
 */
export const SIDEBAR_STRINGS = {
  searchLabel: 'Search concepts, tips and prompts',
  searchPlaceholder: 'Search (press /)',
  clearSearch: 'Clear search',
  noCardMatches: 'No card matches {0}.',
  tryBroader: 'Try a broader word, such as {0}, {1} or {2}.',
  broaderWord1: 'review',
  broaderWord2: 'plan',
  broaderWord3: 'crisis',
  noCardsMatch: 'No cards match.',
  someCardsMatch: '{0} of {1} cards match.',
  concepts: 'Concepts',
  comparison: 'Front vs. Behind',
  tips: 'Tips',
  prompts: 'Review prompts',
  templates: 'Retro templates',
  insteadOf: 'Instead of',
  try: 'Try',
  inPractice: 'In a software team',
  tryThisWeek: 'Try this week:',
  reflect: 'Reflect:',
  insert: 'Insert',
  insertLabel: 'Insert {0} into the editor',
  copy: 'Copy',
  copyLabel: 'Copy {0} as markdown',
  team: 'team',
  teamTitle: "From your team's content folder",
  whenToUse: 'When to use:',
  templatePrompts: 'Prompts:',
  startRetro: 'Start retro',
  startRetroLabel: 'Start retro with {0}',
};
export type SidebarStrings = typeof SIDEBAR_STRINGS;

export const SIDEBAR_SECTIONS: readonly { kind: CardKind | 'template'; heading: keyof SidebarStrings }[] = [
  { kind: 'concept', heading: 'concepts' },
  { kind: 'comparison', heading: 'comparison' },
  { kind: 'tip', heading: 'tips' },
  { kind: 'prompt', heading: 'prompts' },
  { kind: 'template', heading: 'templates' },
];

export interface SidebarContent {
  readonly cards: readonly Card[];
  readonly templates: readonly RetroTemplate[];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/**
 * The whole sidebar page. Cards are rendered here, not by the webview script, so the view paints
 * with its content on the first frame; the script only adds search and actions.
 */
export function sidebarHtml(
  content: SidebarContent,
  renderer: MarkdownRenderer,
  assets: SidebarAssets,
  strings: SidebarStrings = SIDEBAR_STRINGS,
  language = 'en',
): string {
  // Every string is escaped once here; the builders below put them into HTML as they are.
  const words = Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, escapeHtml(value)])) as SidebarStrings;
  const sections = SIDEBAR_SECTIONS.map(({ kind, heading }) => {
    const items =
      kind === 'template'
        ? content.templates.map((template) => templateHtml(template, words))
        : content.cards.filter((card) => card.kind === kind).map((card) => cardHtml(card, renderer, words));
    if (items.length === 0) return '';
    const headingId = `section-${kind}`;
    return `<section class="section" data-kind="${kind}" aria-labelledby="${headingId}">
<h2 id="${headingId}">${words[heading]}</h2>
${items.join('\n')}
</section>`;
  }).join('\n');

  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(assets.cspSource, assets.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(assets.codiconsUri)}">
<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">
<title>Lead From Behind</title>
<script defer nonce="${escapeHtml(assets.nonce)}" src="${escapeHtml(assets.scriptUri)}"></script>
</head>
<body>
<header>
<h1 class="visually-hidden">Lead From Behind</h1>
<div class="search" role="search">
<label for="search" class="visually-hidden">${words.searchLabel}</label>
<span class="codicon codicon-search" aria-hidden="true"></span>
<input id="search" type="text" placeholder="${words.searchPlaceholder}" autocomplete="off" spellcheck="false" aria-controls="cards" aria-keyshortcuts="/">
<button id="clear-search" type="button" class="icon-button" aria-label="${words.clearSearch}" title="${words.clearSearch}" hidden><span class="codicon codicon-close" aria-hidden="true"></span></button>
</div>
<p id="search-status" class="visually-hidden" role="status" aria-live="polite" data-none="${words.noCardsMatch}" data-some="${words.someCardsMatch}"></p>
</header>
<main id="cards">
${sections}
<div id="empty-state" class="empty-state" hidden>
<span class="codicon codicon-search-stop" aria-hidden="true"></span>
<p>${fill(words.noCardMatches, '<strong id="empty-query"></strong>')}</p>
<p>${fill(words.tryBroader, ...[words.broaderWord1, words.broaderWord2, words.broaderWord3].map((word) => `<em>${word}</em>`))}</p>
<button id="empty-clear" type="button" class="secondary">${words.clearSearch}</button>
</div>
</main>
</body>
</html>`;
}

function cardHtml(card: Card, renderer: MarkdownRenderer, words: SidebarStrings): string {
  const id = escapeHtml(card.id);
  const titleId = `card-${id}-title`;
  const { explanation, inPractice } = splitBody(card.body);
  const team = teamBadge(card.origin, words);
  const example =
    card.directive && card.supportive
      ? `<dl class="card-example">
<dt>${words.insteadOf}</dt><dd>${renderer.renderInline(card.directive)}</dd>
<dt>${words.try}</dt><dd>${renderer.renderInline(card.supportive)}</dd>
</dl>`
      : '';
  const practice = inPractice
    ? `<div class="card-practice"><h4>${words.inPractice}</h4>${renderer.render(inPractice)}</div>`
    : '';
  // Inside the body, so the page's search reads it like the rest of the card.
  const tryStep = card.try
    ? `<p class="card-try"><span class="codicon codicon-calendar" aria-hidden="true"></span> <span><strong>${words.tryThisWeek}</strong> ${renderer.renderInline(card.try)}</span></p>`
    : '';
  const title = escapeHtml(card.title);
  const actions = isInsertable(card)
    ? `<div class="card-actions">
<button type="button" data-action="insert" data-id="${id}" aria-label="${fill(words.insertLabel, title)}"><span class="codicon codicon-insert" aria-hidden="true"></span>${words.insert}</button>
<button type="button" class="secondary" data-action="copy" data-id="${id}" aria-label="${fill(words.copyLabel, title)}"><span class="codicon codicon-copy" aria-hidden="true"></span>${words.copy}</button>
</div>`
    : '';
  return `<article class="card" id="card-${id}" data-id="${id}" data-tags="${escapeHtml(card.tags.join(' '))}" aria-labelledby="${titleId}">
<h3 class="card-title" id="${titleId}">${title}${team}</h3>
<p class="card-summary">${escapeHtml(card.summary)}</p>
<div class="card-body">${renderer.render(explanation)}${example}${practice}${tryStep}</div>
<p class="card-question"><span class="codicon codicon-question" aria-hidden="true"></span> <span><strong>${words.reflect}</strong> ${escapeHtml(card.question)}</span></p>
${actions}
</article>`;
}

function teamBadge(origin: Card['origin'], words: SidebarStrings): string {
  return origin === 'team' ? ` <span class="badge" title="${words.teamTitle}">${words.team}</span>` : '';
}

/** A template card: what the format is for, when to pick it, its prompts, and a Start retro action. */
function templateHtml(template: RetroTemplate, words: SidebarStrings): string {
  const id = escapeHtml(template.id);
  const domId = `template-${id}`;
  const title = escapeHtml(template.title);
  const prompts = [...template.body.matchAll(/^##[ \t]+(.+)$/gm)]
    .map((match) => match[1].trim())
    .filter((heading) => !heading.includes('{{'));
  return `<article class="card" id="${domId}" data-tags="retro template" aria-labelledby="${domId}-title">
<h3 class="card-title" id="${domId}-title">${title}${teamBadge(template.origin, words)}</h3>
<p class="card-summary">${escapeHtml(template.description)}</p>
<div class="card-body"><p><strong>${words.whenToUse}</strong> ${escapeHtml(template.whenToUse)}</p>
<p class="card-prompts"><strong>${words.templatePrompts}</strong> ${prompts.map(escapeHtml).join(' · ')}</p></div>
<div class="card-actions">
<button type="button" data-action="startRetro" data-id="${id}" aria-label="${fill(words.startRetroLabel, title)}"><span class="codicon codicon-new-file" aria-hidden="true"></span>${words.startRetro}</button>
</div>
</article>`;
}
