/**
 * Telling whether two task items across notes are the same action. Pure and cheap: each item is read into
 * a key once, and comparing two keys is a few set look-ups.
 *
 * The rules, in order:
 * 1. **Normalize** (`normalizeActionText`): the text as rendered (markdown emphasis, strike-through, code
 *    marks, link targets and inline HTML gone), the owner's tags out (`ownerTags` in task-items.ts; other
 *    mentions are words), Unicode compatibility forms and accents folded, lower case, every run of
 *    punctuation and spaces one space; a hyphen, apostrophe or dot inside a word goes (`on-call` is
 *    `oncall`, `team's` is `teams`).
 * 2. **Words that carry the meaning**: English function words (`the`, `a`, `to`, `for`, `with`, …) are left
 *    out, unless nothing else is left; each word loses a plural or verb ending (`tests`, `testing`,
 *    `tested` are `test`; `write`, `writing` are `writ`). In actions that share a word, two words of 5
 *    letters or more one typo apart (a letter added, missing, changed or two swapped) count as the same word.
 * 3. **Score**: `common / (common + replaced + 0.2 × added)`. `replaced` pairs a word only one side has
 *    with a word only the other has (min of the two counts); `added` is what is left over on the longer
 *    side. A changed word costs as much as a kept one gains; an added word a fifth of that.
 * 4. **Same action** when the score is at least `MATCH_THRESHOLD` (0.82).
 *
 * Why these weights: when an action comes back edited, the edit usually adds words ("Write the runbook"
 * → "Write the on-call runbook", 0.91; "… for the database failover", 0.83), while a different action
 * usually changes a word that matters ("Write the runbook" / "Review the runbook", 0.5; "Fix the flaky
 * login test" / "Fix the flaky checkout test", 0.75). So a changed word is tolerated only in a longer
 * action, one in six words ("Agree on a review turnaround of one day" → "of two days", 0.83), while up
 * to about as many words as the action had may be added. Dice on words (0.8 for the on-call runbook but
 * 0.75 for login/checkout) cannot tell these apart, and character trigrams score a changed verb higher
 * still, since the rest of the text is shared.
 */
import { readItemWords, taskParser } from '../retro/task-items';

export const MATCH_THRESHOLD = 0.82;
/** What an added word costs, against 1 for a word changed for another. */
export const ADDED_WORD_WEIGHT = 0.2;

const STOP_WORDS = new Set(
  (
    'a an the and or but nor so to of in on at by for from with without into onto about as than then ' +
    'is are be been being was were am it its this that these those there here ' +
    'i me my we us our you your they them their he him his she her ' +
    'will shall should would can could may might must do does did done ' +
    'again still also just please some any all each every more most very too'
  ).split(' '),
);

/** A task item read for matching. */
export interface ActionKey {
  /** The normalized text (rule 1); when it is empty, the text as written, lower-cased, so `🚀` still matches `🚀`. */
  readonly exact: string;
  /** The words that carry the meaning (rule 2). */
  readonly words: readonly string[];
}

const ASCII = /^[\t\n\r -~]*$/;

