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
    showReadOnlyError(document);
    return false;
  }
  const block = tipBlock(card, 'snippet', tipBlockLabels());
  const versionBefore = document.version;
  const inserts = plannedInserts(editor, block);
  for (const [index, { snippet, ranges }] of inserts.entries()) {
    // Undo stops are merged, so one Undo reverts every cursor's block.
    await editor.insertSnippet(snippet, ranges, { undoStopBefore: index === 0, undoStopAfter: index === inserts.length - 1 });
  }
  // A read-only editor (a content provider, a locked file) can report success without changing anything.
  if (document.version === versionBefore) {
    showReadOnlyError(document);
    return false;
  }
  return true;
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

function showReadOnlyError(document: vscode.TextDocument): void {
  void vscode.window.showErrorMessage(
    vscode.l10n.t('Lead From Behind: "{0}" is read-only, so the tip was not inserted. Nothing was changed.', fileLabel(document)),
  );
}

function fileLabel(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri);
}
