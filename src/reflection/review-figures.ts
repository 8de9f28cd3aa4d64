import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { setting, Settings } from '../common/settings';
import type { ReviewReflectionReport } from '../core/reflection/figures';
import type { EndedSession } from '../core/reflection/sessions';
import {
  addToRecord,
  ARCHIVE_KEY,
  CLEARED_KEY,
  CountDelta,
  FIGURES_PREFIX,
  foldIdleRecords,
  isEmptyRecord,
  pruneRecord,
  readArchive,
  readRecord,
  subtractRecord,
  sumRecords,
  windowKey,
  WindowRecord,
} from '../core/reflection/store';
import { isoWeek } from '../core/reflection/week';

/** How long after its write a window checks that its record is still stored as written. */
export const VERIFY_AFTER_MS = 2000;

/**
 * The reviewer's own review figures, per ISO week, in the extension's global state: the service the
 * Your Reviews view, the reflection note and `leadFromBehind.reviewReflectionReport` read, and the comment
 * and session trackers count into. See src/core/reflection/store.ts for what is stored and why it is
 * safe with several windows: this window writes only its own record, from memory, whole.
 *
 * The keys are not registered with `setKeysForSync`, so Settings Sync never carries them off the machine.
 */
export class ReviewFigures extends Disposable {
  private windowId = newWindowId();
  /** This window's counts: the truth, whatever the stored copy says. */
  private record: WindowRecord | undefined;
  /** The record as this window last wrote it. */
  private written: WindowRecord | undefined;
  /** The clear token this window's counts belong to. */
  private clearToken: unknown;
  private verifyTimer: ReturnType<typeof setTimeout> | undefined;
  private clearVerifyTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when this window counted something, or the figures were cleared. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly sessionEmitter = this._register(new vscode.EventEmitter<EndedSession>());
  /** Fires when a review session ended and was counted: where the UI may offer a reflection. */
  readonly onDidEndSession = this.sessionEmitter.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.clearToken = state.get(CLEARED_KEY);
    this.foldIdleRecords();
  }

  /** Whether counting is on (`leadFromBehind.reflection.enabled`). */
  get isCounting(): boolean {
    return setting(Settings.reflectionEnabled);
  }

  /** Every window's figures, summed per week, oldest week first; weeks older than 26 weeks are gone. */
  report(): ReviewReflectionReport {
    this.reconcile();
    const currentWeek = isoWeek(new Date(this.now()));
    const records: WindowRecord[] = [];
    for (const key of this.state.keys()) {
      if (!key.startsWith(FIGURES_PREFIX) || key === windowKey(this.windowId)) continue;
      const record = readRecord(this.state.get(key));
      if (record) records.push(pruneRecord(record, currentWeek));
    }
    if (this.record) records.push(pruneRecord(this.record, currentWeek));
    return sumRecords(records);
  }

  /** Adds to this week's figures, unless counting is off. */
  count(delta: CountDelta): void {
    if (!this.isCounting) return;
    this.reconcile();
    const now = this.now();
    const currentWeek = isoWeek(new Date(now));
    this.record = pruneRecord(addToRecord(this.record, currentWeek, delta, now), currentWeek);
    this.write();
    this.changeEmitter.fire();
  }

  /** Counts a review session that ended, and tells the listeners of onDidEndSession. */
  countSession(session: EndedSession): void {
    if (!this.isCounting) return;
    this.count({ sessions: 1, sessionMinutes: session.minutes });
    this.sessionEmitter.fire(session);
  }

  /** Deletes every figure of every window, and tells the other windows to drop what they hold. */
  async clear(): Promise<void> {
    const before = this.state.get(CLEARED_KEY);
    const token = newWindowId();
    this.record = undefined;
    this.written = undefined;
    this.clearToken = token;
    const updates = this.state.keys().filter((key) => key.startsWith(FIGURES_PREFIX)).map((key) => this.state.update(key, undefined));
    await Promise.all([...updates, this.state.update(CLEARED_KEY, token)]);
    this.changeEmitter.fire();
    // A window that wrote from a stale copy in the same moment puts the old token back, with the old figures.
    clearTimeout(this.clearVerifyTimer);
    this.clearVerifyTimer = setTimeout(() => {
      if (this.state.get(CLEARED_KEY) === before) void this.clear();
    }, VERIFY_AFTER_MS);
  }

  /** Catches up with other windows: a clear drops this window's counts; a fold of its record keeps only what was not yet written. */
  private reconcile(): void {
    const token = this.state.get(CLEARED_KEY);
    if (token !== this.clearToken) {
      this.clearToken = token;
      this.record = undefined;
      this.written = undefined;
    }
    if (this.record && readArchive(this.state.get(ARCHIVE_KEY))?.absorbed[this.windowId] !== undefined) {
      // Another window folded this window's record while it was idle: the archive holds what was written.
      const unwritten = subtractRecord(this.record, this.written, this.now());
      this.windowId = newWindowId();
      this.record = isEmptyRecord(unwritten) ? undefined : unwritten;
      this.written = undefined;
      if (this.record) this.write();
    }
  }

  private write(): void {
    const record = this.record;
    if (!record) return;
    this.written = record;
    void this.state.update(windowKey(this.windowId), record);
    // Another window writing from a stale copy at the same moment may put back an older copy of this record.
    clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => {
      this.reconcile();
      if (this.record && readRecord(this.state.get(windowKey(this.windowId)))?.updated !== this.record.updated) this.write();
    }, VERIFY_AFTER_MS);
  }

  /** Folds records of windows idle for a week into the archive, and drops weeks too old to keep. */
  private foldIdleRecords(): void {
    const stored = new Map(this.state.keys().filter((key) => key.startsWith(FIGURES_PREFIX)).map((key) => [key, this.state.get(key)]));
    const now = this.now();
    const folded = foldIdleRecords(stored, this.windowId, now, isoWeek(new Date(now)));
    if (!folded) return;
    // All in one turn: VS Code writes the global state as one value, so the fold lands whole or not at all.
    for (const key of folded.remove) void this.state.update(key, undefined);
    void this.state.update(ARCHIVE_KEY, isEmptyRecord(folded.archive) && Object.keys(folded.archive.absorbed).length === 0 ? undefined : folded.archive);
  }

  override dispose(): void {
    clearTimeout(this.verifyTimer);
    clearTimeout(this.clearVerifyTimer);
    super.dispose();
  }
}

/** A random id: 16 hex digits from a cryptographic source. */
function newWindowId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