/** Rule 1 on text that is already plain (no markdown, no owner tags). */
export function normalizePlain(plain: string): string {
  if (ASCII.test(plain)) {
    return plain
      .toLowerCase()
      .replace(/(?<=[a-z0-9])['.-](?=[a-z0-9])/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  // Compatibility forms and case can each uncover the other (`㎁` is `nA`): fold until nothing changes.
  let text = plain;
  for (let round = 0; round < 4; round++) {
    const next = fold(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
    if (next === text) break;
    text = next;
  }
  return text;
}

function fold(text: string): string {
  return text
    .replace(/(?<=[\p{L}\p{N}])['’.‐‑-](?=[\p{L}\p{N}])/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * An action's text normalized for matching (rule 1): `**Write** the [on-call](x) runbook @Sam!` →
 * `write the oncall runbook`. Reads its argument as one line of markdown, as written after the box.
 * Normalizing twice changes nothing.
 */
export function normalizeActionText(text: string): string {
  const tokens = taskParser().parseInline(text.replace(/[\r\n]+/g, ' '), {});
  return normalizePlain(readItemWords(tokens[0]?.children ?? []).text);
}

/** The key of an item from its text, the owner's tags out (`TaskItem.text`). */
export function actionKey(text: string): ActionKey {
  const normalized = normalizePlain(text);
  const exact = normalized || `\u0000${text.toLowerCase().replace(/\s+/gu, ' ').trim()}`;
  const all = normalized ? normalized.split(' ') : [];
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  const words = [...new Set((meaningful.length > 0 ? meaningful : all).map(stem))];
  return { exact, words };
}

/** A light stemmer: enough that plurals and verb forms meet. The result is a key, not a word. */
export function stem(word: string): string {
  let out = word;
  if (out.length > 4 && out.endsWith('ies')) out = `${out.slice(0, -3)}y`;
  else if (out.length > 3 && out.endsWith('s') && !/(?:ss|us|is)$/.test(out)) out = out.slice(0, -1);
  if (out.length > 5 && out.endsWith('ing')) out = out.slice(0, -3);
  else if (out.length > 4 && out.endsWith('ed')) out = out.slice(0, -2);
  if (out.length > 3 && out.endsWith('e')) out = out.slice(0, -1);
  return out;
}

/**
 * Whether two keys that share `common` words could reach the threshold, even if every other word of the
 * shorter were a typo of one of the longer. False means `keySimilarity` is below it.
 */
export function mayMatch(a: ActionKey, b: ActionKey, common: number): boolean {
  if (common === 0) return false;
  const best = common + Math.min(a.words.length, b.words.length) - common;
  const added = Math.abs(a.words.length - b.words.length);
  return best / (best + (ADDED_WORD_WEIGHT * added)) >= MATCH_THRESHOLD;
}

/**
 * How alike two keys are, from 0 (nothing in common) to 1 (the same words). Symmetric. Typos count only
 * between actions that share a word as written.
 */
export function keySimilarity(first: ActionKey, second: ActionKey): number {
  if (first.exact === second.exact) return 1;
  // Typos pair up greedily: always from the same side, so the score is the same both ways.
  const [a, b] = first.exact < second.exact ? [first, second] : [second, first];
  if (a.words.length === 0 || b.words.length === 0) return 0;
  let common = 0;
  let onlyA: string[] | undefined;
  const inB = b.words.length > 4 ? new Set(b.words) : undefined;
  for (const word of a.words) {
    if (inB ? inB.has(word) : b.words.includes(word)) common++;
    else (onlyA ??= []).push(word);
  }
  if (common === 0) return 0;
  let restA = a.words.length - common;
  let restB = b.words.length - common;
  if (onlyA && restB > 0) {
    // Typos: a long word one edit from a long word the other side has instead.
    const inA = new Set(a.words);
    const onlyB = b.words.filter((word) => !inA.has(word));
    for (const word of onlyA) {
      if (word.length < 5) continue;
      const at = onlyB.findIndex((other) => other.length >= 5 && withinOneEdit(word, other));
      if (at < 0) continue;
      onlyB.splice(at, 1);
      common++;
      restA--;
      restB--;
    }
  }
  const replaced = Math.min(restA, restB);
  const added = Math.abs(restA - restB);
  return common / (common + replaced + (ADDED_WORD_WEIGHT * added));
}

/** `actionSimilarity` on two action texts, as written after the box (markdown and mentions allowed). */
export function actionSimilarity(a: string, b: string): number {
  return keySimilarity(textKey(a), textKey(b));
}

/** Whether two action texts are the same action by the rules above. */
export function sameAction(a: string, b: string): boolean {
  return actionSimilarity(a, b) >= MATCH_THRESHOLD;
}

function textKey(text: string): ActionKey {
  const tokens = taskParser().parseInline(text.replace(/[\r\n]+/g, ' '), {});
  return actionKey(readItemWords(tokens[0]?.children ?? []).text);
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b` (or they are equal). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  // Two neighbours swapped: "ab" against "ba".
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
