import { splitBody } from './card-body';
import { escapeHtml } from './html';
import { isInsertable } from './library';
import { MarkdownRenderer } from './render';
import { Card, CardKind } from './types';

/** Where the page's assets live, as webview URIs, and the per-load script nonce. */
export interface SidebarAssets {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
}

export const SIDEBAR_SECTIONS: readonly { kind: CardKind; heading: string }[] = [
  { kind: 'concept', heading: 'Concepts' },
  { kind: 'comparison', heading: 'Front vs. Behind' },
  { kind: 'tip', heading: 'Tips' },
  { kind: 'prompt', heading: 'Review prompts' },
];

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
export function sidebarHtml(cards: readonly Card[], renderer: MarkdownRenderer, assets: SidebarAssets): string {
  const sections = SIDEBAR_SECTIONS.map(({ kind, heading }) => {
    const ofKind = cards.filter((card) => card.kind === kind);
    if (ofKind.length === 0) return '';
    const headingId = `section-${kind}`;
    return `<section class="section" data-kind="${kind}" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(heading)}</h2>
${ofKind.map((card) => cardHtml(card, renderer)).join('\n')}
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
</head>
<body>
<div class="search" role="search">
<label for="search" class="visually-hidden">Search concepts, tips and prompts</label>
<span class="codicon codicon-search" aria-hidden="true"></span>
<input id="search" type="text" placeholder="Search (press /)" autocomplete="off" spellcheck="false" aria-controls="cards" aria-keyshortcuts="/">
<button id="clear-search" type="button" class="icon-button" aria-label="Clear search" title="Clear search" hidden><span class="codicon codicon-close" aria-hidden="true"></span></button>
</div>
<p id="search-status" class="visually-hidden" role="status" aria-live="polite"></p>
<main id="cards">
${sections}
<div id="empty-state" class="empty-state" hidden>
<span class="codicon codicon-search-stop" aria-hidden="true"></span>
<p>No card matches <strong id="empty-query"></strong>.</p>
<p>Try a broader word, such as <em>review</em>, <em>plan</em> or <em>crisis</em>.</p>
<button id="empty-clear" type="button" class="secondary">Clear search</button>
</div>
</main>
<script nonce="${escapeHtml(assets.nonce)}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>`;
}

function cardHtml(card: Card, renderer: MarkdownRenderer): string {
  const id = escapeHtml(card.id);
  const titleId = `card-${id}-title`;
  const { explanation, inPractice } = splitBody(card.body);
  const team = card.origin === 'team' ? ' <span class="badge" title="From your team\'s content folder">team</span>' : '';
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
