/** Where a cue stands in its sentence: inside a condition, after a modal, and where its clause starts. */

import { CLOSED_CONDITIONS, FILLERS, isClauseBreak, POLITE_WORDS, RELATIVE_SUBJECTS, SUBORDINATORS } from '../lexicon';
import { Kind, Sentence, Token } from '../text';
import type { Context } from './cue';
import { labelsOf } from './labels';

/** Is the token inside a subordinate clause ("if you need to …", "because we must …")? */
export function subordinated(tokens: readonly Token[], sentence: Sentence, at: number): boolean {
  for (let i = at - 1, steps = 0; i >= sentence.firstToken && steps < 8; i--, steps++) {
    const word = tokens[i].lower;
    if (tokens[i].kind === Kind.Punct && (word === ',' || word === ';' || word === ':' || word === '(')) return false;
    if (SUBORDINATORS.has(word) || (word === 'case' && tokens[i - 1]?.lower === 'in') || (word === 'so' && tokens[i + 1]?.lower === 'that')) {
      // "if so, …", "if not you should …": the condition closes at once; what follows is the main clause.
      return !(word === 'if' && i + 1 < at && CLOSED_CONDITIONS.has(tokens[i + 1].lower));
    }
    // "a file that we'd have to parse": "that" between a noun and a subject opens a relative clause.
    if (word === 'that' && i > sentence.firstToken && i + 1 < tokens.length && RELATIVE_SUBJECTS.has(tokens[i + 1].lower) && tokens[i - 1].kind === Kind.Word) return true;
  }
  return false;
}

/** Is a verdict conditional ("would be wrong") or negated earlier in its clause? */
export function conditionalBefore(tokens: readonly Token[], sentence: Sentence, at: number): boolean {
  for (let i = at - 1, steps = 0; i >= sentence.firstToken && steps < 6; i--, steps++) {
    const word = tokens[i].lower;
    if (tokens[i].kind === Kind.Punct && (word === ',' || word === ';' || word === ':')) return false;
    if (word === 'would' || word === 'might' || word === 'could' || word === 'may' || word.endsWith("'d") || word === 'if') return true;
  }
  return false;
}

/** Where the clause around a token starts, after any labels and fillers: the start of a rewrite. */
export function clauseStartBefore(context: Context, index: number, at: number): number {
  const { tokens } = context;
  const sentence = context.sentences[index];
  const { next: contentStart } = labelsOf(context, index);
  let i = Math.min(at, sentence.lastToken - 1);
  // Bounded, so that a run of cues in one endless sentence costs linear time.
  const floor = Math.max(contentStart, at - 40);
  while (i > floor && !(tokens[i - 1].kind === Kind.Punct && isClauseBreak(tokens[i - 1].lower))) i--;
  while (i < at && FILLERS.has(tokens[i].lower) && !POLITE_WORDS.has(tokens[i].lower)) i++;
  return tokens[Math.max(i, sentence.firstToken)].start;
}
