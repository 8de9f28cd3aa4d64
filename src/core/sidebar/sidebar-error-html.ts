import { escapeHtml } from './html';
import { pageHead } from './page-head';
import type { SidebarAssets } from './sidebar-html';

/** The error page's words, in the display language, with what went wrong filled in. */
export interface SidebarErrorWords {
  readonly heading: string;
  readonly detail: string;
  readonly retry: string;
}

/**
 * The page the sidebar shows when its cards could not be rendered: what went wrong, and a Retry button
 * that its script (not an inline handler: the CSP allows none) wires to a "retry" message.
 */
export function sidebarErrorHtml(words: SidebarErrorWords, assets: SidebarAssets, language = 'en'): string {
  return `${pageHead(assets, language)}
<body>
<main class="empty-state error-state" role="alert">
<span class="codicon codicon-error" aria-hidden="true"></span>
<h1>${escapeHtml(words.heading)}</h1>
<p class="error-detail">${escapeHtml(words.detail)}</p>
<button id="retry" type="button"><span class="codicon codicon-refresh" aria-hidden="true"></span>${escapeHtml(words.retry)}</button>
</main>
</body>
</html>`;
}
