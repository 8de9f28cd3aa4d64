import * as assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lead-from-behind.lead-from-behind';

/** The public API: what activate() gives other extensions. */
export interface ExtensionApi {
  isReviewActive(): boolean;
  analyzeFeedback(text: string): { tone: string; findings: unknown[] };
}

/** What the extension adds to its API only in ExtensionMode.Test, for these tests. */
export interface TestProbes {
  isSidebarResolved(): boolean;
  isSidebarVisible(): boolean;
  reviewPrompt(): string | undefined;
}

export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** True when the run installed the packaged extension (a .vsix): VS Code runs it in Production mode. */
export const isPackagedRun = () => vscode.workspace.getConfiguration('lfbTest').get<boolean>('packaged', false);

/**
 * The test probes. The packaged run has none: VS Code runs an installed extension in Production mode,
 * where the API is only the public one. There the test is skipped, and its title in the report says why.
 */
export async function testProbesOrSkip(test: Mocha.Context): Promise<ExtensionApi & TestProbes> {
  const api = await activateExtension();
  if ('reviewPrompt' in api) return api as ExtensionApi & TestProbes;
  assert.ok(isPackagedRun(), 'the extension runs from source, for its tests, yet its API has no test probes');
  if (test.test) test.test.title += ' [skipped in the packaged run: it reads a test probe, which an installed extension (Production mode) does not have]';
  test.skip();
}

/** Polls until `condition` holds; UI state in VS Code settles asynchronously. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

let untitledCount = 0;

/**
 * A new untitled document holding `content`, under a name no other test uses. Not
 * `openTextDocument({ content })`: that reuses "Untitled-1" as soon as the last one closes, and if the
 * last one was dirty for over a second VS Code had backed it up; the new document's registration then
 * cancels the old backup's pending discard, and the new document opens with the OLD text.
 */
export async function openUntitled(language: 'markdown' | 'plaintext', content: string): Promise<vscode.TextDocument> {
  // The name gives the language; the path must not exist (VS Code refuses an untitled document over a file).
  const name = `lfb-untitled-${process.pid}-${++untitledCount}${language === 'markdown' ? '.md' : '.txt'}`;
  const uri = vscode.Uri.file(path.join(os.tmpdir(), name)).with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, language);
  if (content) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), content);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the untitled document takes its content');
  }
  assert.equal(document.getText(), content);
  return document;
}

/**
 * Closes every editor without a "save changes?" dialog: tests leave untitled documents dirty. Their names
 * are freed for reuse, together with any backup VS Code is still discarding: see openUntitled.
 */
export async function closeAllEditors(): Promise<void> {
  while (vscode.window.activeTextEditor) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => vscode.window.visibleTextEditors.length === 0, 'editors to close');
}

/** Dismisses a quick pick or input box once it is up; there is no API to see that it opened. */
export async function dismissQuickInputUntilSettled<T>(pending: Thenable<T>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + 10_000;
  while (!settled && Date.now() < deadline) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return result;
}

export const hasFolder = () => (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
