/**
 * Follow-through: what became of each action across a team's retro notes. Pure: callers read the notes
 * (unsaved editors included) and pass their text.
 *
 * How actions are followed from note to note:
 * - Notes are taken in the order carry-over uses (`notesInDateOrder`: the date in the file name, then the
 *   title, then `x.md` before `x-2.md`); files that are not `.md` or have no date are left out, and a file
 *   passed twice counts once (the first).
 * - An action is a task item with words (`taskItems`): outside code, quotes and HTML, nested or not.
 * - Items of a note are matched to the actions of the previous note only, one to one, best score first
 *   (`match.ts` for the score): an exact match first, then the earlier item of the previous note among equals.
 *   - An open item matches only an action that is still open: once an action is done or dropped, the same
 *     words unticked later are the team raising it again, a new action.
 *   - A ticked or struck item may also match a closed action: a done item copied on stays one action.
 *   - An action open in one note and missing from the next is dropped in that next note, as the issue
 *     defines it; the same words in a later note are a new action, raised again. So a retro's figures never
 *     change when later notes are written.
 * - Two items of one note with the same normalized text are one action written twice (in the carried-over
 *   list and again below): ticked if either is, else struck if either is. Two items that are only alike
 *   stay two actions, and only one of them can continue an earlier action.
 *
 * Status, as the issue defines it:
 * - **done**: ticked in any note (even if the same words come back unticked later, which is a new action);
 * - **dropped**: struck through, or open in a note and missing from the next one (dropped there);
 * - **open**: unticked in the latest note that has it, and that note is the latest retro.
 * Times carried: the later notes it appears in while open.
 */
import { notesInDateOrder } from '../retro/carry-over';
import { ownerKey, readTaskTree, type ItemWordsCache, type TaskItem, type TaskState } from '../retro/task-items';
import { actionKey, keySimilarity, MATCH_THRESHOLD, mayMatch, type ActionKey } from './match';
import type { ActionStatus, FollowThroughAction, FollowThroughReport, OwnerFigures, RetroFigures, RetroNoteText } from './report';

interface Occurrence {
  readonly note: number;
  readonly state: TaskState;
  readonly item: TaskItem;
}

interface Tracked {
  readonly occurrences: Occurrence[];
  key: ActionKey;
  closed: boolean;
}

/** One action's items in one note: usually one item. */
interface Group {
  readonly key: ActionKey;
  readonly state: TaskState;
  readonly item: TaskItem;
}

/** A whole analysis: the report, and the history of each action for the views that need it. */
export interface FollowThroughAnalysis {
  readonly report: FollowThroughReport;
  /** The notes analysed, in order. */
  readonly notes: readonly { readonly file: string; readonly date: string }[];
  /** For each action of `report.actions` (same index): the note (index into `notes`) and line of each item, and its state there. */
  readonly histories: readonly (readonly { readonly note: number; readonly line: number; readonly state: TaskState }[])[];
}

/** The follow-through report of a folder's retro notes. */
export function analyzeFollowThrough(notes: readonly RetroNoteText[]): FollowThroughReport {
  return analyzeFollowThroughInDetail(notes).report;
}

/**
 * `analyzeFollowThrough`, with each action's history. The extension needs only the report; this exists for
 * the tests and the fuzz properties, which check each action's status against the states it went through.
 */
export function analyzeFollowThroughInDetail(notes: readonly RetroNoteText[]): FollowThroughAnalysis {
  const byFile = new Map<string, string>();
  for (const note of notes) if (!byFile.has(note.file)) byFile.set(note.file, note.text);
  const ordered = notesInDateOrder([...byFile.keys()]);

  const tracked: Tracked[] = [];
  /** The actions of the previous note: the only ones an item can continue. */
  let previous: Tracked[] = [];
  // Notes carry the same items on: each distinct text is read and keyed once.
  const words: ItemWordsCache = new Map();
  const keys = new Map<string, ActionKey>();
  ordered.forEach((note, index) => {
    const groups = groupItems(readTaskTree(byFile.get(note.fileName)!, { cache: words, layout: false }).items, keys);
    const matched = matchGroups(groups, previous);
    previous = groups.map((group, at) => {
      const action = matched[at] ?? { occurrences: [], key: group.key, closed: false };
      if (matched[at] === undefined) tracked.push(action);
      action.occurrences.push({ note: index, state: group.state, item: group.item });
      action.key = group.key;
      action.closed ||= group.state !== 'open';
      return action;
    });
  });
  return buildReport(ordered, tracked);
}

/** Items with the same normalized text in one note are one action: ticked wins, then struck. */
function groupItems(items: readonly TaskItem[], keys: Map<string, ActionKey>): Group[] {
  const groups: Group[] = [];
  const byExact = new Map<string, number>();
  for (const item of items) {
    let key = keys.get(item.text);
    if (!key) {
      key = actionKey(item.text);
      keys.set(item.text, key);
    }
    const at = byExact.get(key.exact);
    if (at === undefined) {
      byExact.set(key.exact, groups.length);
      groups.push({ key, state: item.state, item });
    } else if (RANK[item.state] > RANK[groups[at].state]) {
      groups[at] = { key, state: item.state, item: item.owner || !groups[at].item.owner ? item : { ...item, owner: groups[at].item.owner } };
    }
  }
  return groups;
}

const RANK: Record<TaskState, number> = { open: 0, dropped: 1, done: 2 };

