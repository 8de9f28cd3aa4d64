/** Words and sentences of a masked comment, with offsets into the original text. */

import { CODE_CHAR } from './mask';

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

// A word may hold inner apostrophes, hyphens and dots ("don't", "use-after-free", "foo.c"), but never
// starts with one, so the pattern cannot backtrack.
const TOKEN = new RegExp(`${CODE_CHAR}+|[\\p{L}\\p{N}_]+(?:['’\\-.][\\p{L}\\p{N}_]+)*|[^\\s\\p{L}\\p{N}_]`, 'gu');

/** For the ReDoS audit in the tests. */
export const TEXT_PATTERNS: readonly RegExp[] = [TOKEN];

export function tokenize(masked: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(masked); match; match = TOKEN.exec(masked)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    const kind = first === 0xe000 ? Kind.Code : isWordStart(first, raw) ? Kind.Word : Kind.Punct;
    let lower = kind === Kind.Word ? raw.toLowerCase() : raw;
    if (kind === Kind.Word && lower.includes('’')) lower = lower.replace(/’/g, "'");
    tokens.push({ start: match.index, end: match.index + raw.length, kind, lower });
  }
  return tokens;
}

function isWordStart(code: number, raw: string): boolean {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f) return true;
  return code > 0x7f && raw.length > 0 && /[\p{L}\p{N}]/u.test(raw[0]);
}

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
      const gap = lineBreaks(text, tokens[i - 1].end, token.start);
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
    while (last + 1 < tokens.length && tokens[last + 1].start === tokens[last].end && /^[.!?…)\]"'’”]$/.test(tokens[last + 1].lower)) {
      last++;
      if (tokens[last].lower === '?') question = true;
    }
    const after = tokens[last].end;
    const endsHere = after >= text.length || /\s/.test(text[after]);
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
  const first = text.charCodeAt(next.start);
  return first >= 0x41 && first <= 0x5a;
}
