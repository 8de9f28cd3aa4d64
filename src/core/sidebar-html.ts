import { splitBody } from './card-body';
import { escapeHtml } from './html';
import { isInsertable } from './library';
import { MarkdownRenderer } from './render';
import type { RetroTemplate } from './retro/template';
import { Card, CardKind } from './types';

/** Where the page's assets live, as webview URIs, and the per-load script nonce. */
export interface SidebarAssets {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
}

export const SIDEBAR_SECTIONS: readonly { kind: CardKind | 'template'; heading: string }[] = [
  { kind: 'concept', heading: 'Concepts' },
  { kind: 'comparison', heading: 'Front vs. Behind' },
  { kind: 'tip', heading: 'Tips' },
  { kind: 'prompt', heading: 'Review prompts' },
  { kind: 'template', heading: 'Retro templates' },
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
export function sidebarHtml(content: SidebarContent, renderer: MarkdownRenderer, assets: SidebarAssets): string {
  const sections = SIDEBAR_SECTIONS.map(({ kind, heading }) => {
    const items =
      kind === 'template'
        ? content.templates.map(templateHtml)
        : content.cards.filter((card) => card.kind === kind).map((card) => cardHtml(card, renderer));
    if (items.length === 0) return '';
    const headingId = `section-${kind}`;
    return `<section class="section" data-kind="${kind}" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(heading)}</h2>
${items.join('\n')}
</section>`;
  }).join('\n');

  return `<!DOCTYPE html>
<html lang="en">
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
<label for="search" class="visually-hidden">Search concepts, tips and prompts</label>
<span class="codicon codicon-search" aria-hidden="true"></span>
<input id="search" type="text" placeholder="Search (press /)" autocomplete="off" spellcheck="false" aria-controls="cards" aria-keyshortcuts="/">
<button id="clear-search" type="button" class="icon-button" aria-label="Clear search" title="Clear search" hidden><span class="codicon codicon-close" aria-hidden="true"></span></button>
</div>
<p id="search-status" class="visually-hidden" role="status" aria-live="polite"></p>
</header>
<main id="cards">
${sections}
<div id="empty-state" class="empty-state" hidden>
<span class="codicon codicon-search-stop" aria-hidden="true"></span>
<p>No card matches <strong id="empty-query"></strong>.</p>
<p>Try a broader word, such as <em>review</em>, <em>plan</em> or <em>crisis</em>.</p>
<button id="empty-clear" type="button" class="secondary">Clear search</button>
</div>
</main>
</body>
</html>`;
}

function cardHtml(card: Card, renderer: MarkdownRenderer): string {
  const id = escapeHtml(card.id);
  const titleId = `card-${id}-title`;
  const { explanation, inPractice } = splitBody(card.body);
  const team = teamBadge(card.origin);
  const example =
    card.directive && card.supportive
      ? `<dl class="card-example">
<dt>Instead of</dt><dd>${renderer.renderInline(card.directive)}</dd>
<dt>Try</dt><dd>${renderer.renderInline(card.supportive)}</dd>
</dl>`
      : '';
  const practice = inPractice
    ? `<div class="card-practice"><h4>In a software team</h4>${renderer.render(inPractice)}</div>`
    : '';
  const title = escapeHtml(card.title);
  const actions = isInsertable(card)
    ? `<div class="card-actions">
<button type="button" data-action="insert" data-id="${id}" aria-label="Insert ${title} into the editor"><span class="codicon codicon-insert" aria-hidden="true"></span>Insert</button>
<button type="button" class="secondary" data-action="copy" data-id="${id}" aria-label="Copy ${title} as markdown"><span class="codicon codicon-copy" aria-hidden="true"></span>Copy</button>
</div>`
    : '';
  return `<article class="card" id="card-${id}" data-id="${id}" data-tags="${escapeHtml(card.tags.join(' '))}" aria-labelledby="${titleId}">
<h3 class="card-title" id="${titleId}">${title}${team}</h3>
<p class="card-summary">${escapeHtml(card.summary)}</p>
<div class="card-body">${renderer.render(explanation)}${example}${practice}</div>
<p class="card-question"><span class="codicon codicon-question" aria-hidden="true"></span> <span><strong>Reflect:</strong> ${escapeHtml(card.question)}</span></p>
${actions}
</article>`;
}

function teamBadge(origin: Card['origin']): string {
  return origin === 'team' ? ' <span class="badge" title="From your team\'s content folder">team</span>' : '';
}

/** A template card: what the format is for, when to pick it, its prompts, and a Start retro action. */
function templateHtml(template: RetroTemplate): string {
  const id = escapeHtml(template.id);
  const domId = `template-${id}`;
  const title = escapeHtml(template.title);
  const prompts = [...template.body.matchAll(/^##[ \t]+(.+)$/gm)]
    .map((match) => match[1].trim())
    .filter((heading) => !heading.includes('{{'));
  return `<article class="card" id="${domId}" data-tags="retro template" aria-labelledby="${domId}-title">
<h3 class="card-title" id="${domId}-title">${title}${teamBadge(template.origin)}</h3>
<p class="card-summary">${escapeHtml(template.description)}</p>
<div class="card-body"><p><strong>When to use:</strong> ${escapeHtml(template.whenToUse)}</p>
<p class="card-prompts"><strong>Prompts:</strong> ${prompts.map(escapeHtml).join(' · ')}</p></div>
<div class="card-actions">
<button type="button" data-action="startRetro" data-id="${id}" aria-label="Start retro with ${title}"><span class="codicon codicon-new-file" aria-hidden="true"></span>Start retro</button>
</div>
</article>`;
}
