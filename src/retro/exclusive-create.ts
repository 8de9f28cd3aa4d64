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
  return realFolder.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
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
