import * as vscode from 'vscode';
import { blockPadding, tipBlock } from '../core/content/tip-block';
import type { Card } from '../core/types';
import { tipBlockLabels } from '../common/l10n';

/**
 * Inserts a card's tip block at every cursor of `editor`, or into a new untitled markdown document
 * when there is no editor. Returns true when the text changed.
 */
export async function insertCard(card: Card, editor: vscode.TextEditor | undefined): Promise<boolean> {
  if (!editor) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  const { document } = editor;
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
    showError(vscode.l10n.t('Lead From Behind: "{0}" is read-only, so the tip was not inserted. Nothing was changed.', fileLabel(document)));
    return false;
  }
  const block = tipBlock(card, 'snippet', tipBlockLabels());
  const versionBefore = document.version;
  const outcome = await insertAtCursors(editor, block);
  if (outcome.kind === 'stale') {
    showError(vscode.l10n.t('Lead From Behind: "{0}" kept changing while the tip was being inserted, so it was not inserted. Nothing was changed; please try again.', fileLabel(document)));
    return false;
  }
  if (outcome.kind === 'refused') {
    showError(vscode.l10n.t('Lead From Behind: the tip could not be inserted into "{0}" (its editor was closed or hidden). Nothing was changed.', fileLabel(document)));
    return false;
  }
  if (outcome.kind === 'partial') {
    showError(vscode.l10n.t('Lead From Behind: "{0}" changed while the tip was being inserted, so it went in at {1} of {2} cursors.', fileLabel(document), String(outcome.done), String(outcome.of)));
    return true;
  }
  // A read-only editor (a content provider, a locked file) can report success without changing anything.
  if (document.version === versionBefore) {
    showError(vscode.l10n.t('Lead From Behind: "{0}" is read-only, so the tip was not inserted. Nothing was changed.', fileLabel(document)));
    return false;
  }
  return true;
}

type InsertOutcome = { kind: 'inserted' | 'stale' | 'refused' } | { kind: 'partial'; done: number; of: number };

/** How often an insert is planned again when another edit keeps reaching the document first. */
const MAX_ATTEMPTS = 5;

/**
 * VS Code refuses an insert (`insertSnippet` resolves false) when the document changed after the extension
 * last saw it: the user typed, a formatter or another extension edited. The positions were planned for the
 * old text, so the insert is planned again from the cursors as they now are. Ignoring the refusal would drop
 * the tip without a word; the document's version would still have moved on, from the other edit.
 */
async function insertAtCursors(editor: vscode.TextEditor, block: string): Promise<InsertOutcome> {
  const { document } = editor;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const plannedAt = document.version;
    const inserts = plannedInserts(editor, block);
    let done = 0;
    for (const [index, { snippet, ranges }] of inserts.entries()) {
      // Undo stops are merged, so one Undo reverts every cursor's block.
      const applied = await insertSnippet(editor, snippet, ranges, { undoStopBefore: index === 0, undoStopAfter: index === inserts.length - 1 });
      if (!applied) break;
      done++;
    }
    if (done === inserts.length) return { kind: 'inserted' };
    const cursors = (planned: typeof inserts) => planned.reduce((sum, insert) => sum + insert.ranges.length, 0);
    if (done > 0) return { kind: 'partial', done: cursors(inserts.slice(0, done)), of: cursors(inserts) };
    // VS Code sends its news of the other edit before the refusal, so by now the document and cursors are
    // current. If the document has not moved on (even after a moment), the refusal had another cause.
    if (document.version === plannedAt && !(await changesSoon(document))) return { kind: 'refused' };
  }
  return { kind: 'stale' };
}

/** Resolves true if `document` changes within a moment. */
function changesSoon(document: vscode.TextDocument, withinMs = 250): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (changed: boolean) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(changed);
    };
    const timer = setTimeout(() => done(false), withinMs);
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document) done(true);
    });
  });
}

async function insertSnippet(editor: vscode.TextEditor, snippet: vscode.SnippetString, ranges: vscode.Range[], options: { undoStopBefore: boolean; undoStopAfter: boolean }): Promise<boolean> {
  try {
    return await editor.insertSnippet(snippet, ranges, options);
  } catch {
    return false; // the editor was closed meanwhile
  }
}

/**
 * Usually every cursor needs the same padding, and one snippet serves them all (with linked tab stops).
 * Otherwise each cursor gets its own insert, bottom-up, so earlier positions stay valid.
 */
function plannedInserts(editor: vscode.TextEditor, block: string): { snippet: vscode.SnippetString; ranges: vscode.Range[] }[] {
  const { document } = editor;
  const padded = editor.selections.map((selection) => {
    const { prefix, suffix } = blockPadding({
      before: document.lineAt(selection.start.line).text.slice(0, selection.start.character),
      after: document.lineAt(selection.end.line).text.slice(selection.end.character),
      previousLine: selection.start.line > 0 ? document.lineAt(selection.start.line - 1).text : undefined,
    });
    return { selection, snippet: new vscode.SnippetString(prefix + block + suffix) };
  });
  if (padded.every(({ snippet }) => snippet.value === padded[0].snippet.value)) {
    return [{ snippet: padded[0].snippet, ranges: padded.map(({ selection }) => selection) }];
  }
  return padded
    .sort((a, b) => b.selection.start.compareTo(a.selection.start))
    .map(({ selection, snippet }) => ({ snippet, ranges: [selection] }));
}

function showError(message: string): void {
  void vscode.window.showErrorMessage(message);
}

function fileLabel(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri);
}
