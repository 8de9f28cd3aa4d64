/** Verdict words in statements ("This is wrong."), found word by word where the phrase patterns miss them. */

import { NEGATING_VERDICT, W } from '../lexicon';
import { Context, Cue, CueKind } from './cue';
import { clauseStartBefore, conditionalBefore, subordinated } from './context-checks';

export function verdictWordCues(context: Context, cues: Cue[]): void {
  const { tokens, sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    if (sentence.question) continue;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      const token = tokens[i];
      if (!((token.info?.flags ?? 0) & W.Verdict)) continue;
      const previous = i > sentence.firstToken ? tokens[i - 1].lower : '';
      if (NEGATING_VERDICT.has(previous) || previous.endsWith("n't") || (previous === 'too' && token.lower === 'bad')) continue;
      if (conditionalBefore(tokens, sentence, i) || subordinated(tokens, sentence, i)) continue;
      cues.push({ kind: CueKind.Judgement, rule: 'verdict', start: token.start, end: token.end, sentence: s, from: clauseStartBefore(context, s, i) });
    }
  }
}
