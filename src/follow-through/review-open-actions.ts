// "Review Open Actions": the open actions of the latest retro, by owner, to open, mark done or drop.
// Loaded (from dist/lazy/) on first use.
import * as vscode from 'vscode';
import { openNote } from '../common/retro-notes';
import { errorText, workspaceFolderOrSay } from '../common/workspace-files';
import { replaceLine } from '../core/follow-through/replace-line';
import { dropItemText, tickItemText } from '../core/retro/task-items';
import { openActionsByOwner } from '../core/follow-through/views';
import { isoDate } from '../core/retro/naming';
import { FollowThroughService, FollowThroughUnavailable, type FolderFollowThrough } from './follow-through-service';

export type ActionChoice = 'open' | 'done' | 'drop';
const CHOICES: readonly ActionChoice[] = ['open', 'done', 'drop'];

/** An action as the pick showed it: where it stood, its text, and its line as it read then. */
export interface ActionTarget {
  readonly file: string;
  readonly line: number;
  /** The action's text as the report gives it. */
  readonly text: string;
  /** The whole line when the pick was built; a script that gives none is checked against `text` alone. */
  readonly lineText?: string;
}

/** Arguments for scripting and tests: with `action` and `choice`, nothing is asked. */
export interface ReviewOpenActionsArgs {
  /** A workspace folder's name or URI. */
  readonly folder?: unknown;
  readonly action?: unknown;
  readonly choice?: unknown;
}

/** What happened, for scripts and tests: undefined when the user cancelled. */
export type ReviewOutcome = 'opened' | 'done' | 'dropped' | 'refused' | undefined;

export interface ActionPickItem extends vscode.QuickPickItem {
  readonly target?: ActionTarget;
}

/**
 * The quick pick's items: the open actions grouped by owner as `openActionsByOwner` groups them (owners by
 * name, actions without an owner last, each group in note order), a separator before each group. Each
 * shows its text, how often it was carried and since when, and where it stands.
 */
export function openActionPickItems(analysis: Pick<FolderFollowThrough, 'report' | 'notes'>): ActionPickItem[] {
  const items: ActionPickItem[] = [];
  for (const { owner, actions } of openActionsByOwner(analysis.report)) {
    items.push({ label: owner === undefined ? vscode.l10n.t('No owner') : `@${owner}`, kind: vscode.QuickPickItemKind.Separator });
    for (const action of actions) {
      items.push({
        label: action.text,
        description:
          action.timesCarried > 0
            ? vscode.l10n.t('carried {0}×, since {1}', String(action.timesCarried), action.firstRaised)
            : vscode.l10n.t('raised {0}', action.firstRaised),
        detail: `${action.file}:${action.line + 1}`,
        target: { file: action.file, line: action.line, text: action.text, lineText: lineOf(analysis.notes.get(action.file), action.line) },
      });
    }
  }
  return items;
}

/** The command: with `action` and `choice` it acts at once; else it asks for an action, then what to do with it. */
export async function reviewOpenActions(service: FollowThroughService, args: ReviewOpenActionsArgs | undefined): Promise<ReviewOutcome> {
  const folder = await chooseFolder(args?.folder);
  if (!folder) return undefined;
  if (args?.action !== undefined || args?.choice !== undefined) {
    const target = targetFromArgument(args.action);
    const choice = CHOICES.find((known) => known === args.choice);
    if (!target || !choice) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Lead From Behind: Review Open Actions takes an action ({ file, line, text }) and a choice (open, done or drop).'),
      );
      return 'refused';
    }
    return applyChoice(service, folder, target, choice);
  }

  let analysis: FolderFollowThrough;
  try {
    analysis = await service.analysis(folder);
  } catch (error) {
    void vscode.window.showErrorMessage(unavailableMessage(error));
    return 'refused';
  }
  const items = openActionPickItems(analysis);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      analysis.report.retros.length === 0
        ? vscode.l10n.t('Lead From Behind: there are no retro notes in "{0}" yet.', analysis.retroFolder)
        : vscode.l10n.t('Lead From Behind: the latest retro has no open actions.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Review Open Actions'),
    placeHolder: vscode.l10n.t('Pick an open action to open, mark done or drop'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.target) return undefined;
  const choice = await pickChoice(picked.target);
  if (!choice) return undefined;
  return applyChoice(service, folder, picked.target, choice);
}

async function pickChoice(target: ActionTarget): Promise<ActionChoice | undefined> {
  const choices: (vscode.QuickPickItem & { choice: ActionChoice })[] = [
    { choice: 'open', label: `$(go-to-file) ${vscode.l10n.t('Open at the line')}`, detail: `${target.file}:${target.line + 1}` },
    { choice: 'done', label: `$(check) ${vscode.l10n.t('Mark done')}`, detail: vscode.l10n.t('Ticks its box in the latest note, and changes nothing else.') },
    { choice: 'drop', label: `$(close) ${vscode.l10n.t('Drop')}`, detail: vscode.l10n.t("Strikes it through and notes today's date.") },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: target.text, placeHolder: vscode.l10n.t('What should happen to this action?') });
  return picked?.choice;
}

/**
 * Opens the action, or marks it done or dropped. An edit goes ahead only if the action still stands
 * where the pick saw it: every note is read again, and the line must still hold the same open action
 * (the very same line when the pick recorded it). Otherwise nothing is changed, and the user hears why.
 */
