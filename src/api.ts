import type * as vscode from 'vscode';
import type { ReviewReflectionReport } from './core/reflection/figures';
import type { analyzeFeedback } from './core/tone';
import type { SidebarProbe } from './sidebar/sidebar-view-provider';

/** What other extensions get from activate(): these two members and nothing else. */
export interface LeadFromBehindApi {
  readonly analyzeFeedback: typeof analyzeFeedback;
  isReviewActive(): boolean;
}

/** What the extension's own tests read of its state. Never part of the public API. */
export interface TestProbes {
  isSidebarResolved(): boolean;
  isSidebarVisible(): boolean;
  reviewPrompt(): string | undefined;
  /** Watches and steers the sidebar's renders. */
  readonly sidebarProbe: SidebarProbe | undefined;
  /** The global state the review figures are kept in: a test writes another window's record there. */
  reviewFiguresState(): vscode.Memento;
  /** The report as a window starting now would read it, from the global state alone. */
  reviewFiguresAfterRestart(): ReviewReflectionReport;
}

/**
 * The API activate() returns: the public members only, plus the test probes when VS Code runs the extension
 * for its tests (ExtensionMode.Test). A new object, so nothing else the arguments carry leaks out.
 */
export function extensionApi(api: LeadFromBehindApi, probes: () => TestProbes, underTest: boolean): LeadFromBehindApi {
  const publicApi: LeadFromBehindApi = { analyzeFeedback: api.analyzeFeedback, isReviewActive: api.isReviewActive };
  if (!underTest) return publicApi;
  const { isSidebarResolved, isSidebarVisible, reviewPrompt, sidebarProbe, reviewFiguresState, reviewFiguresAfterRestart } = probes();
  return { ...publicApi, isSidebarResolved, isSidebarVisible, reviewPrompt, sidebarProbe, reviewFiguresState, reviewFiguresAfterRestart } as LeadFromBehindApi & TestProbes;
}
