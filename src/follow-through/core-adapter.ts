// TEMPORARY, until the core's analysis and section builder are merged from i-11core: the two entry points
// this feature calls, so the plumbing compiles. Both throw; nothing here analyses anything.
import type { FollowThroughReport, RetroNoteText } from '../core/follow-through/report';

export function analyzeFollowThrough(_notes: readonly RetroNoteText[]): FollowThroughReport {
  throw new Error('the follow-through analysis is not merged yet');
}

export function followThroughHtml(_report: FollowThroughReport): string {
  throw new Error('the follow-through section is not merged yet');
}
