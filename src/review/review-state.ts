import * as vscode from 'vscode';
import { ContextKeys } from '../common/commands';
import { affects, setting, Settings } from '../common/settings';

/**
 * Whether a code review is under way: a diff tab is active, the active editor belongs to a review tool
 * (by URI scheme), or the user started a session by hand. Mirrored in the `leadFromBehind.reviewActive`
 * context key.
 */
export class ReviewState implements vscode.Disposable {
  private active = false;
  private manualSession = false;
  private readonly changeEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const update = () => this.update();
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(update),
      vscode.window.tabGroups.onDidChangeTabGroups(update),
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.reviewSchemes)) update();
      }),
      this.changeEmitter,
    ];
    this.update();
  }

  get isActive(): boolean {
    return this.active;
  }

  setManualSession(on: boolean): void {
    this.manualSession = on;
    void vscode.commands.executeCommand('setContext', ContextKeys.reviewSession, on);
    this.update();
  }

  private update(): void {
    const active = this.manualSession || isDiffTabActive() || isReviewSchemeActive();
    if (active === this.active) return;
    this.active = active;
    void vscode.commands.executeCommand('setContext', ContextKeys.reviewActive, active);
    this.changeEmitter.fire(active);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function isDiffTabActive(): boolean {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff;
}

function isReviewSchemeActive(): boolean {
  const scheme = vscode.window.activeTextEditor?.document.uri.scheme;
  return scheme !== undefined && setting(Settings.reviewSchemes).includes(scheme);
}
