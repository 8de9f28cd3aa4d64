/**
 * The shape of a follow-through analysis: what `leadFromBehind.followThroughReport` returns, and what the
 * Follow-through view draws. Types only; `analyze.ts` builds it from the team's retro notes.
 */

/** A retro note as read: its path relative to the workspace folder (forward slashes), and its current text. */
export interface RetroNoteText {
  readonly file: string;
  readonly text: string;
}

export type ActionStatus = 'open' | 'done' | 'dropped';

export interface RetroFigures {
  /** Relative path of the note, and its date (`YYYY-MM-DD`, from the file name). */
  readonly file: string;
  readonly date: string;
  /** Actions that first appear in this note. */
  readonly raised: number;
  /** Actions ticked in this note (first ticked here). */
  readonly done: number;
  /** Actions still open in this note that were already open in an earlier one. */
  readonly carried: number;
  /** Actions open in the previous note that this note no longer has, or that it strikes through. */
  readonly dropped: number;
}

export interface FollowThroughAction {
  /** The action's text as it stands in the note where it is now: box, owner tags and markdown kept out (other mentions stay). */
  readonly text: string;
  /** The `@name` it is given to, without the `@`; undefined when nobody is named. */
  readonly owner: string | undefined;
  /** Dates (`YYYY-MM-DD`) of the first and the last note it appears in. */
  readonly firstRaised: string;
  readonly lastSeen: string;
  /** The number of later notes it reappears in while open. */
  readonly timesCarried: number;
  readonly status: ActionStatus;
  /** Where it stands now: the note it was last seen in, and the 0-based line of its box there. */
  readonly file: string;
  readonly line: number;
}

export interface OwnerFigures {
  readonly open: number;
  readonly done: number;
  readonly dropped: number;
}

export interface FollowThroughReport {
  /** In date order, oldest first. */
  readonly retros: readonly RetroFigures[];
  readonly actions: readonly FollowThroughAction[];
  /** Keyed by owner name as written (without `@`), case kept from its latest mention. */
  readonly owners: Readonly<Record<string, OwnerFigures>>;
}
