import type * as vscode from 'vscode';
import type { ReviewReflectionReport } from './core/reflection/figures';
import type { analyzeFeedback } from './core/tone';
import type { YourReviewsProbe } from './reflection/your-reviews-view';
import type { FollowThroughProbe } from './follow-through/follow-through-view';
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
  /** The report as a window starting now would read it, from the global state alone; reads only, writes nothing. */
  reviewFiguresFromState(): ReviewReflectionReport;
  /** Watches and steers the Your Reviews view's renders. */
  readonly yourReviewsProbe: YourReviewsProbe | undefined;
  /** The text of the status-bar offer to reflect, while it shows. */
  reflectionOffer(): string | undefined;
  /** Forgets the week of the last offer (and hides it), so a test sees a week's first offer. */
  forgetReflectionOffer(): Promise<void>;
  /** The reflection notes folder now (a URI), and its notes' file names, newest week first. */
  reflectionFolder(): string;
  reflectionNotes(): Promise<string[]>;
  /** Watches and steers the Follow-through view's renders. */
  readonly followThroughProbe: FollowThroughProbe | undefined;
}

/**
 * The API activate() returns: the public members only, plus the test probes when VS Code runs the extension
 * for its tests (ExtensionMode.Test). A new object, so nothing else the arguments carry leaks out.
 */
export function extensionApi(api: LeadFromBehindApi, probes: () => TestProbes, underTest: boolean): LeadFromBehindApi {
  const publicApi: LeadFromBehindApi = { analyzeFeedback: api.analyzeFeedback, isReviewActive: api.isReviewActive };
  if (!underTest) return publicApi;
  const built = probes();
  const { isSidebarResolved, isSidebarVisible, reviewPrompt, sidebarProbe, reviewFiguresState, reviewFiguresFromState } = built;
  const { yourReviewsProbe, reflectionOffer, forgetReflectionOffer, reflectionFolder, reflectionNotes } = built;
  return {
    ...publicApi,
    isSidebarResolved,
    isSidebarVisible,
    reviewPrompt,
    sidebarProbe,
    reviewFiguresState,
    reviewFiguresFromState,
    yourReviewsProbe,
    reflectionOffer,
    forgetReflectionOffer,
    reflectionFolder,
    reflectionNotes,
    followThroughProbe: built.followThroughProbe,
  } as LeadFromBehindApi & TestProbes;
}
