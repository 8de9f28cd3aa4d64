/**
 * The review figures kept for the reviewer, per ISO week: what `leadFromBehind.reviewReflectionReport`
 * returns, and what the Your Reviews view draws. Counts only: never the text of a comment.
 */

export interface WeekFigures {
  /** ISO 8601 week, such as `2026-W48`. */
  readonly week: string;
  /** Comments finished: a comment document closed or submitted after text was typed in it. */
  readonly commentsFinished: number;
  /** Finished comments that had at least one directive flag while they were written. */
  readonly commentsFlagged: number;
  /** Finished comments that went out with at least one directive flag still in them. */
  readonly commentsLeftFlagged: number;
  /** Finished comments in which at least one rewrite quick fix was taken and kept (an undone rewrite does not count). */
  readonly commentsRewritten: number;
  /** Flags raised while writing, per tone rule id. */
  readonly flagsByRule: Readonly<Record<string, number>>;
  /** Flags resolved by a rewrite quick fix, and by a label quick fix. */
  readonly resolvedByRewrite: number;
  readonly resolvedByLabel: number;
  /** Flags still in place when their comment was finished. */
  readonly leftInPlace: number;
  /** Review sessions ended this week, and their total length in minutes. */
  readonly sessions: number;
  readonly sessionMinutes: number;
}

export interface ReviewReflectionReport {
  /** Oldest first; weeks with nothing counted may be left out. */
  readonly weeks: readonly WeekFigures[];
}
