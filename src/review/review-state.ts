import * as vscode from 'vscode';
import { ContextKeys } from '../common/commands';
import { Disposable } from '../common/disposable';
import { affects, setting, Settings } from '../common/settings';

/**
 * Whether a code review is under way: a diff tab is active, the active editor belongs to a review tool
 * (by URI scheme), or the user started a session by hand. Mirrored in the `leadFromBehind.reviewActive`
 * context key.
 */
export class ReviewState extends Disposable {
  private active = false;
  private manualSession = false;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<boolean>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly sessionEmitter = this._register(new vscode.EventEmitter<{ readonly active: boolean; readonly manual: boolean }>());
  /** Fires when the review turns on or off, or a session is started or ended by hand: for the review figures. */
  readonly onDidChangeSession = this.sessionEmitter.event;

  constructor() {
    super();
    const update = () => this.update();
    this._register(vscode.window.tabGroups.onDidChangeTabs(update));
    this._register(vscode.window.tabGroups.onDidChangeTabGroups(update));
    this._register(vscode.window.onDidChangeActiveTextEditor(update));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.reviewSchemes)) update();
      }),
    );
    this.update();
  }

  get isActive(): boolean {
    return this.active;
  }

  get isManualSession(): boolean {
    return this.manualSession;
  }

  setManualSession(on: boolean): void {
    const changed = on !== this.manualSession;
    this.manualSession = on;
    void vscode.commands.executeCommand('setContext', ContextKeys.reviewSession, on);
    if (!this.update() && changed) this.sessionEmitter.fire({ active: this.active, manual: on });
  }

  /** Returns true when the review turned on or off. */
  private update(): boolean {
    const active = this.manualSession || isDiffTabActive() || isReviewSchemeActive();
    if (active === this.active) return false;
    this.active = active;
    void vscode.commands.executeCommand('setContext', ContextKeys.reviewActive, active);
    this.changeEmitter.fire(active);
    this.sessionEmitter.fire({ active, manual: this.manualSession });
    return true;
  }

}

function isDiffTabActive(): boolean {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff;
}

function isReviewSchemeActive(): boolean {
  const scheme = vscode.window.activeTextEditor?.document.uri.scheme;
  return scheme !== undefined && setting(Settings.reviewSchemes).includes(scheme);
}