/** One to one, best score first; exact matches (score 1) before anything else, the earlier action of the pool first. */
function matchGroups(groups: readonly Group[], pool: readonly Tracked[]): (Tracked | undefined)[] {
  const matched: (Tracked | undefined)[] = new Array(groups.length).fill(undefined);
  if (pool.length === 0) return matched;
  const taken = new Set<Tracked>();
  const fits = (group: Group, action: Tracked) => !taken.has(action) && (group.state !== 'open' || !action.closed);
  const byExact = new Map<string, Tracked[]>();
  for (const action of pool) {
    const list = byExact.get(action.key.exact);
    if (list) list.push(action);
    else byExact.set(action.key.exact, [action]);
  }
  const rest: number[] = [];
  groups.forEach((group, at) => {
    const action = byExact.get(group.key.exact)?.find((candidate) => fits(group, candidate));
    if (action) {
      matched[at] = action;
      taken.add(action);
    } else rest.push(at);
  });
  if (rest.length === 0) return matched;
  // Only actions that share a word can match: an index of the pool's words finds them, with the count
  // of shared words that bounds the score before it is worked out.
  const byWord = new Map<string, number[]>();
  pool.forEach((action, index) => {
    if (taken.has(action)) return;
    for (const word of action.key.words) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  });
  const shared = new Array<number>(pool.length).fill(0);
  const candidates: { group: number; action: number; score: number }[] = [];
  for (const at of rest) {
    const group = groups[at];
    const touched: number[] = [];
    for (const word of group.key.words) {
      for (const index of byWord.get(word) ?? []) if (shared[index]++ === 0) touched.push(index);
    }
    for (const index of touched) {
      const action = pool[index];
      if (fits(group, action) && mayMatch(group.key, action.key, shared[index])) {
        const score = keySimilarity(group.key, action.key);
        if (score >= MATCH_THRESHOLD) candidates.push({ group: at, action: index, score });
      }
      shared[index] = 0;
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.action - b.action || a.group - b.group);
  for (const { group, action } of candidates) {
    if (matched[group] !== undefined || taken.has(pool[action])) continue;
    matched[group] = pool[action];
    taken.add(pool[action]);
  }
  return matched;
}

function buildReport(notes: readonly { fileName: string; date: string }[], tracked: readonly Tracked[]): FollowThroughAnalysis {
  const last = notes.length - 1;
  const figures = notes.map(() => ({ raised: 0, done: 0, carried: 0, dropped: 0 }));
  // Owner names as last written, by key: items are read in note order, so the last one wins.
  const latestName = new Map<string, { note: number; line: number; name: string }>();
  // A team has a few owners, written on every item: each spelling is keyed once.
  const ownerKeys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = ownerKeys.get(name);
    if (key === undefined) {
      key = ownerKey(name);
      ownerKeys.set(name, key);
    }
    return key;
  };
  const actions: FollowThroughAction[] = [];
  const histories: { note: number; line: number; state: TaskState }[][] = [];
  for (const action of tracked) {
    const { occurrences } = action;
    const first = occurrences[0];
    const latest = occurrences[occurrences.length - 1];
    figures[first.note].raised++;
    const ticked = occurrences.find((occurrence) => occurrence.state === 'done');
    const struck = occurrences.find((occurrence) => occurrence.state === 'dropped');
    let status: ActionStatus;
    if (ticked) {
      status = 'done';
      figures[ticked.note].done++;
    } else if (struck) {
      status = 'dropped';
      figures[struck.note].dropped++;
    } else if (latest.note === last) {
      status = 'open';
    } else {
      status = 'dropped';
      figures[latest.note + 1].dropped++;
    }
    let timesCarried = 0;
    for (let at = 1; at < occurrences.length; at++) {
      const occurrence = occurrences[at];
      if (occurrence.state === 'open') {
        timesCarried++;
        figures[occurrence.note].carried++;
      }
    }
    let owner: string | undefined;
    for (const occurrence of occurrences) {
      const name = occurrence.item.owner;
      if (name === undefined) continue;
      owner = name;
      const key = keyOf(name);
      const seen = latestName.get(key);
      if (!seen || occurrence.note > seen.note || (occurrence.note === seen.note && occurrence.item.line >= seen.line)) {
        latestName.set(key, { note: occurrence.note, line: occurrence.item.line, name });
      }
    }
    actions.push({
      text: latest.item.text,
      owner,
      firstRaised: notes[first.note].date,
      lastSeen: notes[latest.note].date,
      timesCarried,
      status,
      file: notes[latest.note].fileName,
      line: latest.item.line,
    });
    histories.push(occurrences.map((occurrence) => ({ note: occurrence.note, line: occurrence.item.line, state: occurrence.state })));
  }

  const ownerFigures = new Map<string, { open: number; done: number; dropped: number }>();
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index];
    if (action.owner === undefined) continue;
    const name = latestName.get(keyOf(action.owner))!.name;
    actions[index] = { ...action, owner: name };
    const counts = ownerFigures.get(name) ?? { open: 0, done: 0, dropped: 0 };
    counts[action.status]++;
    ownerFigures.set(name, counts);
  }
  const owners: Record<string, OwnerFigures> = {};
  for (const name of [...ownerFigures.keys()].sort(byName)) owners[name] = ownerFigures.get(name)!;

  const retros: RetroFigures[] = notes.map((note, index) => ({ file: note.fileName, date: note.date, ...figures[index] }));
  return {
    report: { retros, actions, owners },
    notes: notes.map((note) => ({ file: note.fileName, date: note.date })),
    histories,
  };
}

/** Names in a stable order that people expect: case and accents aside, then as written. */
export function byName(a: string, b: string): number {
  const folded = a.localeCompare(b, 'en', { sensitivity: 'base' });
  return folded || (a < b ? -1 : a > b ? 1 : 0);
}
