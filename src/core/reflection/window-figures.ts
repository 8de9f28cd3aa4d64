import type { ReviewReflectionReport } from './figures';
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
  RETIRE_AFTER_MS,
  subtractRecord,
  sumRecords,
  windowKey,
  WindowRecord,
} from './store';
import { isoWeek } from './week';

/** How many times in a row a window checks its record while each check had to write it back (see `verify`). */
export const MAX_VERIFY_ROUNDS = 5;

/** What reading the figures needs of VS Code's `ExtensionContext.globalState` (a `Memento`). */
export interface FigureReader {
  keys(): readonly string[];
  get(key: string): unknown;
}

/** What counting needs of it. */
export interface FigureStorage extends FigureReader {
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * The report read from the global state alone, as a window starting now would give it before it counts:
 * every stored record summed, weeks too old left out. Reads only: no fold, no write.
 */
export function reportFromState(state: FigureReader, now: number): ReviewReflectionReport {
  return sumRecords(storedRecords(state, isoWeek(new Date(now))));
}

/** Every record stored (the archive too), pruned to the weeks kept, but for the key `skip`. */
function storedRecords(state: FigureReader, currentWeek: string, skip?: string): WindowRecord[] {
  const records: WindowRecord[] = [];
  for (const key of state.keys()) {
    if (!key.startsWith(FIGURES_PREFIX) || key === skip) continue;
    const record = readRecord(state.get(key));
    if (record) records.push(pruneRecord(record, currentWeek));
  }
  return records;
}

/**
 * One window's side of the review figures (see store.ts for the design). This window's record is held in
 * memory as the truth and written whole; other windows' records are only read; a clear token and the
 * archive's list of folded windows tell this window when to drop or move what it holds. `verify` (called
 * a moment after each write, and again while it had to write) writes the record again when a stale copy
 * from another window replaced it. A window that counts after RETIRE_AFTER_MS without counting starts a new
 * record under a new id, and never writes the old one again: so a window folding it can never take it from
 * a copy that lacks a count the owner added (which the owner, told its record was folded, would then drop).
 */
export class WindowFigures {
  private record: WindowRecord | undefined;
  /** The record as this window last wrote it. */
  private written: WindowRecord | undefined;
  /** The clear token this window's counts belong to. */
  private clearToken: unknown;

  constructor(
    private readonly storage: FigureStorage,
    private readonly now: () => number,
    private readonly newId: () => string,
    private windowId = newId(),
  ) {
    this.clearToken = storage.get(CLEARED_KEY);
  }

  get id(): string {
    return this.windowId;
  }

  report(): ReviewReflectionReport {
    this.reconcile();
    const currentWeek = isoWeek(new Date(this.now()));
    // This window's record from memory, the truth; the stored copy may be stale.
    const records = storedRecords(this.storage, currentWeek, windowKey(this.windowId));
    if (this.record) records.push(pruneRecord(this.record, currentWeek));
    return sumRecords(records);
  }

  /** Adds to the current week and writes this window's record. */
  count(delta: CountDelta): void {
    this.reconcile();
    const now = this.now();
    if (this.record && now - this.record.updated >= RETIRE_AFTER_MS) {
      // The stored record may be folded by a window starting now, from a copy without this count: leave it whole.
      this.windowId = this.newId();
      this.record = undefined;
      this.written = undefined;
    }
    const currentWeek = isoWeek(new Date(now));
    this.record = pruneRecord(addToRecord(this.record, currentWeek, delta, now), currentWeek);
    this.write();
  }

  /**
   * Deletes every window's record and sets a new clear token, so each window drops what it counted before.
   * Returns the token that stood before: pass it to `clearHolds` a moment later.
   */
  async clear(): Promise<unknown> {
    const before = this.storage.get(CLEARED_KEY);
    const token = this.newId();
    this.record = undefined;
    this.written = undefined;
    this.clearToken = token;
    const updates = this.figureKeys().map((key) => this.storage.update(key, undefined));
    await Promise.all([...updates, this.storage.update(CLEARED_KEY, token)]);
    return before;
  }

  /** False when a window writing from a stale copy put back the figures from before the clear. */
  clearHolds(before: unknown): boolean {
    return this.storage.get(CLEARED_KEY) !== before;
  }

  /** Writes this window's record again if what is stored is not what it last wrote. Returns true if it wrote. */
  verify(): boolean {
    this.reconcile();
    if (!this.record || readRecord(this.storage.get(windowKey(this.windowId)))?.updated === this.record.updated) return false;
    this.write();
    return true;
  }

  /** Folds records of windows idle for a week into the archive, and drops weeks too old to keep. */
  foldIdleRecords(): void {
    const stored = new Map(this.figureKeys().map((key) => [key, this.storage.get(key)]));
    const now = this.now();
    const folded = foldIdleRecords(stored, this.windowId, now, isoWeek(new Date(now)));
    if (!folded) return;
    // All in one turn: VS Code writes the global state as one value, so the fold lands whole or not at all.
    for (const key of folded.remove) void this.storage.update(key, undefined);
    const empty = isEmptyRecord(folded.archive) && Object.keys(folded.archive.absorbed).length === 0;
    void this.storage.update(ARCHIVE_KEY, empty ? undefined : folded.archive);
  }

  /** Catches up with other windows: a clear drops this window's counts; a fold of its record keeps only what was not yet written. */
  private reconcile(): void {
    const token = this.storage.get(CLEARED_KEY);
    if (token !== this.clearToken) {
      this.clearToken = token;
      this.record = undefined;
      this.written = undefined;
    }
    if (this.record && readArchive(this.storage.get(ARCHIVE_KEY))?.absorbed[this.windowId] !== undefined) {
      // Another window folded this window's record while it was idle: the archive holds what was written.
      const unwritten = subtractRecord(this.record, this.written, this.now());
      this.windowId = this.newId();
      this.record = isEmptyRecord(unwritten) ? undefined : unwritten;
      this.written = undefined;
      if (this.record) this.write();
    }
  }

  private write(): void {
    if (!this.record) return;
    this.written = this.record;
    void this.storage.update(windowKey(this.windowId), this.record);
  }

  private figureKeys(): string[] {
    return this.storage.keys().filter((key) => key.startsWith(FIGURES_PREFIX));
  }
}
