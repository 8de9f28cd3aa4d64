import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * Remembers the last text editor the user worked in. When focus is in a webview (the sidebar, the
 * settings UI), `window.activeTextEditor` may be undefined, yet "Insert" should still reach that editor.
 */
export class LastTextEditor extends Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor() {
    super();
    this._register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.last = editor;
      }),
    );
  }

  /**
   * The editor to act on: the active one, else the last one. If the last one is hidden behind another
   * tab, it is shown again with its cursors; if its tab was closed, there is none.
   */
  async editor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    const last = this.last;
    if (!last || last.document.isClosed) return undefined;
    if (vscode.window.visibleTextEditors.includes(last)) return last;
    // A document lingers in memory after its tab closes; only an open tab counts as an editor.
    if (!hasOpenTab(last.document.uri)) return undefined;
    const shown = await vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: false });
    shown.selections = last.selections;
    return shown;
  }

}

function hasOpenTab(uri: vscode.Uri): boolean {
  const target = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === target),
  );
}
