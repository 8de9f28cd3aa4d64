import { promises as nodeFs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CreateOutcome } from '../core/retro/exclusive-name';

/**
 * True when `folder` is really inside `root` on disk. A folder setting is checked as text, but a
 * repository could commit the folder as a symbolic link that points elsewhere.
 */
export async function isReallyInside(folder: vscode.Uri, root: vscode.Uri): Promise<boolean> {
  if (folder.scheme !== 'file' || root.scheme !== 'file') return true; // No links to follow through the API.
  const [realFolder, realRoot] = await Promise.all([nodeFs.realpath(folder.fsPath), nodeFs.realpath(root.fsPath)]);
  return realFolder === realRoot || realFolder.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
}

/**
 * Creates `folder` and its missing parents, but only after the deepest part that already exists is found
 * to be really inside `root`. Checking afterwards would be too late: a committed link would already have
 * led us to create folders elsewhere. Throws when the folder would lead outside.
 */
export async function createFolderInside(folder: vscode.Uri, root: vscode.Uri): Promise<void> {
  let existing = folder;
  while (!(await exists(existing)) && existing.path.length > root.path.length) existing = vscode.Uri.joinPath(existing, '..');
  if (!(await isReallyInside(existing, root))) throw new Error(vscode.l10n.t('the folder is a link that leads outside the workspace folder'));
  await vscode.workspace.fs.createDirectory(folder);
  if (!(await isReallyInside(folder, root))) throw new Error(vscode.l10n.t('the folder is a link that leads outside the workspace folder'));
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
 * Creates `uri` with `content` only if nothing is there yet. On disk this is one atomic `open(O_EXCL)`,
 * so two notes created at the same moment can never get the same name. A write that fails half-way
 * removes what it created: nothing is left half-written.
 */
export async function createExclusive(uri: vscode.Uri, content: Uint8Array): Promise<CreateOutcome> {
  if (uri.scheme === 'file') {
    let handle: nodeFs.FileHandle;
    try {
      handle = await nodeFs.open(uri.fsPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    }
    try {
      await handle.writeFile(content);
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await nodeFs.unlink(uri.fsPath).catch(() => undefined);
      throw error;
    }
    return 'created';
  }
  // Other file systems (remote, virtual) offer no exclusive create through the API: check, then write.
  try {
    await vscode.workspace.fs.stat(uri);
    return 'exists';
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError) || error.code !== 'FileNotFound') throw error;
  }
  await vscode.workspace.fs.writeFile(uri, content);
  return 'created';
}
