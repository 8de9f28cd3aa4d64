import * as vscode from 'vscode';
import type { CreateOutcome } from '../core/retro/exclusive-name';
import { nodeFiles } from './node-files';
import { folderInside, setting, Settings } from './settings';

/**
 * The team content folder of a workspace folder, from its setting. A setting that leads outside the
 * workspace folder gets an error message, and undefined.
 */
export function teamContentFolderOrSay(root: vscode.WorkspaceFolder): vscode.Uri | undefined {
  const folder = folderInside(root.uri, setting(Settings.teamContentFolder, root));
  if (!folder) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: the team content folder must be a relative path inside "{0}". Check the setting leadFromBehind.teamContentFolder.', root.name),
    );
  }
  return folder;
}

/**
 * True when `folder` is really inside `root` on disk. A folder setting is checked as text, but a
 * repository could commit the folder as a symbolic link that points elsewhere.
 */
export async function isReallyInside(folder: vscode.Uri, root: vscode.Uri): Promise<boolean> {
  // Links exist only on a disk; the API has none to follow.
  if (!nodeFiles || folder.scheme !== 'file' || root.scheme !== 'file') return true;
  const [realFolder, realRoot] = await Promise.all([nodeFiles.realpath(folder.fsPath), nodeFiles.realpath(root.fsPath)]);
  const separator = nodeFiles.separator;
  return realFolder === realRoot || realFolder.startsWith(realRoot.endsWith(separator) ? realRoot : realRoot + separator);
}

/**
 * Creates `folder` and its missing parents, but only after the deepest part that already exists is found
 * to be really inside `root`. Checking afterwards would be too late: a committed link would already have
 * led us to create folders elsewhere. Throws when the folder would lead outside.
 */
export async function createFolderInside(folder: vscode.Uri, root: vscode.Uri): Promise<void> {
  const leadsOutside = () => new Error(vscode.l10n.t('the folder is a link that leads outside the workspace folder'));
  let existing = folder;
  while (!(await exists(existing)) && existing.path.length > root.path.length) existing = vscode.Uri.joinPath(existing, '..');
  if (!(await isReallyInside(existing, root))) throw leadsOutside();
  await vscode.workspace.fs.createDirectory(folder);
  if (!(await isReallyInside(folder, root))) throw leadsOutside();
}

/**
 * The workspace folder a command's `folder` argument names, by its name or its URI. When none has it, says
 * so and returns undefined.
 */
export function workspaceFolderOrSay(wanted: unknown): vscode.WorkspaceFolder | undefined {
  const text = String(wanted);
  const found = (vscode.workspace.workspaceFolders ?? []).find((folder) => folder.name === text || folder.uri.toString() === text);
  if (!found) void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: there is no workspace folder "{0}".', text));
  return found;
}

/** What went wrong with a file, in words for the user. */
export function errorText(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return vscode.l10n.t('permission denied');
  if (code === 'EROFS') return vscode.l10n.t('the file system is read-only');
  if (code === 'ENOSPC' || code === 'EDQUOT') return vscode.l10n.t('the disk is full');
  return error instanceof Error ? error.message : String(error);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `uri` with `content` only if nothing is there yet.
 * - On a local disk this is one atomic `open(O_EXCL)`, so two notes created at the same moment can never
 *   get the same name, and a write that fails half-way removes what it created.
 * - Elsewhere (remote and virtual file systems, the browser) the API has no atomic create. Creates from
 *   this window run one at a time, each checking that the name is free and then writing through an edit
 *   that may not overwrite. So this window never overwrites a file; only two windows creating the same
 *   name in the same instant could still collide.
 */
export async function createExclusive(uri: vscode.Uri, content: Uint8Array): Promise<CreateOutcome> {
  if (nodeFiles && uri.scheme === 'file') return nodeFiles.createNew(uri.fsPath, content);
  const created = apiCreates.then(() => createThroughApi(uri, content));
  apiCreates = created.catch(() => undefined);
  return created;
}

let apiCreates: Promise<unknown> = Promise.resolve();

async function createThroughApi(uri: vscode.Uri, content: Uint8Array): Promise<CreateOutcome> {
  if (await exists(uri)) return 'exists';
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: content });
  if (await vscode.workspace.applyEdit(edit)) return 'created';
  if (await exists(uri)) return 'exists';
  throw new Error(vscode.l10n.t('the file could not be created'));
}