export async function applyChoice(service: FollowThroughService, folder: vscode.WorkspaceFolder, target: ActionTarget, choice: ActionChoice): Promise<ReviewOutcome> {
  let analysis: FolderFollowThrough;
  try {
    analysis = await service.analysis(folder, { fresh: true });
  } catch (error) {
    void vscode.window.showErrorMessage(unavailableMessage(error));
    return 'refused';
  }
  const uri = FollowThroughService.noteUri(analysis, target.file);
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: "{0}" is not a retro note in "{1}".', target.file, analysis.retroFolder));
    return 'refused';
  }
  if (choice === 'open') {
    await openAt(uri, target.line);
    return 'opened';
  }

  const lineText = lineOf(analysis.notes.get(target.file), target.line);
  const action = analysis.report.actions.find((candidate) => candidate.file === target.file && candidate.line === target.line);
  const stillThere =
    lineText !== undefined &&
    action !== undefined &&
    action.status === 'open' &&
    action.text === target.text &&
    (target.lineText === undefined || target.lineText === lineText);
  if (!stillThere) return refuseChanged(target);
  const edited = choice === 'done' ? tickItemText(lineText) : dropItemText(lineText, isoDate(new Date()));
  if (edited === undefined) return refuseChanged(target);
  return (await editLine(uri, target, lineText, edited)) ? (choice === 'done' ? 'done' : 'dropped') : 'refused';
}

/**
 * Replaces `before` with `after` on the action's line, and nothing else.
 *
 * - A note with unsaved changes gets one WorkspaceEdit, spanning only the characters that differ, and is
 *   left for its author to save: saving would write their unfinished edits too.
 * - Any other note is changed on disk, that one line of its bytes. Saving an editor would run the
 *   user's save participants (format on save, trim trailing white space, code actions on save), which
 *   could change other lines, and VS Code has no API to save without them. An open editor reloads the
 *   file, as it does after a git pull.
 *
 * Either way the line is checked once more right before the change.
 */
async function editLine(uri: vscode.Uri, target: ActionTarget, before: string, after: string): Promise<boolean> {
  const shown = vscode.workspace.asRelativePath(uri);
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: "{0}" is read-only. Nothing was changed.', shown));
    return false;
  }
  const open = openNote(uri);
  try {
    return open?.isDirty ? await editInEditor(open, target, before, after) : await editOnDisk(uri, target, before, after);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: could not change "{0}": {1}. Nothing was changed.', shown, errorText(error)));
    return false;
  }
}

async function editOnDisk(uri: vscode.Uri, target: ActionTarget, before: string, after: string): Promise<boolean> {
  const read = await vscode.workspace.fs.stat(uri);
  let text: string | undefined;
  try {
    // Fatal: a note in another encoding would come back with its other lines changed. ignoreBOM keeps the BOM.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof TypeError) text = undefined;
    else throw error;
  }
  const changed = text === undefined ? undefined : replaceLine(text, target.line, before, after);
  // Between the read and the write, someone may have saved the note or started typing in it: then the text
  // read is no longer the note, and writing it would lose their change.
  const now = await vscode.workspace.fs.stat(uri);
  const typedMeanwhile = openNote(uri)?.isDirty ?? false;
  if (changed === undefined || typedMeanwhile || now.mtime !== read.mtime || now.size !== read.size) {
    refuseChanged(target);
    return false;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(changed));
  return true;
}

async function editInEditor(document: vscode.TextDocument, target: ActionTarget, before: string, after: string): Promise<boolean> {
  if (target.line >= document.lineCount || document.lineAt(target.line).text !== before) {
    refuseChanged(target);
    return false;
  }
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(target.line, start, target.line, before.length - end), after.slice(start, after.length - end));
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: could not change "{0}" (is it read-only?). Nothing was changed.', vscode.workspace.asRelativePath(document.uri)),
    );
    return false;
  }
  return true;
}

function refuseChanged(target: ActionTarget): 'refused' {
  void vscode.window.showErrorMessage(
    vscode.l10n.t(
      'Lead From Behind: "{0}" changed since the list was made: line {1} no longer holds the open action "{2}". Nothing was changed; run Review Open Actions again.',
      target.file,
      String(target.line + 1),
      target.text,
    ),
  );
  return 'refused';
}

/** Opens a note with the cursor at the end of a 0-based line (the last line when the note is shorter now). */
export async function openAt(uri: vscode.Uri, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const end = document.lineAt(Math.min(line, document.lineCount - 1)).range.end;
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(end, end), preview: false });
}

/** The folder to review: the one named, the only one, or the one the user picks. */
async function chooseFolder(wanted: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Lead From Behind: open a folder with retro notes to review their open actions.'));
    return undefined;
  }
  if (wanted !== undefined) return workspaceFolderOrSay(wanted);
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Whose retro notes?') });
}

function targetFromArgument(raw: unknown): ActionTarget | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { file, line, text, lineText } = raw as Record<string, unknown>;
  if (typeof file !== 'string' || typeof text !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return undefined;
  if (lineText !== undefined && typeof lineText !== 'string') return undefined;
  return { file, line, text, lineText };
}

function unavailableMessage(error: unknown): string {
  const why = error instanceof FollowThroughUnavailable ? error.message : errorText(error);
  return vscode.l10n.t('Lead From Behind: the retro notes could not be read: {0}', why);
}

/** Line `line` of `text`, split where VS Code splits lines; a BOM is no part of line 0, as in an editor and in `replaceLine`. */
function lineOf(text: string | undefined, line: number): string | undefined {
  return text?.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[line];
}
