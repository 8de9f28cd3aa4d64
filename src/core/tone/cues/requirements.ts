/** Requirements ("Should be static.", "This needs a comment") and the expectations that read like them ("should work"). */

import {
  ADVERBS_BEFORE_MODAL,
  CONDITIONAL_MODALS,
  EXPECT_BE,
  EXPECT_COMPARATIVES,
  EXPECT_DO_OBJECTS,
  EXPECT_NEVER_BE,
  EXPECT_TIME_WORDS,
  EXPECT_SKIP,
  EXPECT_VERBS,
  NEEDS_OBJECTS,
  NON_REQUIREMENT_SUBJECTS,
  ONSET_VERBS,
  PLACEMENT,
  PROBLEM_WORDS,
  TIME_UNITS,
  TRACKER_NOUNS,
  W,
} from '../lexicon';
import { Kind, Token } from '../text';
import { Context, Cue, CueKind } from './cue';
import { clauseStartBefore, subordinated } from './context-checks';

/** Statements that set a requirement with "should/must/needs/has to", whatever the subject. */
export function requirementCues(context: Context, cues: Cue[], hedgedBefore: (sentence: number, offset: number) => boolean): void {
  const { tokens, sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    if (sentence.question) continue;
    for (let i = sentence.firstToken + 1; i < sentence.lastToken; i++) {
      if (!((tokens[i].info?.flags ?? 0) & W.Modal)) continue;
      const word = tokens[i].lower;
      const nextWord = i + 1 < sentence.lastToken ? tokens[i + 1].lower : '';
      const modal =
        word === 'should' || word === "shouldn't" || word === 'must' || word === "mustn't" || word === 'needs' ||
        (word === 'need' && (nextWord === 'to' || /ing$/.test(nextWord) || NEEDS_OBJECTS.has(nextWord))) ||
        ((word === 'wants' || word === 'want') && nextWord === 'to' && tokens[i + 2]?.lower === 'be') ||
        ((word === 'has' || word === 'have' || word === 'ought') && nextWord === 'to');
      if (!modal) continue;
      // The subject: skip adverbs back to it.
      let j = i - 1;
      while (j > sentence.firstToken && j > i - 6 && ADVERBS_BEFORE_MODAL.has(tokens[j].lower)) j--;
      // People ("you should") are you-must's and we-must's; question words and contractions start no requirement.
      if (NON_REQUIREMENT_SUBJECTS.has(tokens[j].lower)) continue;
      // "you may need to recompute", "that would need splitting": a conditional, not a requirement (TONE.md, rule 8).
      if (CONDITIONAL_MODALS.has(tokens[j].lower)) continue;
      // "This will have to be done for all cases", "one of us is going to have to rebase": a forecast of the work.
      if (tokens[j].lower === 'will' || tokens[j].lower.endsWith("'ll") || (tokens[j].lower === 'to' && tokens[j - 1]?.lower === 'going')) continue;
      if (word === 'must' && nextWord === 'have') continue; // "must have been" is a guess
      if (word === 'needs' && !NEEDS_OBJECTS.has(nextWord) && tokens[i + 1]?.kind !== Kind.Code) continue;
      if (subordinated(tokens, sentence, i) || hedgedBefore(s, tokens[i].start)) continue;
      const after = word === 'has' || word === 'have' || word === 'ought' || word === 'wants' || word === 'want' ? i + 2 : i + 1;
      if ((word === 'should' || word === "shouldn't") && expectation(tokens, after, sentence.lastToken)) continue;
      if (i > 0 && tokens[i - 1].kind === Kind.Punct && tokens[i - 1].lower !== ')' && tokens[i - 1].lower !== '`') continue;
      const end = word === 'has' || word === 'have' || word === 'ought' || word === 'wants' || word === 'want' || ((word === 'needs' || word === 'need') && nextWord === 'to') ? tokens[i + 1].end : tokens[i].end;
      cues.push({ kind: CueKind.Obligation, rule: 'requirement', start: tokens[i].start, end, sentence: s, from: clauseStartBefore(context, s, i), head: i });
      break;
    }
  }
}

