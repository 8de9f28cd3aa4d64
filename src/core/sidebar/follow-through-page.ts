import { fill } from '../message';
import { escapeHtml } from './html';
import { pageHead } from './page-head';
import type { SidebarAssets } from './sidebar-html';

/**
 * The words of the Follow-through page around its section, in English. They are also the keys of the l10n
 * bundles: the extension passes each through vscode.l10n.t. `{0}`, `{1}` … are filled in here.
 */
export const FOLLOW_THROUGH_PAGE_STRINGS = {
  notesIn: 'Notes in {0}',
  chooseFolder: 'Change folder',
  chooseFolderLabel: 'Show the retro notes of another workspace folder',
  noFolder: 'Open a folder with retro notes to see how the team follows through on its actions.',
  noNotes: 'No retro notes in {0} yet. New Retrospective Note starts one; each note’s task items are its actions.',
  unavailable: 'The retro notes could not be read: {0}',
  skipped: 'Not read: {0} ({1}).',
};
export type FollowThroughPageStrings = typeof FOLLOW_THROUGH_PAGE_STRINGS;

/** What the page shows: one folder's section, or why there is none. */
export type FollowThroughPageContent =
  | {
      readonly kind: 'report';
      /** The workspace folder's name, shown when the workspace has several. */
      readonly folderName: string | undefined;
      /** The section's markup, built by the core (follow-through-html.ts) and already escaped. */
      readonly sectionHtml: string;
      /** Notes left out, with why. */
      readonly skipped: readonly { readonly file: string; readonly reason: string }[];
    }
  | { readonly kind: 'noNotes'; readonly folderName: string | undefined; readonly retroFolder: string }
  | { readonly kind: 'unavailable'; readonly folderName: string | undefined; readonly problem: string }
  | { readonly kind: 'noFolder' };

/**
 * The Follow-through view's page: in a workspace of several folders, the folder shown and a way to change
 * it; then the section (whose Review Open Actions button is the core's). The page's script only adds
 * behaviour: every control is a real button, so it works by keyboard and for screen readers as marked up.
 */
export function followThroughPage(
  content: FollowThroughPageContent,
  assets: SidebarAssets,
  strings: FollowThroughPageStrings = FOLLOW_THROUGH_PAGE_STRINGS,
  language = 'en',
): string {
  const folderName = content.kind === 'noFolder' ? undefined : content.folderName;
  const folder =
    folderName === undefined
      ? ''
      : `<p class="follow-through-folder"><span>${escapeHtml(fill(strings.notesIn, folderName))}</span>
<button type="button" class="secondary" data-command="chooseFolder" title="${escapeHtml(strings.chooseFolderLabel)}"><span class="codicon codicon-folder" aria-hidden="true"></span>${escapeHtml(strings.chooseFolder)}</button></p>`;
  return `${pageHead(assets, language)}
<body class="follow-through-page">
${folder ? `<header class="follow-through-header">\n${folder}\n</header>\n` : ''}<main>
${mainContent(content, strings)}
</main>
</body>
</html>`;
}

function mainContent(content: FollowThroughPageContent, strings: FollowThroughPageStrings): string {
  switch (content.kind) {
    case 'noFolder':
      return emptyState('folder-opened', strings.noFolder);
    case 'noNotes':
      return emptyState('notebook', fill(strings.noNotes, content.retroFolder));
    case 'unavailable':
      return `<div class="empty-state error-state" role="alert"><span class="codicon codicon-error" aria-hidden="true"></span><p class="error-detail">${escapeHtml(fill(strings.unavailable, content.problem))}</p></div>`;
    case 'report': {
      const skipped = content.skipped.map(({ file, reason }) => `<li>${escapeHtml(fill(strings.skipped, file, reason))}</li>`).join('');
      return `${skipped ? `<ul class="follow-through-skipped">${skipped}</ul>\n` : ''}${content.sectionHtml}`;
    }
  }
}

function emptyState(icon: string, text: string): string {
  return `<div class="empty-state"><span class="codicon codicon-${icon}" aria-hidden="true"></span><p>${escapeHtml(text)}</p></div>`;
}
