/** A review session that ended: when, and how long it lasted. */
export interface EndedSession {
  readonly endedAt: number;
  readonly minutes: number;
  /** Started and ended with the Start/End Review Session commands. */
  readonly manual: boolean;
}

/** A pause in an automatic review (no diff, no review editor) shorter than this does not end it. */
export const SESSION_GAP_MS = 5 * 60 * 1000;
/** An automatic review shorter than this (a glance at a diff) is not counted as a session. */
export const MIN_AUTOMATIC_SESSION_MS = 60 * 1000;

/**
 * Review sessions from the review state. A session started by hand ends when it is ended by hand. An
 * automatic one (a diff or a review tool's editor is active) ends when the review has been inactive for
 * SESSION_GAP_MS, at the moment it became inactive; switching to a source file for a minute mid-review
 * does not split it. Times are ms since 1970, passed in, so the clock is the caller's.
 */
export class ReviewSessions {
  private startedAt: number | undefined;
  private manual = false;
  private inactiveSince: number | undefined;

  /** The review state changed. Returns the session that this ended, if any. */
  change(state: { readonly active: boolean; readonly manual: boolean }, now: number): EndedSession | undefined {
    let ended: EndedSession | undefined;
    if (this.manual && !state.manual) {
      // Ended by hand: the session ends now, whatever else is open.
      ended = this.end(now, true);
      this.manual = false;
    }
    if (state.active || state.manual) {
      if (this.startedAt === undefined) this.startedAt = now;
      this.manual ||= state.manual;
      this.inactiveSince = undefined;
    } else if (this.startedAt !== undefined) {
      this.inactiveSince ??= now;
    }
    return ended;
  }

  /** When the pending automatic session should be checked for its end, or undefined. */
  get endDueAt(): number | undefined {
    return this.inactiveSince === undefined ? undefined : this.inactiveSince + SESSION_GAP_MS;
  }

  /** Ends an automatic session inactive for the gap; call at endDueAt. */
  expire(now: number): EndedSession | undefined {
    if (this.inactiveSince === undefined || now - this.inactiveSince < SESSION_GAP_MS) return undefined;
    return this.end(this.inactiveSince, false);
  }

  /** Ends whatever session is under way (the window is closing). */
  stop(now: number): EndedSession | undefined {
    if (this.startedAt === undefined) return undefined;
    return this.end(this.inactiveSince ?? now, this.manual);
  }

  private end(at: number, manual: boolean): EndedSession | undefined {
    const startedAt = this.startedAt;
    this.startedAt = undefined;
    this.inactiveSince = undefined;
    if (startedAt === undefined) return undefined;
    const length = Math.max(0, at - startedAt);
    if (!manual && length < MIN_AUTOMATIC_SESSION_MS) return undefined;
    return { endedAt: at, minutes: Math.round(length / 60_000), manual };
  }
}
