import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { setting, Settings } from '../common/settings';
import type { ReviewReflectionReport } from '../core/reflection/figures';
import type { EndedSession } from '../core/reflection/sessions';
import type { CountDelta } from '../core/reflection/store';
import { MAX_VERIFY_ROUNDS, WindowFigures } from '../core/reflection/window-figures';
import { randomHex } from '../common/random-hex';

/** How long after a write a window checks that its record is still stored as written. */
export const VERIFY_AFTER_MS = 2000;

/**
 * The reviewer's own review figures, per ISO week, in the extension's global state: the service the
 * Your Reviews view, the reflection note and `leadFromBehind.reviewReflectionReport` read, and the comment
 * and session trackers count into. src/core/reflection/store.ts says what is stored and why two windows
 * never lose each other's counts: this window writes only its own record, from memory, whole, and writes
 * it again when a stale copy from another window replaced it.
 *
 * The keys are never passed to `globalState.setKeysForSync`, so Settings Sync never carries them off the
 * machine. Nothing is sent anywhere.
 */
export class ReviewFigures extends Disposable {
  private readonly figures: WindowFigures;
  private verifyTimer: ReturnType<typeof setTimeout> | undefined;
  private clearTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when this window counted something, or the figures were cleared. Other windows' counts show on the next report(). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly sessionEmitter = this._register(new vscode.EventEmitter<EndedSession>());
  /**
   * Fires when a review session ended, counted or not: where the UI may offer a reflection. Reflecting needs
   * no figures, so the offer follows its own setting (`leadFromBehind.reflection.offer`), not counting.
   */
  readonly onDidEndSession = this.sessionEmitter.event;

  constructor(state: vscode.Memento, now: () => number = Date.now) {
    super();
    this.figures = new WindowFigures(state, now, newId);
    this.figures.foldIdleRecords();
  }

  /** Whether counting is on (`leadFromBehind.reflection.enabled`). */
  get isCounting(): boolean {
    return setting(Settings.reflectionEnabled);
  }

  /** Every window's figures, summed per week, oldest week first; weeks with nothing counted are left out. */
  report(): ReviewReflectionReport {
    return this.figures.report();
  }

  /** Adds to this week's figures, unless counting is off. */
  count(delta: CountDelta): void {
    if (!this.isCounting) return;
    this.figures.count(delta);
    this.verifySoon(1);
    this.changeEmitter.fire();
  }

  /** Checks the record a moment after a write, and again while a check had to write it back: another window's write-back may have overwritten it. */
  private verifySoon(round: number): void {
    clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => {
      if (this.figures.verify() && round < MAX_VERIFY_ROUNDS) this.verifySoon(round + 1);
    }, VERIFY_AFTER_MS);
  }

  /** A review session ended: counts it (unless counting is off), and tells the listeners of onDidEndSession. */
  endSession(session: EndedSession): void {
    this.count({ sessions: 1, sessionMinutes: session.minutes });
    this.sessionEmitter.fire(session);
  }

  /** Deletes every figure of every window; the other windows drop what they hold. */
  async clear(): Promise<void> {
    const before = await this.figures.clear();
    this.changeEmitter.fire();
    clearTimeout(this.clearTimer);
    this.clearTimer = setTimeout(() => {
      if (!this.figures.clearHolds(before)) void this.figures.clear();
    }, VERIFY_AFTER_MS);
  }

  override dispose(): void {
    clearTimeout(this.verifyTimer);
    clearTimeout(this.clearTimer);
    super.dispose();
  }
}

/** A random id: 16 hex digits. */
function newId(): string {
  return randomHex(8);
}
