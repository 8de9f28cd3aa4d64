import * as vscode from 'vscode';
import type { ContentLibrary } from '../core/content/library';
import { createWithFreeName } from '../core/retro/exclusive-name';
import { slugify } from '../core/retro/naming';
import { DEFAULT_QUESTION, TEAM_CARD_TEXTS, TeamCardTexts, teamCardFile, titleProblem } from '../core/content/team-card';
import { CARD_KINDS, type CardKind } from '../core/types';
import { createExclusive, createFolderInside, errorText, teamContentFolderOrSay, workspaceFolderOrSay } from '../common/workspace-files';

/** Arguments for scripting and keybindings. With `kind` and `title`, nothing is asked. */
export interface NewTeamCardArgs {
  readonly kind?: unknown;
  readonly title?: unknown;
  /** A workspace folder's name or URI; asked for when there are several. */
  readonly folder?: unknown;
}

/** The id of a card whose title has nothing a file name can use (emoji only, say). */
const FALLBACK_ID = 'team-card';

/**
 * "New Team Card…": asks the kind and the title, writes a complete card file in the team content folder
 * and opens it. Never overwrites: when the name is taken, the card gets the next free one (`-2`, `-3` …).
 * Returns the new file's URI, or undefined when nothing was written.
 */
export async function newTeamCard(library: ContentLibrary, args: NewTeamCardArgs | undefined): Promise<vscode.Uri | undefined> {
  const root = await chooseWorkspaceFolder(args);
  if (!root) return undefined;
  const folder = teamContentFolderOrSay(root);
  if (!folder) return undefined;
  if (!vscode.workspace.isTrusted && !(await createInRestrictedMode(folder))) return undefined;

  const kind = args?.kind !== undefined ? kindFromArgs(args.kind) : await pickKind();
  if (!kind) return undefined;
  const title = args?.title !== undefined ? titleFromArgs(args.title) : await askTitle();
  if (title === undefined) return undefined;

  const texts = Object.fromEntries(Object.entries(TEAM_CARD_TEXTS).map(([key, text]) => [key, vscode.l10n.t(text.template)])) as TeamCardTexts;
  const question = vscode.l10n.t(DEFAULT_QUESTION.template);
  const wanted = slugify(title, FALLBACK_ID);
  const fileOf = (id: string) => vscode.Uri.joinPath(folder, `${id}.md`);
  let id: string;
  try {
    await createFolderInside(folder, root.uri);
    id = await createWithFreeName(
      (attempt) => (attempt === 1 ? wanted : `${wanted}-${attempt}`),
      // An id the library already has (a built-in card, say) is taken too: the card would not load.
      async (candidate) =>
        library.get(candidate) ? 'exists' : createExclusive(fileOf(candidate), new TextEncoder().encode(teamCardFile({ id: candidate, kind, title }, texts, question))),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: could not create the card in "{0}": {1}. Nothing was written.', vscode.workspace.asRelativePath(folder), errorText(error)),
    );
    return undefined;
  }
  if (id !== wanted) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Lead From Behind: a card or file named "{0}" already exists, so the new card is "{1}". Nothing was overwritten.', wanted, `${id}.md`),
    );
  }
  await vscode.window.showTextDocument(fileOf(id));
  return fileOf(id);
}

/**
 * In Restricted Mode the repository's own folder settings are ignored (package.json), so the card would go
 * where the user's settings say, which may not be where the team keeps its cards. The user decides.
 */
async function createInRestrictedMode(folder: vscode.Uri): Promise<boolean> {
  const create = vscode.l10n.t('Create It There');
  const manageTrust = vscode.l10n.t('Manage Workspace Trust');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Lead From Behind: this workspace is in Restricted Mode, so the repository’s own setting for the team content folder is not used. The card would go in "{0}", from your settings.',
      vscode.workspace.asRelativePath(folder),
    ),
    create,
    manageTrust,
  );
  if (answer === manageTrust) void vscode.commands.executeCommand('workbench.trust.manage');
  return answer === create;
}

async function chooseWorkspaceFolder(args: NewTeamCardArgs | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Lead From Behind: open a folder first. Team cards live in the repository, so the whole team shares them.'));
    return undefined;
  }
  if (args?.folder !== undefined) return workspaceFolderOrSay(args.folder);
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder should hold the new card?') });
}

function kindFromArgs(kind: unknown): CardKind | undefined {
  if (CARD_KINDS.includes(kind as CardKind)) return kind as CardKind;
  void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: a card\'s kind is one of {0} (got "{1}").', CARD_KINDS.join(', '), String(kind)));
  return undefined;
}

function titleFromArgs(title: unknown): string | undefined {
  const problem = titleProblem(typeof title === 'string' ? title : '');
  if (!problem) return (title as string).trim();
  void vscode.window.showErrorMessage(`Lead From Behind: ${vscode.l10n.t(problem.template, ...problem.values)}`);
  return undefined;
}

async function pickKind(): Promise<CardKind | undefined> {
  const items: (vscode.QuickPickItem & { cardKind: CardKind })[] = [
    { cardKind: 'tip', label: `$(lightbulb) ${vscode.l10n.t('Tip')}`, detail: vscode.l10n.t('Something for the team to try. Insert Tip offers it.') },
    { cardKind: 'prompt', label: `$(comment-discussion) ${vscode.l10n.t('Review prompt')}`, detail: vscode.l10n.t('A nudge toward supportive feedback, in the status bar while a review is open.') },
    { cardKind: 'concept', label: `$(book) ${vscode.l10n.t('Concept')}`, detail: vscode.l10n.t('An idea behind leading from behind, explained.') },
    { cardKind: 'comparison', label: `$(arrow-swap) ${vscode.l10n.t('Comparison')}`, detail: vscode.l10n.t('Two ways of leading side by side, often as a table.') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Team Card (1/2)'), placeHolder: vscode.l10n.t('What kind of card?') });
  return picked?.cardKind;
}

async function askTitle(): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Team Card (2/2)'),
    prompt: vscode.l10n.t('The card’s title. The file is named after it.'),
    placeHolder: vscode.l10n.t('For example: Pair on the risky changes'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = titleProblem(value);
      return problem && vscode.l10n.t(problem.template, ...problem.values);
    },
  });
  return title?.trim();
}
