import type { analyzeFeedback } from './core/tone';
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
  const { isSidebarResolved, isSidebarVisible, reviewPrompt, sidebarProbe, followThroughProbe } = probes();
  return { ...publicApi, isSidebarResolved, isSidebarVisible, reviewPrompt, sidebarProbe, followThroughProbe } as LeadFromBehindApi & TestProbes;
}
