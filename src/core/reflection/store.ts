import type { ReviewReflectionReport, WeekFigures } from './figures';
import { WEEK_MS, weeksBetween, weekStart } from './week';

/**
 * How the review figures are kept in the extension's global state (never the workspace, never synced),
 * so that two VS Code windows counting at once never lose each other's counts.
 *
 * VS Code keeps an extension's whole global state as ONE stored value, and each window's extension host
 * caches it: `update` writes that window's whole cached object, and another window's write replaces the
 * cache when it arrives. Two windows writing within the same moment can therefore overwrite each other.
 * So no window ever adds to a shared counter. Each window counts into its OWN record, under its own random
 * key, and holds that record in memory as the truth: it writes the record whole, never reads it back, and
 * writes it again if it finds a stale copy stored (see ReviewFigures). The report is the sum of all records.
 * A record idle for RETIRE_AFTER_MS is never written again (its window counts on under a new id), and only
 * records idle for FOLD_AFTER_MS are folded: so no fold can race with its owner's next count.
 *
 * Stored keys (values: counts, rule ids and ISO week keys only; never comment text, findings' words, file
 * names or URIs):
 * - `reflection.figures.<window id>`: a WindowRecord, one per window that counted something;
 * - `reflection.figures.archive`: records of windows idle for FOLD_AFTER_MS, folded into one, with the ids
 *   folded (so a window that was only idle can tell that its counts moved, and not count them twice);
 * - `reflection.cleared`: a random token, new at each "Clear My Review Figures", so every window drops what
 *   it counted before the clear;
 * - `reflection.offer.lastWeek`: the ISO week of the last offer to reflect (src/reflection/reflection-offer.ts),
 *   so the offer comes at most once a week, across windows and restarts.
 * Nothing else is written to the global state (an integration test lists its keys after a realistic run).
 */
export const FIGURES_PREFIX = 'reflection.figures.';
export const ARCHIVE_KEY = `${FIGURES_PREFIX}archive`;
export const CLEARED_KEY = 'reflection.cleared';
export const OFFER_WEEK_KEY = 'reflection.offer.lastWeek';
/** Weeks older than this are deleted. */
export const KEEP_WEEKS = 26;
/** A window's record untouched this long is folded into the archive by the next window that starts. */
export const FOLD_AFTER_MS = WEEK_MS;
/**
 * A window that counts after its record was untouched this long leaves that record as it is, to be folded,
 * and counts on under a new id. So a window never writes to a record that another window may be folding:
 * a fold takes only a record its owner stopped writing at least FOLD_AFTER_MS - RETIRE_AFTER_MS before.
 */
export const RETIRE_AFTER_MS = FOLD_AFTER_MS / 2;

export type WeekCounts = Omit<WeekFigures, 'week'>;
/** What one event adds to a week. */
export type CountDelta = Partial<WeekCounts>;

export interface WindowRecord {
  /** When the record was last written (ms since 1970); also its revision: it only grows. */
  readonly updated: number;
  readonly weeks: Readonly<Record<string, WeekCounts>>;
}

export interface ArchiveRecord extends WindowRecord {
  /** Window ids folded in, and when: kept KEEP_WEEKS, as long as their counts may be in the archive. */
  readonly absorbed: Readonly<Record<string, number>>;
}

const NUMBER_FIELDS = ['commentsFinished', 'commentsFlagged', 'commentsLeftFlagged', 'commentsRewritten', 'resolvedByRewrite', 'resolvedByLabel', 'leftInPlace', 'sessions', 'sessionMinutes'] as const;
const RULE_ID = /^[a-z][a-z-]{0,40}$/;

export function windowKey(windowId: string): string {
  return `${FIGURES_PREFIX}${windowId}`;
}

export function emptyCounts(): WeekCounts {
  return { commentsFinished: 0, commentsFlagged: 0, commentsLeftFlagged: 0, commentsRewritten: 0, flagsByRule: {}, resolvedByRewrite: 0, resolvedByLabel: 0, leftInPlace: 0, sessions: 0, sessionMinutes: 0 };
}

export function addCounts(into: WeekCounts, delta: CountDelta, sign: 1 | -1 = 1): WeekCounts {
  const sum = { ...into } as { -readonly [K in keyof WeekCounts]: WeekCounts[K] };
  for (const field of NUMBER_FIELDS) sum[field] = Math.max(0, into[field] + (sign * (delta[field] ?? 0)));
  const flags: Record<string, number> = { ...into.flagsByRule };
  for (const [rule, count] of Object.entries(delta.flagsByRule ?? {})) {
    const total = Math.max(0, (flags[rule] ?? 0) + (sign * count));
    if (total > 0) flags[rule] = total;
    else delete flags[rule];
  }
  sum.flagsByRule = flags;
  return sum;
}

function isEmpty(counts: WeekCounts): boolean {
  return NUMBER_FIELDS.every((field) => counts[field] === 0) && Object.keys(counts.flagsByRule).length === 0;
}

/** The record with `delta` added to `week`, written at `now` (never earlier than its last write). */
export function addToRecord(record: WindowRecord | undefined, week: string, delta: CountDelta, now: number): WindowRecord {
  const weeks = { ...record?.weeks };
  weeks[week] = addCounts(weeks[week] ?? emptyCounts(), delta);
  return { updated: stamp(record, now), weeks };
}

