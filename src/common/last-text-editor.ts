import * as vscode from 'vscode';

/**
 * Remembers the last text editor the user worked in. When focus is in a webview (the sidebar, the
 * settings UI), `window.activeTextEditor` may be undefined, yet "Insert" should still reach that editor.
 */
export class LastTextEditor implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor) this.last = editor;
  });

  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    // A closed editor can no longer take edits, even while its document lingers in memory.
    return this.last && vscode.window.visibleTextEditors.includes(this.last) ? this.last : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
