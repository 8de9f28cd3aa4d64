/** Command and view ids, as contributed in package.json. */
export const Commands = {
  insertTip: 'leadFromBehind.insertTip',
  openSidebar: 'leadFromBehind.openSidebar',
  focusSearch: 'leadFromBehind.focusSearch',
  newRetroNote: 'leadFromBehind.newRetroNote',
  startReviewSession: 'leadFromBehind.startReviewSession',
  endReviewSession: 'leadFromBehind.endReviewSession',
  showReviewPrompts: 'leadFromBehind.showReviewPrompts',
  nextReviewPrompt: 'leadFromBehind.nextReviewPrompt',
  checkTone: 'leadFromBehind.checkTone',
  allowTonePhrase: 'leadFromBehind.allowTonePhrase',
  disableToneRule: 'leadFromBehind.disableToneRule',
  tryToneCheck: 'leadFromBehind.tryToneCheck',
  setUpTeamContent: 'leadFromBehind.setUpTeamContent',
  newTeamCard: 'leadFromBehind.newTeamCard',
  reviewReflectionReport: 'leadFromBehind.reviewReflectionReport',
  clearReviewFigures: 'leadFromBehind.clearReviewFigures',
  reflectOnWeek: 'leadFromBehind.reflectOnWeek',
  openPastReflection: 'leadFromBehind.openPastReflection',
  followThroughReport: 'leadFromBehind.followThroughReport',
  reviewOpenActions: 'leadFromBehind.reviewOpenActions',
} as const;

export const SIDEBAR_VIEW_ID = 'leadFromBehind.sidebar';
export const FOLLOW_THROUGH_VIEW_ID = 'leadFromBehind.followThrough';
export const YOUR_REVIEWS_VIEW_ID = 'leadFromBehind.yourReviews';

/** Context keys we set, for `when` clauses. */
export const ContextKeys = {
  reviewActive: 'leadFromBehind.reviewActive',
  reviewSession: 'leadFromBehind.reviewSession',
} as const;

/**
 * Commands registered but deliberately not contributed in package.json (callable by other code only).
 * A core test (manifest.test.ts) keeps the registered commands, this list and the manifest in step.
 */
export const InternalCommands = {
  /** Run by the tone quick fixes after their edit: counts the fix in the review figures. */
  recordToneFix: 'leadFromBehind.recordToneFix',
} as const;
