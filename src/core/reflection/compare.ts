import type { ReviewReflectionReport, WeekFigures } from './figures';

/**
 * The plain-words comparison of this week with the four before it. It compares one thing: of the comments
 * finished, how many went out with a directive flag still in them (commentsLeftFlagged). It counts comments,
 * not flags: a comment with three flags left in is one comment that went out flagged. It states what
 * happened and never grades: "fewer", "about the same", "more".
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

/** Fewer than this many finished comments in the four weeks before, and a comparison would say more than the figures do. */
export const MIN_COMMENTS_BEFORE = 5;
/** Shares closer than this (10 percentage points) read as "about the same". */
export const SAME_WITHIN = 0.1;

export type Trend = 'fewer' | 'same' | 'more';

/** A count out of a total: `left` of `finished` comments went out with a directive flag left in. */
export interface LeftFlagged {
  readonly left: number;
  readonly finished: number;
}

export type Comparison =
  /** No comment finished this week; `before` when the four weeks before had finished comments. */
  | { readonly kind: 'nothingThisWeek'; readonly before: LeftFlagged | undefined }
  /** One comment finished this week: what became of it, and no comparison (one comment is no habit). */
  | { readonly kind: 'oneThisWeek'; readonly leftFlagged: boolean }
  /** Comments finished this week, but too few in the four weeks before to compare with. */
  | { readonly kind: 'tooLittleBefore'; readonly now: LeftFlagged }
  | { readonly kind: 'compared'; readonly now: LeftFlagged; readonly before: LeftFlagged; readonly trend: Trend };

/** A count as stored: a whole number of at least 0. */
const counted = (value: number | undefined) => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0);

/** Sums the comments finished, and those that went out with a directive flag left in, over some weeks. */
export function leftFlagged(weeks: readonly (WeekFigures | undefined)[]): LeftFlagged {
  let left = 0;
  let finished = 0;
  for (const figures of weeks) {
    finished += counted(figures?.commentsFinished);
    left += counted(figures?.commentsLeftFlagged);
  }
  // Counts from two windows may disagree at a week's edge; a share above 1 would make no sense.
  return { left: Math.min(left, finished), finished };
}

/**
 * Compares `thisWeek` with the four weeks `before` it. "About the same" when the shares differ by less
 * than SAME_WITHIN, or by less than one of this week's comments (with 3 comments, one comment moves the
 * share by a third: that is not a change in habit).
 */
export function compareWeeks(thisWeek: WeekFigures | undefined, before: readonly (WeekFigures | undefined)[]): Comparison {
  const previous = leftFlagged(before);
  const now = leftFlagged([thisWeek]);
  if (now.finished === 0) return { kind: 'nothingThisWeek', before: previous.finished > 0 ? previous : undefined };
  if (now.finished === 1) return { kind: 'oneThisWeek', leftFlagged: now.left > 0 };
  if (previous.finished < MIN_COMMENTS_BEFORE) return { kind: 'tooLittleBefore', now };
  const difference = (now.left / now.finished) - (previous.left / previous.finished);
  const expectedLeft = (now.finished * previous.left) / previous.finished;
  const trend: Trend = Math.abs(difference) < SAME_WITHIN || Math.abs(now.left - expectedLeft) < 1 ? 'same' : difference < 0 ? 'fewer' : 'more';
  return { kind: 'compared', now, before: previous, trend };
}

/** A share in words, as a small fraction: `none`, `all`, `half`, or `about n in d` (d from 2 to 10). */
export type Fraction = { readonly kind: 'none' | 'all' | 'half' } | { readonly kind: 'about'; readonly numerator: number; readonly denominator: number };

/**
 * The simplest fraction near `share`: the smallest denominator within 4 points, else the closest one up
 * to tenths. 0 and 1 exactly are "none" and "all"; anything between is never rounded to them.
 */
export function roughFraction(count: number, total: number): Fraction {
  if (count <= 0) return { kind: 'none' };
  if (count >= total) return { kind: 'all' };
  const share = count / total;
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
