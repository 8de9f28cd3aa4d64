/** Sentence labels: "nit:", "PS3:", "Line 42:", "suggestion (non-blocking):", "just a nit, but". */

import { AMBIGUOUS_VERBS, FINITE, LOCATION_LABELS, NIT_LEAD, NIT_WORDS, PREFIX_LABELS, VERBS } from '../lexicon';
import { Kind, Sentence } from '../text';
import type { Context } from './cue';

/** A sentence's labels and the token after them, computed once per sentence. */
export function labelsOf(context: Context, index: number): { next: number; labels: string[] } {
  const cache = (context.labelled ??= []);
  return (cache[index] ??= skipLabels(context, context.sentences[index]));
}

const NO_LABELS: string[] = [];
// Symbols, dingbats and the emoji planes, with the joiners and variation selectors that go with them.
const EMOJI = /^(?:[\u2190-\u2bff]|\u200d|\ufe0f|[\ud83c-\ud83e])/;

/** The label words at the start of a sentence. */
function skipLabels(context: Context, sentence: Sentence): { next: number; labels: string[] } {
  const { tokens } = context;
  let labels: string[] = NO_LABELS;
  let i = sentence.firstToken;
  const end = sentence.lastToken;
  // "💭 Drop the prefix", "⚠️ Don't …": an emoji that marks the kind of remark, as a label would.
  while (i + 1 < end && tokens[i].kind === Kind.Punct && EMOJI.test(tokens[i].lower)) i++;
  // Most sentences have no label: look for its ":" or " - " before doing any more work.
  let closer = false;
  for (let j = i; j < end && j - i < 12 && !closer; j++) closer = tokens[j].kind === Kind.Punct && (tokens[j].lower === ':' || tokens[j].lower === '-');
  for (let round = 0; closer && round < 3 && i < end; round++) {
    // A label is up to four words (or a bracketed decoration list) closed by ":" or " - ".
    let j = i;
    const words: string[] = [];
    while (j < end && j - i < 8) {
      const token = tokens[j];
      if (token.kind === Kind.Punct && (token.lower === ':' || (token.lower === '-' && words.length > 0 && j + 1 < end && tokens[j + 1].start > token.end))) break;
      if (token.kind === Kind.Punct && token.lower === '(') {
        while (j < end && tokens[j].lower !== ')') j++;
        j++;
        continue;
      }
      if (token.kind !== Kind.Word) {
        if (words.length > 0 && (token.lower === ',' || token.lower === '/' || token.lower === '.' || token.lower === '#')) {
          j++;
          continue;
        }
        j = end;
        break;
      }
      words.push(token.lower);
      j++;
    }
    if (j >= end || words.length === 0 || words.length > 4) break;
    const [head] = words;
    // "Move Issue: down one": a command whose object looks like a label.
    if (words.length > 1 && VERBS.has(head) && !AMBIGUOUS_VERBS.has(head)) break;
    const known =
      words.some((word) => PREFIX_LABELS.has(word)) ||
      LOCATION_LABELS.has(head.replace(/\d+$/, '')) ||
      (words.length === 1 && /^[a-z]+$/.test(head) && !VERBS.has(head) && !FINITE.has(head) && j + 1 < end);
    if (!known) break;
    labels = labels === NO_LABELS ? words : labels.concat(words);
    i = j + 1;
  }
  // "just a nit, but", "one nit:", "small nit -"
  let k = i;
  while (k < end && k - i < 4 && tokens[k].kind === Kind.Word && NIT_LEAD.has(tokens[k].lower)) k++;
  if (k < end && tokens[k].kind === Kind.Word && NIT_WORDS.has(tokens[k].lower)) {
    let m = k + 1;
    while (m < end && (tokens[m].lower === ',' || tokens[m].lower === ':' || tokens[m].lower === '-' || tokens[m].lower === 'but' || tokens[m].lower === 'here')) m++;
    if (m > k + 1 && m < end) {
      labels = labels === NO_LABELS ? [tokens[k].lower] : labels.concat(tokens[k].lower);
      i = m;
    }
  }
  return { next: i, labels };
}
