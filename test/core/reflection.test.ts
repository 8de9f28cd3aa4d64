import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommentLedger, findingKeys } from '../../src/core/reflection/comment-ledger';
import { MIN_AUTOMATIC_SESSION_MS, ReviewSessions, SESSION_GAP_MS } from '../../src/core/reflection/sessions';
import {
  addToRecord,
  ARCHIVE_KEY,
  CLEARED_KEY,
  CountDelta,
  emptyCounts,
  FIGURES_PREFIX,
  FOLD_AFTER_MS,
  foldIdleRecords,
  KEEP_WEEKS,
  OFFER_WEEK_KEY,
  pruneRecord,
  readRecord,
  sumRecords,
  windowKey,
} from '../../src/core/reflection/store';
import { DAY_MS, isoWeek, weeksBetween, weekStart } from '../../src/core/reflection/week';
import { FigureStorage, MAX_VERIFY_ROUNDS, reportFromState, WindowFigures } from '../../src/core/reflection/window-figures';
import { analyzeFeedback, TONE_RULES } from '../../src/core/tone';

/** Noon, local time, on a calendar day. */
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 12);

describe('review reflection: ISO weeks', () => {
  it('names the week of a date, across year boundaries', () => {
    const cases: [Date, string][] = [
      [day(2020, 12, 31), '2020-W53'],
      [day(2021, 1, 1), '2020-W53'],
      [day(2021, 1, 3), '2020-W53'],
      [day(2021, 1, 4), '2021-W01'],
      [day(2024, 12, 29), '2024-W52'],
      [day(2024, 12, 30), '2025-W01'],
      [day(2026, 1, 1), '2026-W01'],
      [day(2026, 11, 26), '2026-W48'],
      [day(2026, 12, 31), '2026-W53'],
      [day(2027, 1, 3), '2026-W53'],
      [day(2008, 12, 29), '2009-W01'],
      [day(2010, 1, 3), '2009-W53'],
    ];
    for (const [date, week] of cases) assert.equal(isoWeek(date), week, date.toDateString());
  });

  it('counts by the local calendar: a Sunday just before midnight is still that week', () => {
    assert.equal(isoWeek(new Date(2026, 0, 4, 23, 59)), '2026-W01');
    assert.equal(isoWeek(new Date(2026, 0, 5, 0, 1)), '2026-W02');
  });

  it('finds the Monday of a week, and refuses what is not a week', () => {
    assert.equal(weekStart('2020-W53')?.toISOString(), '2020-12-28T00:00:00.000Z');
    assert.equal(weekStart('2025-W01')?.toISOString(), '2024-12-30T00:00:00.000Z');
    for (const key of ['2021-W53', '2020-W00', '2020-W54', '2020-53', 'W48', '', '2026-W4']) assert.equal(weekStart(key), undefined, key);
    assert.equal(weeksBetween('2020-W52', '2021-W01'), 2);
    assert.equal(weeksBetween('2025-W01', '2024-W52'), -1);
  });

  it('puts every day in the week that starts on its Monday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const date = new Date(ms);
        const monday = weekStart(isoWeek(date));
        assert.ok(monday, isoWeek(date));
        const local = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
        assert.equal(monday.getUTCDay(), 1);
        assert.ok(local >= monday.getTime() && local < monday.getTime() + (7 * DAY_MS), `${date.toISOString()} in ${isoWeek(date)}`);
      }),
    );
  });
});