// What follows the comma of a "should" whose verb was left out ("It should, but …", "it should, I hope").
const ELLIPSIS_AFTER: ReadonlySet<string> = new Set(['but', 'though', 'however', 'i', 'hopefully', 'at', 'in', 'unless', 'if']);

/** "should work", "should be fine", "should never happen": an expectation, not a requirement. */
export function expectation(tokens: readonly Token[], i: number, end: number): boolean {
  const limit = Math.min(end, i + 4);
  while (i < limit && EXPECT_SKIP.has(tokens[i].lower)) i++;
  if (i >= end) return true;
  // "It should, but only for debug builds", "(it should, i hope)": an answer with its verb left out. "This
  // should, ideally, be static" goes on to its verb.
  if (tokens[i].kind === Kind.Punct && (tokens[i].lower === ')' || tokens[i].lower === ';')) return true;
  if (tokens[i].lower === ',' && (i + 1 >= end || ELLIPSIS_AFTER.has(tokens[i + 1].lower))) return true;
  const word = tokens[i].lower;
  // "should start to help", "should begin to fail": an expectation of what comes.
  if (ONSET_VERBS.has(word) && i + 2 < end && tokens[i + 1].lower === 'to') return expectation(tokens, i + 2, end);
  // "This should close #104": the issue it is expected to settle.
  if (word === 'close' && i + 1 < end && (tokens[i + 1].lower === '#' || (/^(?:the|this|that)$/.test(tokens[i + 1].lower) && TRACKER_NOUNS.has(tokens[i + 2]?.lower ?? '')))) return true;
  // "This should make v5.17": the release it is expected to reach. "should make vendoring easier": an effect.
  if (word === 'make' && i + 1 < end && /^v?\d+(?:\.\d+)+$/.test(tokens[i + 1].lower)) return true;
  if (word === 'make') for (let k = i + 1; k < Math.min(end, i + 5); k++) if (EXPECT_COMPARATIVES.has(tokens[k].lower)) return true;
  if (word === 'never' || word === 'not') {
    const after = i + 1 < end ? tokens[i + 1].lower : '';
    return (
      after === 'happen' || after === 'matter' || after === 'occur' || after === 'hit' || after === 'trigger' ||
      (after === 'be' && i + 2 < end && EXPECT_NEVER_BE.has(tokens[i + 2].lower)) ||
      // "should not be a problem" expects; "should not be a PlayerEvent" says what the code must not be.
      (after === 'be' && i + 3 < end && (tokens[i + 2].lower === 'a' || tokens[i + 2].lower === 'an') && PROBLEM_WORDS.has(tokens[i + 3].lower))
    );
  }
  // "should go away" expects; "should go into the header" says where the code belongs.
  if (word === 'go' && i + 1 < end && PLACEMENT.has(tokens[i + 1].lower)) return false;
  if (EXPECT_VERBS.has(word)) {
    if (word === 'do') return i + 1 < end && EXPECT_DO_OBJECTS.has(tokens[i + 1].lower);
    return word !== 'have';
  }
  // "There should be a 3.7.1 in the next couple weeks", "should land soon": a forecast, not a request.
  for (let k = i; k < end; k++) {
    const lower = tokens[k].lower;
    if (EXPECT_TIME_WORDS.has(lower) || (lower === 'next' && k + 1 < end && TIME_UNITS.has(tokens[k + 1].lower))) return true;
  }
  if (word === 'be' && i + 1 < end) {
    // "should be very easy": the degree word says nothing of the kind of thing expected.
    let at = i + 1;
    while (at + 1 < end && EXPECT_SKIP.has(tokens[at].lower)) at++;
    const next = tokens[at].lower;
    // "It should be better now": the writer expects their change to have helped.
    if (next === 'better' && (at + 1 >= end || tokens[at + 1].kind === Kind.Punct || EXPECT_TIME_WORDS.has(tokens[at + 1].lower) || tokens[at + 1].lower === 'now')) return true;
    // "shouldn't really be a problem": an expectation about a risk.
    if ((next === 'a' || next === 'an' || next === 'the' || next === 'any') && at + 1 < end && PROBLEM_WORDS.has(tokens[at + 1].lower)) return true;
    return next === 'the' ? at + 1 < end && tokens[at + 1].lower === 'case' : EXPECT_BE.has(next);
  }
  return false;
}
