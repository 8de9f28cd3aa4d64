/** Follow-through: what became of the actions in a team's retro notes. Pure, like the rest of the core. */
export * from './report';
// analyzeFollowThroughInDetail is for the tests and the fuzz properties; the extension uses the report.
export { analyzeFollowThrough, analyzeFollowThroughInDetail, type FollowThroughAnalysis } from './analyze';
export { actionSimilarity, sameAction, normalizeActionText, MATCH_THRESHOLD, ADDED_WORD_WEIGHT } from './match';
export * from './views';
export * from './follow-through-html';