/** What `record` counted beyond `base`: the counts a window had not yet written when `base` was taken. */
export function subtractRecord(record: WindowRecord, base: WindowRecord | undefined, now: number): WindowRecord {
  const weeks: Record<string, WeekCounts> = {};
  for (const [week, counts] of Object.entries(record.weeks)) {
    const left = base?.weeks[week] ? addCounts(counts, base.weeks[week], -1) : counts;
    if (!isEmpty(left)) weeks[week] = left;
  }
  return { updated: stamp(record, now), weeks };
}

/** The record without weeks more than KEEP_WEEKS before `currentWeek`, nor any key that is not a week. */
export function pruneRecord<R extends WindowRecord>(record: R, currentWeek: string): R {
  const weeks: Record<string, WeekCounts> = {};
  for (const [week, counts] of Object.entries(record.weeks)) {
    const age = weeksBetween(week, currentWeek);
    if (age !== undefined && age < KEEP_WEEKS && !isEmpty(counts)) weeks[week] = counts;
  }
  return { ...record, weeks };
}

/** True when a record holds no week. */
export function isEmptyRecord(record: WindowRecord): boolean {
  return Object.keys(record.weeks).length === 0;
}

/**
 * A record read from storage, or undefined when the value is not one. Storage is input like any other: a
 * value of another shape (an older version, a hand edit) is read as far as it is counts, never trusted.
 * A field missing from a week (records written before commentsLeftFlagged and commentsRewritten) reads as 0.
 */
export function readRecord(value: unknown): WindowRecord | undefined {
  if (!isObject(value) || !isObject(value.weeks)) return undefined;
  const weeks: Record<string, WeekCounts> = {};
  for (const [week, raw] of Object.entries(value.weeks)) {
    if (!weekStart(week) || !isObject(raw)) continue;
    const counts = emptyCounts() as { -readonly [K in keyof WeekCounts]: WeekCounts[K] };
    for (const field of NUMBER_FIELDS) counts[field] = count(raw[field]);
    const flags: Record<string, number> = {};
    if (isObject(raw.flagsByRule)) {
      for (const [rule, times] of Object.entries(raw.flagsByRule)) if (RULE_ID.test(rule) && count(times) > 0) flags[rule] = count(times);
    }
    counts.flagsByRule = flags;
    if (!isEmpty(counts)) weeks[week] = counts;
  }
  return { updated: typeof value.updated === 'number' && Number.isFinite(value.updated) ? value.updated : 0, weeks };
}

export function readArchive(value: unknown): ArchiveRecord | undefined {
  const record = readRecord(value);
  if (!record || !isObject(value)) return undefined;
  const absorbed: Record<string, number> = {};
  if (isObject(value.absorbed)) for (const [id, at] of Object.entries(value.absorbed)) if (typeof at === 'number') absorbed[id] = at;
  return { ...record, absorbed };
}

/** The report: every record summed per week, oldest week first; weeks with nothing counted are left out. */
export function sumRecords(records: Iterable<WindowRecord>): ReviewReflectionReport {
  const weeks = new Map<string, WeekCounts>();
  for (const record of records) {
    for (const [week, counts] of Object.entries(record.weeks)) weeks.set(week, addCounts(weeks.get(week) ?? emptyCounts(), counts));
  }
  return {
    weeks: [...weeks.entries()]
      .filter(([, counts]) => !isEmpty(counts))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([week, counts]) => ({ week, ...counts })),
  };
}

/**
 * Folds the records of windows idle for FOLD_AFTER_MS (other than `ownId`) into the archive, so the records
 * do not pile up one per window ever opened. Returns the new archive and the keys to delete, or undefined
 * when nothing is to fold or prune. `stored` maps each stored key under FIGURES_PREFIX to its value.
 */
export function foldIdleRecords(stored: ReadonlyMap<string, unknown>, ownId: string, now: number, currentWeek: string): { archive: ArchiveRecord; remove: string[] } | undefined {
  const archiveBefore = readArchive(stored.get(ARCHIVE_KEY));
  let archive: ArchiveRecord = archiveBefore ?? { updated: 0, weeks: {}, absorbed: {} };
  const remove: string[] = [];
  for (const [key, value] of stored) {
    if (key === ARCHIVE_KEY || key === windowKey(ownId) || !key.startsWith(FIGURES_PREFIX)) continue;
    const record = readRecord(value);
    if (record && now - record.updated < FOLD_AFTER_MS) continue;
    let weeks = { ...archive.weeks };
    for (const [week, counts] of Object.entries(record?.weeks ?? {})) weeks = { ...weeks, [week]: addCounts(weeks[week] ?? emptyCounts(), counts) };
    archive = { ...archive, weeks, absorbed: { ...archive.absorbed, [key.slice(FIGURES_PREFIX.length)]: now } };
    remove.push(key);
  }
  const absorbed = Object.fromEntries(Object.entries(archive.absorbed).filter(([, at]) => now - at < KEEP_WEEKS * WEEK_MS));
  const pruned = pruneRecord({ ...archive, absorbed }, currentWeek);
  const changed = remove.length > 0 || JSON.stringify(pruned) !== JSON.stringify(archiveBefore ?? pruned);
  return changed ? { archive: { ...pruned, updated: stamp(archive, now) }, remove } : undefined;
}

function stamp(record: WindowRecord | undefined, now: number): number {
  return Math.max(now, (record?.updated ?? 0) + 1);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
