/** Verdict words in statements ("This is wrong."), found word by word where the phrase patterns miss them. */

import { DENIALS, NEGATING_VERDICT, PERSONAL_SUBJECTS, REASON_WORDS, SELF_SLIPS, SUBORDINATORS, VERDICT_HEDGES, W } from '../lexicon';
import { Kind, Token } from '../text';
import { Context, Cue, CueKind } from './cue';
import { clauseStartBefore, conditionalBefore, subordinated } from './context-checks';

export function verdictWordCues(context: Context, cues: Cue[]): void {
  const { tokens, sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    // "whoops, wrong repo": the speaker's own slip.
    if (sentence.question || SELF_SLIPS.has(tokens[sentence.firstToken].lower)) continue;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      const token = tokens[i];
      if (!((token.info?.flags ?? 0) & W.Verdict)) continue;
      const previous = i > sentence.firstToken ? tokens[i - 1].lower : '';
      // "my bad", "too bad"; "not wrong", "isn't really broken" are denials (deniedBefore).
      if (NEGATING_VERDICT.has(previous) || (previous === 'too' && token.lower === 'bad') || deniedBefore(tokens, sentence.firstToken, i)) continue;
      if (conditionalBefore(tokens, sentence, i) || subordinated(tokens, sentence, i)) continue;
      if (aboutPeople(tokens, sentence.firstToken, i) || hedgedWithReason(tokens, sentence.firstToken, sentence.lastToken, i)) continue;
      cues.push({ kind: CueKind.Judgement, rule: 'verdict', start: token.start, end: token.end, sentence: s, from: clauseStartBefore(context, s, i) });
    }
  }
}

/**
 * "neither variant is really incorrect", "I don't see anything that's broken": the clause denies the
 * defect. The look-back stops where a clause joins ("It doesn't build and is broken" still judges).
 */
function deniedBefore(tokens: readonly Token[], first: number, at: number): boolean {
  for (let i = at - 1; i >= first && i >= at - 5; i--) {
    const word = tokens[i].lower;
    if (tokens[i].kind !== Kind.Word || word === 'and' || word === 'or' || ((tokens[i].info?.flags ?? 0) & W.ClauseWord) !== 0 || SUBORDINATORS.has(word)) return false;
    if (DENIALS.has(word) || word.endsWith("n't")) return true;
  }
  return false;
}

const BE = new Set(['is', 'are', 'was', 'were', 'am', "'m", 'be', 'been', 'so', 'just', 'really', 'very', 'totally', 'completely', 'all']);

/** "They were wrong", "I was wrong": a verdict on people (often the speaker), not on the work. */
function aboutPeople(tokens: readonly Token[], first: number, at: number): boolean {
  let i = at - 1;
  while (i >= first && i > at - 4 && BE.has(tokens[i].lower)) i--;
  return i >= first && i < at - 1 && (PERSONAL_SUBJECTS.has(tokens[i].lower) || /^(?:they|i|we|he|she)'(?:re|m|ve)$/.test(tokens[i].lower));
}

/** "This seems a little confusing because …": a softened verdict that gives its reason explains; it does not judge. */
function hedgedWithReason(tokens: readonly Token[], first: number, last: number, at: number): boolean {
  let hedge = false;
  for (let i = Math.max(first, at - 4); i < at; i++) if (VERDICT_HEDGES.has(tokens[i].lower)) hedge = true;
  if (!hedge) return false;
  for (let i = at + 1; i < last && i < at + 8; i++) if (REASON_WORDS.has(tokens[i].lower)) return true;
  return false;
}
