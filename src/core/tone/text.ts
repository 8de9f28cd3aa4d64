/** Words and sentences of a masked comment, with offsets into the original text. */

import { HASH_SEED, hashStep, wordInfo, wordInfoByHash, WordInfo } from './lexicon';

export const enum Kind {
  Word,
  Code,
  Punct,
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
  /** Lower-cased, with typographic apostrophes made straight ("don’t" → "don't"). */
  readonly lower: string;
  /** What the lexicon knows about the word (flags, pattern triggers), looked up once. */
  readonly info: WordInfo | undefined;
  /** The word holds an inner "-", "." or "'" ("non-blocking", "lgtm.thanks", "don't"). */
  readonly joined: boolean;
}

export interface Sentence {
  readonly start: number;
  /** After the closing punctuation, if any. */
  readonly end: number;
  readonly firstToken: number;
  /** Exclusive. */
  readonly lastToken: number;
  readonly question: boolean;
  readonly paragraph: number;
}

/**
 * Words, code runs and single punctuation marks. A word is letters, digits and "_", and may hold inner
 * apostrophes, hyphens and dots ("don't", "use-after-free", "foo.c"). Read by hand, one pass, no
 * match objects: this runs on every keystroke in a comment box.
 */
export function tokenize(masked: string): Token[] {
  const tokens: Token[] = [];
  const length = masked.length;
  let i = 0;
  while (i < length) {
    const code = masked.charCodeAt(i);
    if (code === 0x20 || isSpace(code)) {
      i++;
      continue;
    }
    const start = i;
    if (code === 0xe000) {
      while (i < length && masked.charCodeAt(i) === 0xe000) i++;
      tokens.push({ start, end: i, kind: Kind.Code, lower: '', info: undefined, joined: false });
      continue;
    }
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || (code > 0x7f && isWordChar(masked, i))) {
      let plain = true; // ASCII lower case, digits and "_" only: no need to lower-case
      let ascii = true; // then `hash` is the lower-cased word's
      let joined = false;
      let curly = false; // holds a typographic apostrophe
      let hash = HASH_SEED;
      while (i < length) {
        const c = masked.charCodeAt(i);
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) {
          hash = hashStep(hash, c);
          i++;
        } else if (c >= 0x41 && c <= 0x5a) {
          plain = false;
          hash = hashStep(hash, c | 0x20);
          i++;
        } else if (c > 0x7f && isWordChar(masked, i)) {
          plain = ascii = false;
          i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        } else if ((c === 0x27 || c === 0x2d || c === 0x2e || c === 0x2019) && i + 1 < length && isWordChar(masked, i + 1)) {
          if (c === 0x2019) {
            plain = false;
            curly = true;
          }
          hash = hashStep(hash, c === 0x2019 ? 0x27 : c);
          joined = true;
          i++;
        } else break;
      }
      const raw = masked.slice(start, i);
      const lower = plain ? raw : curly ? raw.toLowerCase().replace(/\u2019/g, "'") : raw.toLowerCase();
      tokens.push({ start, end: i, kind: Kind.Word, lower, info: ascii ? wordInfoByHash(lower, hash) : wordInfo(lower), joined });
      continue;
    }
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
    const lower = masked.slice(start, i);
    // Only a few marks mean anything to the lexicon (",", ":", "+", emoji); skip the lookup for the rest.
    const known = code === 0x2c || code === 0x3a || code === 0x2b || code > 0x7f;
    tokens.push({ start, end: i, kind: Kind.Punct, lower, info: known ? wordInfo(lower) : undefined, joined: false });
  }
  return tokens;
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const LETTER = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  if (code === 0xe000) return false;
  if (code >= 0xd800 && code <= 0xdbff) return LETTER.test(text.slice(i, i + 2));
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  return LETTER.test(text[i]);
}

// Marks that close a sentence together with the one before them: "??", "?!", "...", ".)", '."'.
const CLOSING_MARKS = new Set(['.', '!', '?', '…', ')', ']', '"', "'", '’', '”']);

// Words after which a full stop does not end the sentence.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'cf', 'approx', 'resp', 'mr', 'mrs', 'dr', 'fig', 'nr', 'incl', 'esp', 'viz', 'al']);

/**
 * Sentences end at ".", "!" or "?" before a space, at a blank line, and at a line break that is not
 * a soft wrap: after a short line, or before a list item or a capital letter.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let first = 0;
  const close = (last: number, question: boolean) => {
    if (last > first) {
      sentences.push({ start: tokens[first].start, end: tokens[last - 1].end, firstToken: first, lastToken: last, question, paragraph });
    }
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (i > first) {
      const previousEnd = tokens[i - 1].end;
      // Fast path: one space (or none) between the two tokens holds no line break.
      const gap = token.start - previousEnd <= 1 && text.charCodeAt(previousEnd) !== 0x0a ? 0 : lineBreaks(text, previousEnd, token.start);
      if (gap >= 2) {
        close(i, false);
        paragraph++;
      } else if (gap === 1 && hardBreak(text, tokens[i - 1].end, token)) {
        close(i, false);
      }
    }
    if (token.kind !== Kind.Punct) continue;
    const char = token.lower;
    if (char !== '.' && char !== '!' && char !== '?' && char !== '…') continue;
    // Take a run of closing punctuation: "??", "?!", "...", and a closing bracket or quote.
    let last = i;
    let question = char === '?';
    while (last + 1 < tokens.length && tokens[last + 1].start === tokens[last].end && CLOSING_MARKS.has(tokens[last + 1].lower)) {
      last++;
      if (tokens[last].lower === '?') question = true;
    }
    const after = tokens[last].end;
    const endsHere = after >= text.length || isSpace(text.charCodeAt(after));
    if (!endsHere) {
      i = last;
      continue;
    }
    if (char === '.' && i > first && last === i) {
      const previous = tokens[i - 1];
      if (previous.end === token.start && previous.kind === Kind.Word && ABBREVIATIONS.has(previous.lower)) continue;
    }
    close(last + 1, question);
    i = last;
  }
  close(tokens.length, false);
  return sentences;
}

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  let blankSinceBreak = true;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x0a) {
      count++;
      if (count >= 2 && blankSinceBreak) return 2;
      blankSinceBreak = true;
    } else if (char !== 0x20 && char !== 0x09 && char !== 0x0d) {
      blankSinceBreak = false;
    }
  }
  return count;
}

function hardBreak(text: string, previousEnd: number, next: Token): boolean {
  const lineStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
  if (previousEnd - lineStart < 60) return true;
  if (next.kind !== Kind.Word) return next.lower === '-' || next.lower === '*' || next.lower === '+';
  // "2. …" or "2) …" opens a list item, which is never the rest of the line above.
  if (/^\d{1,3}$/.test(next.lower) && (text[next.end] === '.' || text[next.end] === ')')) return true;
  const first = text.charCodeAt(next.start);
  return first >= 0x41 && first <= 0x5a;
}

/**
 * Binary search over sorted, non-overlapping spans (tokens, sentences): the index of the span that holds
 * `offset`, or, when none does, the index of the first span after it.
 */
export function spanAt(spans: readonly { readonly start: number; readonly end: number }[], offset: number): { index: number; inside: boolean } {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else if (spans[mid].start > offset) high = mid - 1;
    else return { index: mid, inside: true };
  }
  return { index: low, inside: false };
}
