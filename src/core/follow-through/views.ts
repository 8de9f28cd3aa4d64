/**
 * What the Follow-through section, Review Open Actions and New Retrospective Note show, derived from a
 * report. Pure.
 */
import { fill } from '../message';
import { notesInDateOrder } from '../retro/carry-over';
import { ownerKey, readTaskTree } from '../retro/task-items';
import { analyzeFollowThrough, byName } from './analyze';
import { actionKey } from './match';
import type { FollowThroughAction, FollowThroughReport, RetroFigures, RetroNoteText } from './report';

/** An open action carried this many times or more is stuck: the team keeps agreeing to it and not doing it. */
export const STUCK_AFTER = 3;

/**
 * The "one person carries it all" check looks at this many open actions at least. One of one or two of two
 * on one person says nothing (a small retro, a pair of actions); three of three on one person, or two of
 * three, is the pattern to name, and teams that follow through often have only three or so open.
 */
export const MIN_OPEN_FOR_CARRY_CHECK = 3;

/** Open actions carried `threshold` times or more, the most carried first, then the oldest. */
export function stuckActions(report: FollowThroughReport, threshold: number = STUCK_AFTER): FollowThroughAction[] {
  return report.actions
    .filter((action) => action.status === 'open' && action.timesCarried >= threshold)
    .sort((a, b) => b.timesCarried - a.timesCarried || compare(a.firstRaised, b.firstRaised) || compare(a.file, b.file) || a.line - b.line);
}

/**
 * A retro's follow-through rate: of the actions that came up in it (ticked there, carried on, or let go),
 * the share that was done. `done ÷ (done + carried + dropped)`, from 0 to 1; undefined when none came up
 * (a team's first retro).
 *
 * Why this one: it judges each retro on what was on its table, and only once per action and retro. An
 * action carried three times and then done counts as carried three times and done once, which is what
 * happened; a new action raised in this retro counts only from the next (it was not due yet). Dropping an
 * action on purpose counts against the rate like forgetting it: either way it was agreed and not done.
 */
export function followThroughRate(retro: RetroFigures): number | undefined {
  const due = retro.done + retro.carried + retro.dropped;
  return due === 0 ? undefined : retro.done / due;
}

export interface CarryConcentration {
  /** The owner's name as last written, and their open actions. */
  readonly owner: string;
  readonly open: number;
  /** All open actions, with and without an owner. */
  readonly totalOpen: number;
}

/**
 * One owner with more than half of all open actions (those without an owner count in the whole), when
 * there are at least `MIN_OPEN_FOR_CARRY_CHECK`: the leader may be leading from the front.
 */
export function carryConcentration(report: FollowThroughReport, minimum: number = MIN_OPEN_FOR_CARRY_CHECK): CarryConcentration | undefined {
  const totalOpen = report.actions.filter((action) => action.status === 'open').length;
  if (totalOpen < minimum) return undefined;
  for (const [owner, figures] of Object.entries(report.owners)) {
    if (figures.open * 2 > totalOpen) return { owner, open: figures.open, totalOpen };
  }
  return undefined;
}

export interface OwnerGroup {
  /** Undefined for the actions nobody was named for. */
  readonly owner: string | undefined;
  readonly actions: readonly FollowThroughAction[];
}