describe('review reflection: records and their sum', () => {
  const comment: CountDelta = { commentsFinished: 1, commentsFlagged: 1, commentsLeftFlagged: 1, commentsRewritten: 1, flagsByRule: { imperative: 2 }, resolvedByRewrite: 1, leftInPlace: 1 };

  it('adds counts to a week, and sums windows per week, oldest week first', () => {
    const a = addToRecord(addToRecord(undefined, '2026-W48', comment, 1), '2026-W47', { sessions: 1, sessionMinutes: 25 }, 2);
    const b = addToRecord(undefined, '2026-W48', { ...comment, flagsByRule: { verdict: 1 }, leftInPlace: 0, commentsLeftFlagged: 0 }, 3);
    const { weeks } = sumRecords([a, b]);
    assert.deepEqual(weeks.map((week) => week.week), ['2026-W47', '2026-W48']);
    assert.deepEqual(weeks[1], {
      week: '2026-W48',
      commentsFinished: 2,
      commentsFlagged: 2,
      commentsLeftFlagged: 1,
      commentsRewritten: 2,
      flagsByRule: { imperative: 2, verdict: 1 },
      resolvedByRewrite: 2,
      resolvedByLabel: 0,
      leftInPlace: 1,
      sessions: 0,
      sessionMinutes: 0,
    });
    assert.equal(weeks[0].sessionMinutes, 25);
  });

  it('stamps each write later than the last, even when the clock goes back', () => {
    const first = addToRecord(undefined, '2026-W48', comment, 1000);
    assert.equal(addToRecord(first, '2026-W48', comment, 500).updated, 1001);
  });

  it(`keeps ${KEEP_WEEKS} weeks and drops older ones`, () => {
    let record = addToRecord(undefined, '2026-W01', comment, 1);
    record = addToRecord(record, '2025-W28', comment, 2);
    record = addToRecord(record, '2025-W27', comment, 3);
    assert.equal(weeksBetween('2025-W28', '2026-W01'), KEEP_WEEKS - 1);
    assert.deepEqual(Object.keys(pruneRecord(record, '2026-W01').weeks).sort(), ['2025-W28', '2026-W01']);
  });

  it('keeps a week that holds only comment counts: they are counts like the others', () => {
    const record = addToRecord(addToRecord(undefined, '2026-W47', { commentsLeftFlagged: 1 }, 1), '2026-W48', { commentsRewritten: 2 }, 2);
    const pruned = pruneRecord(record, '2026-W48');
    assert.deepEqual(Object.keys(pruned.weeks).sort(), ['2026-W47', '2026-W48']);
    assert.equal(pruned.weeks['2026-W47'].commentsLeftFlagged, 1);
    assert.equal(pruned.weeks['2026-W48'].commentsRewritten, 2);
    assert.deepEqual(sumRecords([readRecord(JSON.parse(JSON.stringify(pruned)))!]).weeks.map((week) => [week.commentsLeftFlagged, week.commentsRewritten]), [[1, 0], [0, 2]]);
  });

  it('reads only counts from storage: other shapes, negative or fractional numbers, odd keys are dropped', () => {
    for (const junk of [undefined, null, 3, 'x', [], { weeks: [] }, { weeks: 'x' }]) assert.equal(readRecord(junk), undefined);
    const record = readRecord({
      updated: 'soon',
      weeks: {
        '2026-W48': { commentsFinished: 2, commentsFlagged: -1, leftInPlace: 1.5, sessions: '3', flagsByRule: { imperative: 1, 'Rename data': 2, verdict: 0 } },
        '2026-W99': { commentsFinished: 1 },
        'not a week': { commentsFinished: 1 },
        '2026-W47': { commentsFinished: 0 },
      },
    });
    assert.deepEqual(record, {
      updated: 0,
      weeks: {
        '2026-W48': { commentsFinished: 2, commentsFlagged: 0, commentsLeftFlagged: 0, commentsRewritten: 0, flagsByRule: { imperative: 1 }, resolvedByRewrite: 0, resolvedByLabel: 0, leftInPlace: 0, sessions: 0, sessionMinutes: 0 },
      },
    });
  });

  it('reads a record stored before comments were counted as left flagged or rewritten: those count 0, the rest as stored', () => {
    // The shape an earlier version wrote: no commentsLeftFlagged, no commentsRewritten.
    const old = { updated: 5, weeks: { '2026-W48': { commentsFinished: 3, commentsFlagged: 2, flagsByRule: { imperative: 2 }, resolvedByRewrite: 1, resolvedByLabel: 0, leftInPlace: 1, sessions: 1, sessionMinutes: 30 } } };
    const record = readRecord(old);
    assert.deepEqual(record?.weeks['2026-W48'], { ...old.weeks['2026-W48'], commentsLeftFlagged: 0, commentsRewritten: 0 });
    // Counting on into it adds the new counts to the old week.
    const next = addToRecord(record, '2026-W48', { commentsFinished: 1, commentsLeftFlagged: 1, commentsRewritten: 1 }, 6);
    assert.deepEqual([next.weeks['2026-W48'].commentsFinished, next.weeks['2026-W48'].commentsLeftFlagged, next.weeks['2026-W48'].commentsRewritten], [4, 1, 1]);
    // Stored values of the new fields are read like the others: whole positive numbers only.
    const stored = readRecord({ weeks: { '2026-W48': { commentsFinished: 2, commentsLeftFlagged: 2, commentsRewritten: -1 }, '2026-W47': { commentsRewritten: 1.5 } } });
    assert.deepEqual(stored?.weeks['2026-W48'], { ...emptyCounts(), commentsFinished: 2, commentsLeftFlagged: 2 });
    assert.equal(stored?.weeks['2026-W47'], undefined);
  });

  it('is stored as the README shows it: every field of a week, and nothing else', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const block = /\*\*What is stored, and where\.\*\*[^]*?```json\n([^]*?)\n\s*```/.exec(readme);
    assert.ok(block, 'the README shows a stored record');
    const example = JSON.parse(block[1].replace(/^ {2}/gm, '')) as { weeks: Record<string, object> };
    assert.deepEqual(readRecord(example), example, 'the example reads back whole: every value is a count');
    for (const counts of Object.values(example.weeks)) assert.deepEqual(Object.keys(counts).sort(), Object.keys(emptyCounts()).sort());
  });

  it('lists every key written to the global state in store.ts\'s comment', () => {
    const source = readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'core', 'reflection', 'store.ts'), 'utf8');
    const comment = /\* Stored keys[^]*?\*\//.exec(source)?.[0] ?? '';
    const listed = [...comment.matchAll(/^ \* - `(reflection\.[^`]+)`/gm)].map((match) => match[1]);
    assert.deepEqual(listed, [`${FIGURES_PREFIX}<window id>`, ARCHIVE_KEY, CLEARED_KEY, OFFER_WEEK_KEY]);
  });

  it('folds the records of idle windows into the archive, and keeps its own and fresh ones', () => {
    const now = Date.UTC(2026, 10, 26);
    const old = addToRecord(undefined, '2026-W46', comment, now - FOLD_AFTER_MS - 1);
    const fresh = addToRecord(undefined, '2026-W48', comment, now - 1000);
    const stored = new Map<string, unknown>([
      [windowKey('idle'), old],
      [windowKey('fresh'), fresh],
      [windowKey('own'), old],
      [windowKey('broken'), 'not a record'],
    ]);
    const folded = foldIdleRecords(stored, 'own', now, '2026-W48');
    assert.ok(folded);
    assert.deepEqual(folded.remove.sort(), [windowKey('broken'), windowKey('idle')]);
    assert.deepEqual(Object.keys(folded.archive.absorbed).sort(), ['broken', 'idle']);
    assert.deepEqual(folded.archive.weeks, old.weeks);
    assert.deepEqual([folded.archive.weeks['2026-W46'].commentsLeftFlagged, folded.archive.weeks['2026-W46'].commentsRewritten], [1, 1]);
    // The sum is the same before and after.
    const after = [folded.archive, fresh, old];
    assert.deepEqual(sumRecords(after), sumRecords([old, fresh, old]));
    // Nothing idle: nothing to write.
    assert.equal(foldIdleRecords(new Map([[windowKey('fresh'), fresh]]), 'own', now, '2026-W48'), undefined);
  });
});

describe('review reflection: the life of a comment', () => {
  const pass = (version: number, text: string) => {
    const findings = analyzeFeedback(text).findings.map((finding) => ({ ruleId: finding.ruleId, phrase: text.slice(finding.start, finding.end) }));
    return { version, hasText: /\S/.test(text), findings };
  };

  it('counts a comment submitted (emptied) after it was typed, with its flag resolved by a rewrite', () => {
    const ledger = new CommentLedger(1);
    assert.equal(ledger.observe(pass(2, 'Rename `data` to `invoices`.')), undefined);
    assert.equal(ledger.keysOfLatestPass.length, 1);
    ledger.recordFix([...ledger.keysOfLatestPass], 'rewrite');
    assert.equal(ledger.observe(pass(3, 'What do you think about renaming `data` to `invoices`?')), undefined);
    assert.deepEqual(ledger.observe(pass(4, '')), {
      commentsFinished: 1,
      commentsFlagged: 1,
      commentsLeftFlagged: 0,
      commentsRewritten: 1,
      flagsByRule: { imperative: 1 },
      resolvedByRewrite: 1,
      resolvedByLabel: 0,
      leftInPlace: 0,
    });
    // The box is empty now: closing it finishes nothing more.
    assert.equal(ledger.close(), undefined);
  });

  it('counts a comment closed with a flag still in it as left in place', () => {
    const ledger = new CommentLedger(1);
    ledger.observe(pass(2, 'You must add a test.'));
    const finished = ledger.close();
    assert.equal(finished?.commentsFinished, 1);
    assert.equal(finished?.commentsFlagged, 1);
    assert.equal(finished?.leftInPlace, Object.values(finished?.flagsByRule ?? {}).reduce((a, b) => a + b, 0));
    assert.equal(finished?.commentsLeftFlagged, 1);
    assert.equal(finished?.commentsRewritten, 0);
  });

  it('counts a comment once as left flagged, and once as rewritten, however many of its flags were', () => {
    const text = 'You must add a test. Rename `data` to `invoices`. Never use globals.';
    const ledger = new CommentLedger(1);
    ledger.observe(pass(2, text));
    const keys = ledger.keysOfLatestPass;
    assert.ok(keys.length >= 3, `three flags: ${keys.length}`);
    // Two of them rewritten, the others left in: the comment counts once in each.
    ledger.recordFix([keys[0]], 'rewrite');
    ledger.recordFix([keys[1]], 'rewrite');
    const finished = ledger.close();
    assert.deepEqual([finished?.resolvedByRewrite, finished?.leftInPlace], [2, keys.length - 2]);
    assert.deepEqual([finished?.commentsFinished, finished?.commentsFlagged, finished?.commentsLeftFlagged, finished?.commentsRewritten], [1, 1, 1, 1]);
  });

  it('counts a label fix, and an undone fix as left in place', () => {
    const labelled = new CommentLedger(1);
    labelled.observe(pass(2, 'Rename `data` to `invoices`.'));
    labelled.recordFix([...labelled.keysOfLatestPass], 'label');
    labelled.observe(pass(3, 'suggestion (non-blocking): Rename `data` to `invoices`.'));
    const closedLabelled = labelled.close();
    assert.equal(closedLabelled?.resolvedByLabel, 1);
    assert.deepEqual([closedLabelled?.commentsLeftFlagged, closedLabelled?.commentsRewritten], [0, 0]);

    const undone = new CommentLedger(1);
    undone.observe(pass(2, 'Rename `data` to `invoices`.'));
    undone.recordFix([...undone.keysOfLatestPass], 'rewrite');
    undone.observe(pass(4, 'Rename `data` to `invoices`.'));
    const closed = undone.close();
    assert.deepEqual([closed?.resolvedByRewrite, closed?.leftInPlace], [0, 1]);
    // An undone rewrite is no rewrite taken: the comment went out with its flag.
    assert.deepEqual([closed?.commentsLeftFlagged, closed?.commentsRewritten], [1, 0]);
  });

  it('counts nothing for a document only looked at, or emptied without typing', () => {
    const looked = new CommentLedger(5);
    looked.observe(pass(5, 'Rename `data` to `invoices`.'));
    assert.equal(looked.close(), undefined);
    const emptied = new CommentLedger(1);
    assert.equal(emptied.observe(pass(1, '')), undefined);
    assert.equal(emptied.close(), undefined);
  });

  it('starts the next comment in the same box after a submit', () => {
    const ledger = new CommentLedger(1);
    ledger.observe(pass(2, 'Rename `data`.'));
    assert.equal(ledger.observe(pass(3, ''))?.commentsFlagged, 1);
    ledger.observe(pass(4, 'Nice catch, thanks!'));
    assert.deepEqual(ledger.close(), { commentsFinished: 1, commentsFlagged: 0, commentsLeftFlagged: 0, commentsRewritten: 0, flagsByRule: {}, resolvedByRewrite: 0, resolvedByLabel: 0, leftInPlace: 0 });
  });

  it('tells flags apart by rule, words and occurrence, not by place', () => {
    const keys = findingKeys([
      { ruleId: 'imperative', phrase: 'Rename' },
      { ruleId: 'imperative', phrase: 'rename' },
      { ruleId: 'verdict', phrase: 'Rename' },
    ]);
    assert.equal(new Set(keys).size, 3);
    assert.deepEqual(findingKeys([{ ruleId: 'imperative', phrase: ' Rename\n' }]), [keys[0]]);
  });

  it('never stores a word of the comment: the stored record holds counts and rule ids only (property)', () => {
    const triggers = ['Rename', 'You must', 'Please', 'Why did you', 'This is wrong', 'Never', 'You should', 'Use', 'Change'];
    const words = fc.stringMatching(/^[A-Za-z][a-z]{3,9}$/);
    const sentence = fc.tuple(fc.constantFrom(...triggers), fc.array(words, { minLength: 1, maxLength: 8 })).map(([trigger, rest]) => `${trigger} ${rest.join(' ')}.`);
    // Words that may rightly be in the record: its field names, rule ids and week keys.
    const allowed = new Set(['commentsFinished', 'commentsFlagged', 'commentsLeftFlagged', 'commentsRewritten', 'flagsByRule', 'resolvedByRewrite', 'resolvedByLabel', 'leftInPlace', 'sessions', 'sessionMinutes', 'updated', 'weeks', ...TONE_RULES.flatMap((rule) => rule.id.split('-'))].map((word) => word.toLowerCase()));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.boolean(), (sentences, takeFix) => {
        const text = sentences.join(' ');
        const ledger = new CommentLedger(1);
        ledger.observe(pass(2, text));
        if (takeFix) ledger.recordFix([...ledger.keysOfLatestPass], 'rewrite');
        const finished = ledger.close();
        assert.ok(finished);
        const stored = JSON.stringify(addToRecord(undefined, '2026-W48', finished, 1)).toLowerCase();
        // The record's own names out first: a random word such as "tsle" is in "commentsLeftFlagged" by chance.
        const bare = [...allowed, ...TONE_RULES.map((rule) => rule.id.toLowerCase())]
          .sort((a, b) => b.length - a.length)
          .reduce((rest, name) => rest.replaceAll(name, ' '), stored);
        const leaked = text
          .split(/[^A-Za-z]+/)
          .filter((word) => word.length > 3 && !allowed.has(word.toLowerCase()))
          .filter((word) => bare.includes(word.toLowerCase()));
        assert.deepEqual(leaked, [], stored);
      }),
    );
  });
});

describe('review reflection: review sessions', () => {
  const minute = 60_000;

  it('counts a session started and ended by hand, however short', () => {
    const sessions = new ReviewSessions();
    assert.equal(sessions.change({ active: true, manual: true }, 0), undefined);
    assert.deepEqual(sessions.change({ active: false, manual: false }, 25 * minute), { endedAt: 25 * minute, minutes: 25, manual: true });
    sessions.change({ active: true, manual: true }, 30 * minute);
    assert.equal(sessions.change({ active: false, manual: false }, (30 * minute) + 1000)?.minutes, 0);
  });

  it('keeps an automatic review through short pauses, ends it after the gap at the pause, and ignores a glance', () => {
    const sessions = new ReviewSessions();
    sessions.change({ active: true, manual: false }, 0);
    sessions.change({ active: false, manual: false }, 10 * minute);
    sessions.change({ active: true, manual: false }, 12 * minute);
    sessions.change({ active: false, manual: false }, 20 * minute);
    assert.equal(sessions.endDueAt, (20 * minute) + SESSION_GAP_MS);
    assert.equal(sessions.expire((20 * minute) + SESSION_GAP_MS - 1), undefined);
    assert.deepEqual(sessions.expire((20 * minute) + SESSION_GAP_MS), { endedAt: 20 * minute, minutes: 20, manual: false });
    assert.equal(sessions.endDueAt, undefined);

    sessions.change({ active: true, manual: false }, 100 * minute);
    sessions.change({ active: false, manual: false }, (100 * minute) + MIN_AUTOMATIC_SESSION_MS - 1);
    assert.equal(sessions.expire(200 * minute), undefined, 'a glance at a diff is no session');
  });

  it('ends a manual session by hand even while a diff stays open, and counts the window closing mid-review', () => {
    const sessions = new ReviewSessions();
    sessions.change({ active: true, manual: true }, 0);
    assert.equal(sessions.change({ active: true, manual: false }, 10 * minute)?.manual, true);
    assert.deepEqual(sessions.stop(30 * minute), { endedAt: 30 * minute, minutes: 20, manual: false });
    assert.equal(sessions.stop(40 * minute), undefined);
  });
});

/**
 * VS Code's global state as two windows see it: ONE stored value per extension, a cached copy in each
 * window's extension host, `update` that writes the window's whole cached object, and other windows' caches
 * replaced when the write reaches them. Writes and their arrival are queued, so a test chooses the order.
 * The updates a window makes in one turn leave as one write (VS Code's ExtensionMemento batches them): here,
 * until the test ends the turn or delivers a write.
 */
class SharedState {
  stored: Record<string, unknown> = {};
  readonly windows: SimulatedWindow[] = [];
  readonly inFlight: { from: SimulatedWindow; value: Record<string, unknown> }[] = [];

  open(): SimulatedWindow {
    const window = new SimulatedWindow(this);
    this.windows.push(window);
    return window;
  }

  /** The oldest write of `from` reaches storage, and every other window's cache. */
  deliver(from: SimulatedWindow): void {
    this.endTurn();
    const index = this.inFlight.findIndex((write) => write.from === from);
    if (index < 0) return;
    const [write] = this.inFlight.splice(index, 1);
    this.stored = structuredClone(write.value);
    for (const window of this.windows) if (window !== from) window.cache = structuredClone(this.stored);
  }

  deliverAll(): void {
    while (this.inFlight.length > 0) this.deliver(this.inFlight[0].from);
  }

  /** The windows' updates from now on leave as new writes. */
  endTurn(): void {
    for (const window of this.windows) window.turnWrite = undefined;
  }
}

class SimulatedWindow implements FigureStorage {
  cache: Record<string, unknown>;
  /** The write this turn's updates go into. */
  turnWrite: { from: SimulatedWindow; value: Record<string, unknown> } | undefined;
  constructor(private readonly shared: SharedState) {
    this.cache = structuredClone(shared.stored);
  }
  keys(): readonly string[] {
    return Object.keys(this.cache);
  }
  get(key: string): unknown {
    return this.cache[key];
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.cache[key];
    else this.cache[key] = structuredClone(value);
    if (this.turnWrite) this.turnWrite.value = structuredClone(this.cache);
    else {
      this.turnWrite = { from: this, value: structuredClone(this.cache) };
      this.shared.inFlight.push(this.turnWrite);
    }
    return Promise.resolve();
  }
}

/**
 * Every write arrives, and each window checks its record, again while its check had to write it back
 * (ReviewFigures checks VERIFY_AFTER_MS after each write, up to MAX_VERIFY_ROUNDS times in a row).
 */
function settle(shared: SharedState, figures: readonly WindowFigures[]): void {
  for (let round = 0; round < MAX_VERIFY_ROUNDS; round++) {
    shared.deliverAll();
    if (!figures.map((each) => each.verify()).some(Boolean)) return;
  }
  shared.deliverAll();
}

describe('review reflection: two windows at once', () => {
  const now = () => Date.UTC(2026, 10, 26, 12);
  let ids = 0;
  const newId = () => `w${++ids}`;
  const total = (figures: WindowFigures) => figures.report().weeks.reduce((sum, week) => sum + week.commentsFinished, 0);

  it('sums both windows, each in its own record', () => {
    const shared = new SharedState();
    const a = new WindowFigures(shared.open(), now, newId);
    const b = new WindowFigures(shared.open(), now, newId);
    a.count({ commentsFinished: 1 });
    shared.deliverAll();
    b.count({ commentsFinished: 2 });
    shared.deliverAll();
    assert.equal(total(a), 3);
    assert.equal(total(b), 3);
    assert.deepEqual(Object.keys(shared.stored).sort(), [windowKey(a.id), windowKey(b.id)].sort());
    assert.ok(Object.keys(shared.stored).every((key) => key.startsWith(FIGURES_PREFIX)));
  });

  it('merges the comment counts of both windows, after a race and after a fold', () => {
    const shared = new SharedState();
    let clock = Date.UTC(2026, 10, 23, 12);
    const a = new WindowFigures(shared.open(), () => clock, newId);
    const b = new WindowFigures(shared.open(), () => clock, newId);
    a.count({ commentsFinished: 1, commentsFlagged: 1, commentsLeftFlagged: 1 });
    b.count({ commentsFinished: 1, commentsFlagged: 1, commentsRewritten: 1 });
    // B's write, made from a cache that never saw A's, lands last; A's check writes A's record back.
    shared.deliverAll();
    a.verify();
    shared.deliverAll();
    const comments = (figures: WindowFigures) => figures.report().weeks.map((week) => [week.commentsFinished, week.commentsLeftFlagged, week.commentsRewritten]);
    assert.deepEqual(comments(new WindowFigures(shared.open(), () => clock, newId)), [[2, 1, 1]]);
    // A week later a new window folds both idle records into the archive: the sum stays.
    clock += FOLD_AFTER_MS + DAY_MS;
    const c = new WindowFigures(shared.open(), () => clock, newId);
    c.foldIdleRecords();
    shared.deliverAll();
    assert.deepEqual(Object.keys(shared.stored).filter((key) => key.startsWith(FIGURES_PREFIX)), [ARCHIVE_KEY]);
    assert.deepEqual(comments(c), [[2, 1, 1]]);
    // A counts on; what it had written is in the archive, so it is not counted twice.
    a.count({ commentsFinished: 1, commentsRewritten: 1 });
    shared.deliverAll();
    assert.deepEqual(comments(new WindowFigures(shared.open(), () => clock, newId)), [[2, 1, 1], [1, 0, 1]]);
  });

  it('loses no count whatever order the writes land in, once each window has checked its record (property)', () => {
    type Step = { window: 0 | 1; action: 'count' | 'deliver' | 'verify' };
    const step = fc.record({ window: fc.constantFrom<0 | 1>(0, 1), action: fc.constantFrom<Step['action']>('count', 'count', 'deliver', 'verify') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const shared = new SharedState();
        const windows = [shared.open(), shared.open()];
        const figures = windows.map((window) => new WindowFigures(window, now, newId));
        let counted = 0;
        for (const { window, action } of steps) {
          shared.endTurn();
          if (action === 'count') {
            figures[window].count({ commentsFinished: 1 });
            counted++;
          } else if (action === 'deliver') shared.deliver(windows[window]);
          else figures[window].verify();
        }
        // Each window checks its record a moment after its last write (ReviewFigures does, VERIFY_AFTER_MS later).
        shared.deliverAll();
        for (const each of figures) each.verify();
        shared.deliverAll();
        const restarted = new WindowFigures(shared.open(), now, newId);
        assert.equal(total(restarted), counted);
      }),
    );
  });

  it('loses no count while time passes and new windows start and fold idle records, whatever order the writes land in (property)', function () {
    // Many runs: the race it guards against takes four steps in a given order.
    this.timeout(30_000);
    type Step = { window: number; action: 'count' | 'deliver' | 'verify' | 'open' | 'tick'; days: number };
    const step = fc.record({
      window: fc.nat({ max: 3 }),
      action: fc.constantFrom<Step['action']>('count', 'count', 'deliver', 'verify', 'open', 'tick'),
      days: fc.constantFrom(0, 1, 4, 8),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const shared = new SharedState();
        let clock = Date.UTC(2026, 10, 2, 12);
        const windows: SimulatedWindow[] = [];
        const figures: WindowFigures[] = [];
        const open = () => {
          const window = shared.open();
          windows.push(window);
          figures.push(new WindowFigures(window, () => clock, newId));
          // A window that starts folds the idle records it sees in its copy (ReviewFigures does).
          figures.at(-1)!.foldIdleRecords();
        };
        open();
        let counted = 0;
        for (const { window, action, days } of steps) {
          shared.endTurn();
          const index = window % figures.length;
          if (action === 'count') {
            figures[index].count({ commentsFinished: 1 });
            counted++;
          } else if (action === 'deliver') shared.deliver(windows[index]);
          else if (action === 'verify') figures[index].verify();
          else if (action === 'open') {
            if (figures.length < 4) open();
          } else if (days > 0) {
            // Days pass: every write has long reached storage and every window, and each window checked its record.
            settle(shared, figures);
            clock += days * DAY_MS;
          } else clock += 1000;
        }
        settle(shared, figures);
        assert.equal(total(new WindowFigures(shared.open(), () => clock, newId)), counted);
      }),
      { numRuns: 2000 },
    );
  });

  it('a stale window overwrites the other\'s record, and the check writes it back', () => {
    const shared = new SharedState();
    const a = new WindowFigures(shared.open(), now, newId);
    const bWindow = shared.open();
    const b = new WindowFigures(bWindow, now, newId);
    a.count({ commentsFinished: 1 });
    b.count({ commentsFinished: 1 });
    // A's write lands, then B's, made from a cache that never saw A's.
    shared.deliverAll();
    assert.equal(readRecord(shared.stored[windowKey(a.id)]), undefined, 'the race really loses A\'s record');
    assert.equal(a.verify(), true);
    shared.deliverAll();
    assert.equal(total(new WindowFigures(shared.open(), now, newId)), 2);
  });

  it('clears every window\'s figures, and a window that counted before the clear does not bring them back', () => {
    const shared = new SharedState();
    const a = new WindowFigures(shared.open(), now, newId);
    const b = new WindowFigures(shared.open(), now, newId);
    a.count({ commentsFinished: 1 });
    b.count({ commentsFinished: 5 });
    shared.deliverAll();
    void a.clear();
    shared.deliverAll();
    assert.equal(total(a), 0);
    assert.equal(total(b), 0, 'the other window reads the clear');
    b.count({ commentsFinished: 1 });
    shared.deliverAll();
    assert.equal(total(new WindowFigures(shared.open(), now, newId)), 1, 'only what B counted after the clear');
    assert.ok(CLEARED_KEY in shared.stored);
  });

  it('clears again when a stale window put the old figures back in the same moment', async () => {
    const shared = new SharedState();
    const a = new WindowFigures(shared.open(), now, newId);
    const b = new WindowFigures(shared.open(), now, newId);
    b.count({ commentsFinished: 5 });
    shared.deliverAll();
    const before = await a.clear();
    // B counts from a cache that has not seen the clear; its write lands last.
    b.count({ commentsFinished: 1 });
    shared.deliverAll();
    assert.equal(a.clearHolds(before), false);
    await a.clear();
    shared.deliverAll();
    assert.equal(total(new WindowFigures(shared.open(), now, newId)), 0);
  });

  it('loses no count when a window folds another\'s week-idle record from a stale copy just as that window counts again', () => {
    const shared = new SharedState();
    let clock = Date.UTC(2026, 10, 2, 12);
    const b = new WindowFigures(shared.open(), () => clock, newId);
    b.count({ commentsFinished: 1 });
    shared.deliverAll();
    clock += FOLD_AFTER_MS + DAY_MS;
    // A starts while B's new count is on its way: A's copy still holds B's week-idle record, and A folds it.
    b.count({ commentsFinished: 1 });
    const a = new WindowFigures(shared.open(), () => clock, newId);
    a.foldIdleRecords();
    // B's write lands, then A's fold over it.
    shared.deliverAll();
    // B checks its record a moment after its write, as ReviewFigures does.
    b.verify();
    shared.deliverAll();
    assert.equal(total(new WindowFigures(shared.open(), () => clock, newId)), 2);
    assert.equal(total(b), 2);
  });

  it('three windows writing at once: a check that writes back can be overwritten by another\'s, and the next check holds', () => {
    const shared = new SharedState();
    const windows = [shared.open(), shared.open(), shared.open()];
    const figures = windows.map((window) => new WindowFigures(window, now, newId));
    for (const each of figures) each.count({ commentsFinished: 1 });
    // The three writes land in turn, each made from a copy without the others': only the last window's record stays.
    shared.deliverAll();
    // They check at once, each writing its record back from a copy without the others' write-backs.
    assert.ok(figures.map((each) => each.verify()).filter(Boolean).length >= 2);
    shared.deliverAll();
    assert.equal(total(new WindowFigures(shared.open(), now, newId)), 2, 'one check each is not enough');
    settle(shared, figures);
    assert.equal(total(new WindowFigures(shared.open(), now, newId)), 3);
  });

  it('reads the figures back from the global state alone, as a window starting now would, and writes nothing', () => {
    const shared = new SharedState();
    let clock = Date.UTC(2026, 10, 2, 12);
    const idle = new WindowFigures(shared.open(), () => clock, newId);
    idle.count({ commentsFinished: 2, flagsByRule: { imperative: 1 } });
    shared.deliverAll();
    clock += FOLD_AFTER_MS + DAY_MS;
    const counting = new WindowFigures(shared.open(), () => clock, newId);
    counting.count({ commentsFinished: 1, sessions: 1 });
    shared.deliverAll();
    const stored = structuredClone(shared.stored);
    // Read-only: a storage that refuses writes. The idle record is there to be folded, and is not.
    const readOnly = { keys: () => Object.keys(stored), get: (key: string) => stored[key] };
    const report = reportFromState(readOnly, clock);
    assert.deepEqual(report, counting.report());
    assert.deepEqual(report.weeks.map((week) => [week.week, week.commentsFinished]), [[isoWeek(new Date(Date.UTC(2026, 10, 2, 12))), 2], [isoWeek(new Date(clock)), 1]]);
    assert.deepEqual(shared.stored, stored);
    assert.equal(shared.inFlight.length, 0);
  });

  it('a window whose idle record was folded keeps counting without counting the folded figures twice', () => {
    const shared = new SharedState();
    let clock = Date.UTC(2026, 10, 2, 12);
    const a = new WindowFigures(shared.open(), () => clock, newId);
    a.count({ commentsFinished: 2 });
    shared.deliverAll();
    clock += FOLD_AFTER_MS + DAY_MS;
    const b = new WindowFigures(shared.open(), () => clock, newId);
    b.foldIdleRecords();
    shared.deliverAll();
    assert.deepEqual(Object.keys(shared.stored), [ARCHIVE_KEY]);
    assert.equal(total(b), 2);
    // A was only idle: it counts on, and reads that its record moved.
    a.count({ commentsFinished: 1 });
    shared.deliverAll();
    assert.equal(total(new WindowFigures(shared.open(), () => clock, newId)), 3);
    assert.equal(total(a), 3);
  });
});
