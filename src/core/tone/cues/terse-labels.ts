/** Terse labels ("whitespace damage", "nit: const"), bare replacements ("a -> b", "X instead of Y") and bare keywords. */

import {
  AMBIGUOUS_VERBS,
  APOLOGY_WORDS,
  APPROVAL_WORDS,
  DEFECT_LABELS,
  KEYWORD_ONLY,
  MINOR_LABELS,
  NO_EXCEPT,
  PINGS,
  PLACE_PREPOSITIONS,
  REPEAT_WORDS,
  SELF_SLIPS,
  SIGN_OFF_WORDS,
  TOOL_OUTPUT_LABELS,
  VERBS,
  W,
  WH_WORDS,
} from '../lexicon';
import { Kind, Token } from '../text';
import { Context, Cue, CueKind } from './cue';

// A contracted verb ("it's", "they're"): the phrase has its verb, so it is no label.
const CONTRACTION = /'(?:re|s|m|ve|ll|d)$|n't$/;

export function terseCues(context: Context, index: number, contentStart: number, labels: string[], push: (cue: Cue) => void): void {
  const { tokens } = context;
  const sentence = context.sentences[index];
  const end = withoutTrailingThanks(tokens, contentStart, sentence.lastToken);
  let words = 0;
  let codes = 0;
  let verbs = 0;
  let defect = false;
  let ack = false;
  let arrowAt = -1;
  let insteadAt = -1;
  // Words before a place that follows the defect ("stray semicolon | at the end of the line").
  let beforePlace = -1;
  for (let i = contentStart; i < end; i++) {
    const token = tokens[i];
    if (token.kind === Kind.Code) {
      codes++;
      continue;
    }
    if (token.kind === Kind.Punct) {
      const arrow =
        (token.lower === '-' || token.lower === '=') && i + 1 < end && tokens[i + 1].lower === '>' && tokens[i + 1].start === token.end;
      if ((arrow || token.lower === '→') && arrowAt < 0) {
        const before = context.text[token.start - 1];
        const after = context.text[(arrow ? tokens[i + 1].end : token.end)];
        if ((before === ' ' || before === '\t') && (after === ' ' || after === '\t')) arrowAt = i;
      }
      continue;
    }
    words++;
    const word = token.lower;
    // "Sorry for the noise", "made a mistake, sorry!": the writer owns the slip; no label for the author.
    if (APOLOGY_WORDS.has(word)) return;
    const flags = token.info?.flags ?? 0;
    if (flags & (W.Finite | W.Subject) || (token.joined && word.includes("'") && CONTRACTION.test(word))) verbs++;
    // A verb rules out a terse label or a bare replacement; only a question still needs the rest (for an arrow).
    if (verbs > 0 && !sentence.question) return;
    if (defect && beforePlace < 0 && PLACE_PREPOSITIONS.has(word)) beforePlace = words - 1;
    if (flags & (W.Defect | W.Verdict)) defect = true;
    if (flags & (W.Ack | W.Praise)) ack = true;
    // "complains about", "added to": an -s or -ed word before a determiner or preposition is a verb.
    // ("No underscores in node names": after a leading "no" the word is a noun.)
    const afterNo = i === contentStart + 1 && tokens[contentStart].lower === 'no';
    if (i > contentStart && i + 1 < end && !afterNo && (word.endsWith('ed') || (word.endsWith('s') && !word.endsWith('ss'))) && (tokens[i + 1].info?.flags ?? 0) & W.ObjectStart) {
      if (!sentence.question) return;
      verbs++;
    }
    if (word === 'instead' && i + 1 < end && tokens[i + 1].lower === 'of') insteadAt = i;
  }
  const first = tokens[contentStart];
  const start = first.start;
  const last = tokens[end - 1];
  const endOffset = (last.lower === '.' || last.lower === '!') && end - 1 > contentStart ? tokens[end - 2].end : last.end;
  if (sentence.question) {
    if (arrowAt >= 0 || (words + codes >= 1 && words + codes <= 3 && verbs === 0 && !WH_WORDS.has(first.lower) && !PINGS.has(first.lower))) push({ kind: CueKind.Option, start, end: endOffset, sentence: index });
    return;
  }
  if (arrowAt >= 0 && arrowAt - contentStart <= 6 && end - arrowAt <= 8 && verbs === 0) {
    push({ kind: CueKind.Judgement, rule: 'replacement', start, end: endOffset, sentence: index, from: start });
    return;
  }
  const noThing = first.lower === 'no' && words >= 2 && words + codes <= 5 && !NO_EXCEPT.has(tokens[contentStart + 1]?.lower ?? '');
  if (verbs > 0 || (ack && !noThing)) return;
  if (insteadAt >= 0 && words + codes <= 10 && !VERBS.has(first.lower)) {
    push({ kind: CueKind.Judgement, rule: 'replacement', start, end: endOffset, sentence: index, from: start });
    return;
  }
  if (noThing) defect = true;
  if (defect) for (let k = contentStart; k + 1 < end; k++) if (tokens[k].lower === 'my' && tokens[k + 1].lower === 'bad') return;
  // "whoops wrong repo", "oops, wrong branch": the speaker's own slip.
  if (defect && SELF_SLIPS.has(first.lower)) return;
  const labelHint = labels.some((label) => MINOR_LABELS.has(label));
  const firstIsCommand = VERBS.has(first.lower) && !AMBIGUOUS_VERBS.has(first.lower);
  if (firstIsCommand) return;
  // "WARNING: modpost: missing …": a tool's output, pasted as evidence, names no defect of the reviewer's.
  if (labels.includes('praise') || labels.some((label) => TOOL_OUTPUT_LABELS.has(label))) return;
  for (let k = contentStart; k < end; k++) if (APPROVAL_WORDS.has(tokens[k].lower)) return;
  const labelWords = beforePlace >= 0 && words + codes <= 10 ? beforePlace : words + codes;
  if ((defect && labelWords <= 5) || (labelHint && words + codes <= 4 && words + codes > 0 && !REPEAT_WORDS.has(first.lower))) {
    // "typo: …" names the defect in its label, so the label is part of what a rewrite replaces; "nit: …" does not.
    const labelIsDefect = !defect && labels.some((label) => DEFECT_LABELS.has(label));
    push({ kind: CueKind.Judgement, rule: 'defect-label', start: labelHint && !defect ? sentence.start : start, end: endOffset, sentence: index, from: labelIsDefect ? sentence.start : start });
    return;
  }
  if (labels.length === 0 && words === 1 && codes === 0 && end - contentStart <= 2 && KEYWORD_ONLY.has(first.lower) && context.sentences.length === 1) {
    push({ kind: CueKind.Judgement, rule: 'defect-label', start, end: endOffset, sentence: index, from: start });
  }
}

/** "spurious blank line Thanks!": a sign-off that ends the sentence is not part of the label. */
export function withoutTrailingThanks(tokens: readonly Token[], first: number, end: number): number {
  let last = end;
  while (last > first && (tokens[last - 1].lower === '.' || tokens[last - 1].lower === '!')) last--;
  let cut = last;
  if (cut - 1 > first && SIGN_OFF_WORDS.has(tokens[cut - 1].lower)) cut--;
  else if (cut - 2 > first && tokens[cut - 2].lower === 'thank' && tokens[cut - 1].lower === 'you') cut -= 2;
  if (cut === last) return end;
  while (cut > first && (tokens[cut - 1].lower === ',' || tokens[cut - 1].lower === ';' || tokens[cut - 1].lower === '-')) cut--;
  return cut > first ? cut : end;
}
