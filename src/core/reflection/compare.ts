import type { ReviewReflectionReport, WeekFigures } from './figures';

/**
 * The plain-words comparison of this week with the four before it. It compares one thing: of the directive
 * flags raised while comments were written, how many stayed in when the comment went out. (The figures
 * count flags, not comments, per outcome: a comment with two flags, one rewritten and one left, counts
 * one of each.) It states what happened and never grades: "fewer", "about the same", "more".
 */

/** The directive flags raised in a week, over every rule. */
export function flagsRaised(figures: WeekFigures | undefined): number {
  if (!figures) return 0;
  return Object.values(figures.flagsByRule).reduce((sum, count) => sum + (Number.isFinite(count) && count > 0 ? count : 0), 0);
}

/** A week's figures by week key; weeks with nothing counted are missing from a report. */
export function figuresByWeek(report: ReviewReflectionReport): ReadonlyMap<string, WeekFigures> {
  return new Map(report.weeks.map((figures) => [figures.week, figures]));
}

/** Fewer than this many flags in the four weeks before, and a comparison would say more than the figures do. */
export const MIN_FLAGS_BEFORE = 5;
/** Shares closer than this (10 percentage points) read as "about the same". */
export const SAME_WITHIN = 0.1;

export type Trend = 'fewer' | 'same' | 'more';

/** A count out of a total: `left` of `raised` flags stayed in. */
export interface LeftIn {
  readonly left: number;
  readonly raised: number;
}

export type Comparison =
  /** No comment finished this week; `before` when the four weeks before had flags. */
  | { readonly kind: 'nothingThisWeek'; readonly before: LeftIn | undefined }
  /** Comments finished this week, none flagged. */
  | { readonly kind: 'noFlagsThisWeek'; readonly comments: number }
  /** Flags this week, but too few in the four weeks before to compare with. */
  | { readonly kind: 'tooLittleBefore'; readonly now: LeftIn }
  | { readonly kind: 'compared'; readonly now: LeftIn; readonly before: LeftIn; readonly trend: Trend };

/** Sums the flags raised and left in over some weeks. */
export function leftIn(weeks: readonly (WeekFigures | undefined)[]): LeftIn {
  let left = 0;
  let raised = 0;
  for (const figures of weeks) {
    raised += flagsRaised(figures);
    left += Math.max(0, figures?.leftInPlace ?? 0);
  }
  // Counts from two windows may disagree at a week's edge; a share above 1 would make no sense.
  return { left: Math.min(left, raised), raised };
}

/**
 * Compares `thisWeek` with the four weeks `before` it. "About the same" when the shares differ by less
 * than SAME_WITHIN, or by less than one flag of this week's (with 3 flags, one flag moves the share by a
 * third: that is not a change in habit).
 */
export function compareWeeks(thisWeek: WeekFigures | undefined, before: readonly (WeekFigures | undefined)[]): Comparison {
  const previous = leftIn(before);
  if (!thisWeek || thisWeek.commentsFinished <= 0) return { kind: 'nothingThisWeek', before: previous.raised > 0 ? previous : undefined };
  const now = leftIn([thisWeek]);
  if (now.raised === 0) return { kind: 'noFlagsThisWeek', comments: thisWeek.commentsFinished };
  if (previous.raised < MIN_FLAGS_BEFORE) return { kind: 'tooLittleBefore', now };
  const difference = (now.left / now.raised) - (previous.left / previous.raised);
  const expectedLeft = (now.raised * previous.left) / previous.raised;
  const trend: Trend = Math.abs(difference) < SAME_WITHIN || Math.abs(now.left - expectedLeft) < 1 ? 'same' : difference < 0 ? 'fewer' : 'more';
  return { kind: 'compared', now, before: previous, trend };
}

/** A share in words, as a small fraction: `none`, `all`, `half`, or `about n in d` (d from 2 to 10). */
export type Fraction = { readonly kind: 'none' | 'all' | 'half' } | { readonly kind: 'about'; readonly numerator: number; readonly denominator: number };

/**
 * The simplest fraction near `share`: the smallest denominator within 4 points, else the closest one up
 * to tenths. 0 and 1 exactly are "none" and "all"; anything between is never rounded to them.
 */
export function roughFraction(left: number, raised: number): Fraction {
  if (left <= 0) return { kind: 'none' };
  if (left >= raised) return { kind: 'all' };
  const share = left / raised;
  let best = { numerator: 1, denominator: 2, error: Infinity };
  for (let denominator = 2; denominator <= 10; denominator++) {
    const numerator = Math.min(denominator - 1, Math.max(1, Math.round(share * denominator)));
    const error = Math.abs((numerator / denominator) - share);
    if (error < 0.04) {
      best = { numerator, denominator, error };
      break;
    }
    if (error < best.error - 1e-9) best = { numerator, denominator, error };
  }
  // 2 in 4 is "half", 2 in 6 is "1 in 3": the search stops at the smallest denominator, so it is reduced.
  if (best.numerator * 2 === best.denominator) return { kind: 'half' };
  return { kind: 'about', numerator: best.numerator, denominator: best.denominator };
}
