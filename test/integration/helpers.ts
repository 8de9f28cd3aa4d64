import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lead-from-behind.lead-from-behind';

/** The sidebar's test probe (src/sidebar/sidebar-view-provider.ts), given in Test mode only. */
export interface SidebarProbe {
  html(): string | undefined;
  beforeRenderLands: (() => Promise<void>) | undefined;
  settled(): Promise<void>;
  receive(message: unknown): Promise<void>;
}

/** The public API: what activate() gives other extensions. */
export interface ExtensionApi {
  isReviewActive(): boolean;
  analyzeFeedback(text: string): { tone: string; findings: unknown[] };
}

/** What the extension adds to its API only in ExtensionMode.Test, for these tests. */
export interface TestProbes {
  sidebarProbe?: SidebarProbe;
  /** The Follow-through view's probe: the same shape. */
  followThroughProbe?: SidebarProbe;
  isSidebarResolved(): boolean;
  isSidebarVisible(): boolean;
  reviewPrompt(): string | undefined;
  /** The Your Reviews view's probe, and the reflection notes and offer (src/reflection/). */
  yourReviewsProbe?: SidebarProbe;
  reflectionOffer(): string | undefined;
  forgetReflectionOffer(): Promise<void>;
  reflectionFolder(): string;
  reflectionNotes(): Promise<string[]>;
  /** The global state the review figures are kept in. */
  reviewFiguresState(): vscode.Memento;
  /** The review figures as a window starting now reads them: from the global state alone. */
  reviewFiguresFromState(): { weeks: Record<string, unknown>[] };
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
/** The API with whatever test probes this run has: none in the packaged run. */
export async function activateWithProbes(): Promise<ExtensionApi & Partial<TestProbes>> {
  return activateExtension();
}

export async function testProbesOrSkip(test: Mocha.Context): Promise<ExtensionApi & TestProbes> {
  const api = await activateExtension();
  if ('reviewPrompt' in api) return api as ExtensionApi & TestProbes;
  assert.ok(isPackagedRun(), 'the extension runs from source, for its tests, yet its API has no test probes');
  if (test.test) test.test.title += ' [skipped in the packaged run: it reads a test probe, which an installed extension (Production mode) does not have]';
  test.skip();
}

/**
 * For tests that watch the extension through the `vscode` API object (its messages, its file system).
 * Run from source, the extension shares that object with the tests; installed from the package, it has its
 * own. There the test is skipped, and its title in the report says why.
 */
export function watchesTheApiOrSkip(test: Mocha.Context): void {
  if (!isPackagedRun()) return;
  if (test.test) test.test.title += ' [skipped in the packaged run: the installed extension does not share the vscode API object the test watches]';
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

/** Whether Insert Tip knows the card `id` now: it inserts it into a fresh document. */
export async function insertsTip(id: string): Promise<boolean> {
  const document = await openUntitled('markdown', '');
  await vscode.window.showTextDocument(document);
  const inserted = await vscode.commands.executeCommand<boolean>('leadFromBehind.insertTip', { id });
  await closeAllEditors();
  return inserted;
}

/**
 * Records the error and warning messages the extension shows while `during` runs. The tests are loaded
 * from the extension's folder, so they get the same `vscode` API object as the extension, and can watch it.
 */
export async function messagesDuring<T>(during: () => Thenable<T> | Promise<T>): Promise<{ result: T; messages: string[] }> {
  const messages: string[] = [];
  const window = vscode.window as Record<'showErrorMessage' | 'showWarningMessage', unknown>;
  const originals = { showErrorMessage: window.showErrorMessage, showWarningMessage: window.showWarningMessage };
  for (const name of ['showErrorMessage', 'showWarningMessage'] as const) {
    window[name] = (message: string) => {
      messages.push(message);
      return Promise.resolve(undefined);
    };
  }
  try {
    return { result: await during(), messages };
  } finally {
    Object.assign(window, originals);
  }
}

/** Runs a shell command for a test's set-up (a mount, a file attribute); undefined when it worked, else why not. */
export function trySystem(command: string, args: string[]): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error) return run.error.message;
  return run.status === 0 ? undefined : `${command} ${args.join(' ')}: ${(run.stderr || run.stdout).trim() || `exit ${run.status}`}`;
}
