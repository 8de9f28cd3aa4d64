/** One sentence at a time: its labels, whole-sentence shouting, terse labels, and the head of each clause. */

import { BOT_COMMANDS, isClauseBreak, W } from '../lexicon';
import { Kind, Token } from '../text';
import { clauseHead } from './clause-heads';
import { Context, Cue, CueKind } from './cue';
import { labelsOf } from './labels';
import { terseCues, withoutTrailingThanks } from './terse-labels';

export function sentenceCues(context: Context, index: number, push: (cue: Cue) => void): void {
  const { text, tokens } = context;
  const sentence = context.sentences[index];
  const { next: contentStart, labels } = labelsOf(context, index);
  const end = sentence.lastToken;

  if (labels.length > 0 && labels.includes('praise')) push({ kind: CueKind.Praise, start: sentence.start, end: tokens[contentStart - 1]?.end ?? sentence.start, sentence: index });
  if (labels.length > 0 && (labels.includes('optional') || labels.includes('non-blocking') || labels.includes('nonblocking'))) {
    push({ kind: CueKind.Optional, start: sentence.start, end: tokens[contentStart - 1]?.end ?? sentence.start, sentence: index, wide: true });
  }

  // Whole-sentence shouting ("PLEASE STOP ADDING THIS").
  let words = 0;
  let shouted = 0;
  let english = 0;
  for (let i = sentence.firstToken; i < end; i++) {
    const token = tokens[i];
    if (token.kind !== Kind.Word) continue;
    words++;
    if (token.end - token.start < 2 || !isShouted(text, token)) break;
    shouted++;
    if ((token.info?.flags ?? 0) & W.Shout) english++;
  }
  if (words >= 3 && shouted === words && english >= 2) {
    push({ kind: CueKind.Hostile, rule: 'rejection', start: sentence.start, end: sentence.end, sentence: index });
    return;
  }

  if (contentStart >= end || isBotCommand(tokens, contentStart, end)) return;
  // Terse labels and bare replacements are short by definition; longer sentences skip the check.
  if (end - contentStart <= 16) terseCues(context, index, contentStart, labels, push);

  // Clause heads: the sentence's first word after its labels, and the first word after a clause break.
  clauseHead(context, index, contentStart, true, push);
  for (let i = contentStart + 1; i < end; i++) {
    const token = tokens[i];
    if (token.kind === Kind.Punct) continue;
    const previous = tokens[i - 1];
    const startsClause =
      (previous.kind === Kind.Punct && isClauseBreak(previous.lower) && !closesCall(tokens, i - 1) && !closesAside(tokens, i - 1, contentStart) && !insideName(tokens, i - 1)) ||
      (token.kind === Kind.Word && ((token.info?.flags ?? 0) & W.ClauseWord) !== 0) ||
      (i - 2 === contentStart && tokens[i - 2].lower === '@' && tokens[i - 2].end === previous.start);
    if (startsClause) clauseHead(context, index, i, false, push);
  }
}

/**
 * "@ci-bot retest this please", "bors r+", "/retest": a command to a bot, read from the sentence's words
 * (past @mentions and a note in brackets, up to a sign-off), so emoji and punctuation around it don't matter.
 */
export function isBotCommand(tokens: readonly Token[], from: number, end: number): boolean {
  const last = withoutTrailingThanks(tokens, from, end);
  if (tokens[from].lower === '/' && from + 1 < last && tokens[from + 1].start === tokens[from].end) return last - from <= 4;
  const words: string[] = [];
  let brackets = 0;
  for (let i = from; i < last; i++) {
    const token = tokens[i];
    if (token.lower === '(') brackets++;
    else if (token.lower === ')') brackets--;
    if (token.kind !== Kind.Word || brackets > 0) continue;
    if (i > 0 && tokens[i - 1].lower === '@' && tokens[i - 1].end === token.start) continue;
    if (words.length === 3) return false;
    words.push(token.lower);
  }
  return words.length > 0 && BOT_COMMANDS.has(words.join('_'));
}

/** The ":" of "std::move" or "a:b", with no space on either side: part of a name, not a clause break. */
function insideName(tokens: readonly Token[], at: number): boolean {
  return at > 0 && at + 1 < tokens.length && tokens[at - 1].end === tokens[at].start && tokens[at].end === tokens[at + 1].start;
}

/** ")" of "foo()": the call's brackets, not an aside that ends a clause. */
function closesCall(tokens: readonly Token[], at: number): boolean {
  return tokens[at].lower === ')' && at > 0 && tokens[at - 1].lower === '(' && tokens[at - 1].end === tokens[at].start;
}

/**
 * ")" of an aside after a word: "the other examples (and the docs) keep the code bare". The clause
 * goes on past the brackets, so the word after them is no clause's first word.
 */
function closesAside(tokens: readonly Token[], at: number, first: number): boolean {
  if (tokens[at].lower !== ')') return false;
  for (let k = at - 1; k > first && k > at - 30; k--) {
    if (tokens[k].lower === ')') return false;
    if (tokens[k].lower === '(') return tokens[k - 1].kind === Kind.Word;
  }
  return false;
}

/** All capitals, with at least one letter; read without allocating. */
function isShouted(text: string, token: Token): boolean {
  let letters = 0;
  for (let i = token.start; i < token.end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x41 && code <= 0x5a) letters++;
    else if (code > 0x7f) {
      const char = text[i];
      if (char !== char.toUpperCase()) return false;
      if (char !== char.toLowerCase()) letters++;
    }
  }
  return letters > 0;
}