/** Open actions grouped by owner, for the start of a retro: owners by name, then the actions without one; each group in note order. */
export function openActionsByOwner(report: FollowThroughReport): OwnerGroup[] {
  const groups = new Map<string, { owner: string | undefined; actions: FollowThroughAction[] }>();
  for (const action of report.actions) {
    if (action.status !== 'open') continue;
    const key = action.owner === undefined ? '' : ownerKey(action.owner);
    const group = groups.get(key) ?? { owner: action.owner, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  const byPlace = (a: FollowThroughAction, b: FollowThroughAction) => compare(a.file, b.file) || a.line - b.line;
  return [...groups.values()]
    .sort((a, b) => (a.owner === undefined ? 1 : b.owner === undefined ? -1 : byName(a.owner, b.owner)))
    .map((group) => ({ owner: group.owner, actions: group.actions.sort(byPlace) }));
}

// ---- New Retrospective Note ----------------------------------------------------------------------------

export interface CarriedHistory {
  /** Times carried, counting the carry into the new note. */
  readonly timesCarried: number;
  /** The date of the note that first had it. */
  readonly since: string;
  /** Carried `STUCK_AFTER` times or more: the note asks the team to split it, give it an owner or drop it. */
  readonly tooOften: boolean;
  readonly owner: string | undefined;
}

/**
 * For each block that carry-over takes from the previous note (`openTaskItems(previous text)`), how often
 * its action has been carried, counting this carry, and since when. Only notes up to the previous one
 * count (the new note, or notes prepared for later, are left out). Undefined for a block whose first line
 * is not an action follow-through knows (an empty box heading carried notes).
 */
export function carriedHistories(notes: readonly RetroNoteText[], previousFile: string, blocks: readonly string[]): (CarriedHistory | undefined)[] {
  const order = notesInDateOrder(notes.map((note) => note.file));
  const cut = order.findIndex((note) => note.fileName === previousFile);
  const previous = notes.find((note) => note.file === previousFile);
  if (cut < 0 || !previous) return blocks.map(() => undefined);
  const kept = new Set(order.slice(0, cut + 1).map((note) => note.fileName));
  const report = analyzeFollowThrough(notes.filter((note) => kept.has(note.file)));
  // The actions open in the previous note, by the exact key of their item there.
  const itemsAt = new Map(readTaskTree(previous.text).items.map((item) => [item.line, item]));
  const open = new Map<string, FollowThroughAction>();
  for (const action of report.actions) {
    if (action.status !== 'open' || action.file !== previousFile) continue;
    const item = itemsAt.get(action.line);
    if (item) open.set(actionKey(item.text).exact, action);
  }
  return blocks.map((block) => {
    const item = readTaskTree(block).items[0];
    const action = item && item.line === 0 && item.state === 'open' ? open.get(actionKey(item.text).exact) : undefined;
    if (!action) return undefined;
    const timesCarried = action.timesCarried + 1;
    return { timesCarried, since: action.firstRaised, tooOften: timesCarried >= STUCK_AFTER, owner: action.owner };
  });
}

/** The words New Retrospective Note writes under a carried item; `{0}` is the count, `{1}` the date. */
export const CARRIED_NOTE_STRINGS = {
  carriedSince: 'Carried {0}×, since {1}.',
  carriedTooOften: 'Carried often: split it, give it an owner, or drop it.',
};
export type CarriedNoteStrings = typeof CARRIED_NOTE_STRINGS;

/**
 * The line that says how often an item has been carried: `*Carried 3×, since 2026-10-01. Carried often:
 * split it, give it an owner, or drop it.*` An italic paragraph of its own, so it is never part of the item.
 */
export function carriedHistoryLine(history: CarriedHistory, strings: CarriedNoteStrings = CARRIED_NOTE_STRINGS): string {
  const parts = [fill(strings.carriedSince, String(history.timesCarried), history.since)];
  if (history.tooOften) parts.push(strings.carriedTooOften);
  return `*${escapeInline(parts.join(' '))}*`;
}

/**
 * The carried blocks with each one's history after it, ready for `carriedOverSection`. The history is a
 * paragraph at the left margin after a blank line: it closes the item's list, so the item reads exactly as
 * before, and carry-over never takes the line on to the next note.
 */
export function withCarriedHistory(blocks: readonly string[], histories: readonly (CarriedHistory | undefined)[], strings: CarriedNoteStrings = CARRIED_NOTE_STRINGS): string[] {
  return blocks.map((block, index) => {
    const history = histories[index];
    if (!history) return block;
    // A blank line before the next block too, so the paragraph stands on its own.
    return `${block}\n\n${carriedHistoryLine(history, strings)}${index < blocks.length - 1 ? '\n' : ''}`;
  });
}

/** Translated words may hold markdown marks; as text, they must not end the emphasis or start anything. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~#|]/g, (char) => `\\${char}`).replace(/\s+/g, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
