import type * as vscode from 'vscode';

/**
 * Owns what it registers and disposes it once, newest first, the way VS Code's own `Disposable` does.
 * Something registered after disposal is disposed at once, so a late subscription cannot leak.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.owned.splice(0).reverse()) disposable.dispose();
  }
}

/** A group that is emptied and refilled, such as a view's subscriptions or a folder's watchers. */
export class DisposableGroup implements vscode.Disposable {
  private members: vscode.Disposable[] = [];

  add(...disposables: vscode.Disposable[]): void {
    this.members.push(...disposables);
  }

  /** Disposes the current members; the group stays usable. */
  clear(): void {
    for (const disposable of this.members.splice(0).reverse()) disposable.dispose();
  }

  dispose(): void {
    this.clear();
  }
}
