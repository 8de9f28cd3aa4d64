/**
 * Reads off a phrase pattern's source the words a match of it can start with, so that the trigger
 * index (patterns.ts) cannot fall behind a new branch. A word is what the tokenizer makes of it:
 * letters and digits joined by inner "'", "-" or "." ("don't", "non-blocking"), or one punctuation
 * mark ("," or an emoji). It knows the shapes the patterns use before their first word ends: \b,
 * lookarounds, literals, escapes, small character classes, (?:…|…) groups and "?". Any other shape
 * there throws, at load time, rather than silently missing matches. Read on to the second word, a shape it
 * can't follow leaves the first word unfiltered instead.
 *
 * The patterns have no `u` flag, so their \b knows only ASCII word characters, while a token keeps any
 * letter: a match can end inside a token ("should" in "should使用"). The trigger index allows for that.
 */

import type { NextWords } from '../lexicon';

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const JOINERS = "'-.";
const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r' };

/** One way of reading a branch: the word so far, and whether it is complete. */
interface Reading {
  readonly word: string;
  readonly done: boolean;
  /** A joiner read after the word; it belongs to the word only if a word character follows. */
  readonly joiner?: string;
  /** When reading on to the second word: the first, complete. */
  readonly first?: string;
}

/** Every word a match of `pattern` can start with, in the order the branches give them. */
export function triggerWords(pattern: RegExp): string[] {
  const words = new Set<string>();
  for (const branch of topLevelBranches(pattern.source)) {
    for (const { word } of read(branch, [{ word: '', done: false }])) {
      // Where the branch ends, so does its word (a pending joiner joins nothing).
      if (word === '') throw new Error(`No first word in /${branch}/`);
      words.add(word);
    }
  }
  return [...words];
}

/**
 * For each word a match of `pattern` can start with, the words that can come next, or undefined where a
 * match can end after the first word or the next word can't be listed. A necessary condition only: the
 * pattern still decides.
 */
export function triggerPairs(pattern: RegExp): Map<string, NextWords | undefined> {
  const pairs = new Map<string, { closed: Set<string>; open: string[] } | undefined>();
  const unlisted = (word: string) => pairs.set(word, undefined);
  for (const branch of topLevelBranches(pattern.source)) {
    let readings: Reading[];
    try {
      readings = read(branch, [{ word: '', done: false }], true);
    } catch {
      for (const { word } of read(branch, [{ word: '', done: false }])) unlisted(word);
      continue;
    }
    for (const { first, word, done } of readings) {
      // No first word yet means the branch ended on it: a match can stop after the first word.
      if (first === undefined) {
        unlisted(word);
        continue;
      }
      if (word === '') {
        unlisted(first);
        continue;
      }
      if (!pairs.has(first)) pairs.set(first, { closed: new Set(), open: [] });
      const entry = pairs.get(first);
      if (!entry) continue;
      // A second word the branch ends in may go on in the text ("prefer" in "preferred").
      if (!done) entry.open.push(word);
      else entry.closed.add(word);
    }
  }
  return pairs;
}

/** The top-level alternatives of a regular expression source. */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

type Atom =
  | { readonly kind: 'chars'; readonly chars: readonly string[] }
  | { readonly kind: 'group'; readonly body: string }
  | { readonly kind: 'boundary' }
  | { readonly kind: 'assertion' };

/**
 * Reads `source` from each open reading until every reading has its word; with `second`, on past the
 * first word and the spaces after it to the end of the second.
 */
function read(source: string, readings: Reading[], second = false): Reading[] {
  let i = 0;
  while (i < source.length && readings.some((reading) => !reading.done)) {
    const { atom, end } = atomAt(source, i);
    let next = end;
    const optional = source[next] === '?';
    if (optional) next++;
    else if (/[*+{]/.test(source[next] ?? '')) {
      // A repeated run of marks after a second word ("better[ \t]*") ends it if it takes a mark; if it may
      // take none ("*", "{0,…}"), the word may also go on with what follows.
      const ending = second && atom.kind === 'chars' && atom.chars.every((char) => !WORD_CHAR.test(char));
      if (!ending || readings.some((reading) => !reading.done && (reading.first === undefined || reading.word === ''))) throw unsupported(source, next, 'a repetition');
      const quantifier = /^(?:\*|\+|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(next));
      if (!quantifier) throw unsupported(source, next, 'a repetition');
      const mayBeEmpty = quantifier[0][0] === '*' || quantifier[1] === '0';
      const open = readings.filter((reading) => !reading.done);
      const ended = open.map((reading) => ({ word: reading.word, first: reading.first, done: true }));
      readings = unique([...readings.filter((reading) => reading.done), ...ended, ...(mayBeEmpty ? open : [])]);
      i = next + quantifier[0].length;
      continue;
    }
    const open = readings.filter((reading) => !reading.done);
    let after: Reading[];
    switch (atom.kind) {
      case 'assertion':
        after = open;
        break;
      case 'boundary':
        // A leading \b; after a word, the word ends here.
        after = open.map((reading) => (reading.word === '' ? reading : finish(reading, second)));
        break;
      case 'group':
        after = topLevelBranches(atom.body).flatMap((alternative) => read(alternative, open, second));
        break;
      case 'chars':
        after = open.flatMap((reading) => atom.chars.map((char) => append(reading, char, second)));
        break;
    }
    readings = unique([...readings.filter((reading) => reading.done), ...after, ...(optional ? open : [])]);
    i = next;
  }
  return readings;
}

/** A word is complete: the reading is done, or, reading on, the first word is kept and the second begins. */
function finish(reading: Reading, second: boolean): Reading {
  if (!second || reading.first !== undefined) return { word: reading.word, first: reading.first, done: true };
  return { word: '', first: reading.word, done: false };
}

function atomAt(source: string, i: number): { atom: Atom; end: number } {
  const char = source[i];
  if (char === '\\') {
    const escaped = source[i + 1];
    if (escaped === 'b') return { atom: { kind: 'boundary' }, end: i + 2 };
    if (escaped === 'u') return { atom: { kind: 'chars', chars: [String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16))] }, end: i + 6 };
    if (escaped in CONTROL_ESCAPES) return { atom: { kind: 'chars', chars: [CONTROL_ESCAPES[escaped]] }, end: i + 2 };
    if (/[a-zA-Z0-9]/.test(escaped)) throw unsupported(source, i, `\\${escaped}`);
    return { atom: { kind: 'chars', chars: [escaped] }, end: i + 2 };
  }
  if (char === '(') {
    const close = closingParenthesis(source, i);
    const body = source.slice(i + 1, close);
    if (/^\?<?[=!]/.test(body)) return { atom: { kind: 'assertion' }, end: close + 1 };
    return { atom: { kind: 'group', body: body.startsWith('?:') ? body.slice(2) : body }, end: close + 1 };
  }
  if (char === '[') {
    const close = source.indexOf(']', i);
    return { atom: { kind: 'chars', chars: classChars(source, i + 1, close) }, end: close + 1 };
  }
  // The end of a line ends a word, as \b does.
  if (char === '$') return { atom: { kind: 'boundary' }, end: i + 1 };
  if ('.^|)?*+{'.includes(char)) throw unsupported(source, i, `"${char}"`);
  return { atom: { kind: 'chars', chars: [char] }, end: i + 1 };
}

function closingParenthesis(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  throw unsupported(source, open, 'an unclosed group');
}

/** The characters of a class like [\uDC4D\uDE4F] or [?!]; ranges and negations are too many words to list. */
function classChars(source: string, from: number, to: number): string[] {
  const chars: string[] = [];
  for (let i = from; i < to; i++) {
    if (source[i] === '^' || source[i] === '-') throw unsupported(source, i, 'a character range or negation');
    if (source[i] === '\\' && source[i + 1] === 'u') {
      chars.push(String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)));
      i += 5;
    } else if (source[i] === '\\' && source[i + 1] in CONTROL_ESCAPES) {
      chars.push(CONTROL_ESCAPES[source[++i]]);
    } else if (source[i] === '\\') {
      if (/[a-zA-Z0-9]/.test(source[i + 1])) throw unsupported(source, i, `\\${source[i + 1]}`);
      chars.push(source[++i]);
    } else chars.push(source[i]);
  }
  return chars;
}

function append(reading: Reading, char: string, second = false): Reading {
  const { word, joiner, first } = reading;
  // Spaces and line breaks between the first word and the second: no token.
  if (second && first !== undefined && word === '' && /\s/.test(char)) return reading;
  const isWordChar = WORD_CHAR.test(char);
  const done = (value: string): Reading => finish({ word: value, first, done: false }, second);
  // A punctuation mark is a word of its own; the high half of a surrogate pair waits for the low half.
  if (word === '') return isWordChar ? { word: char, first, done: false } : /[\uD800-\uDBFF]/.test(char) ? { word: char, first, done: false } : done(char);
  if (!WORD_CHAR.test(word[0])) return done(word + char);
  // A joiner before a mark ("vs." before a space) is a mark of its own to the tokenizer: the next word, when reading on.
  if (joiner !== undefined) return isWordChar ? { word: word + joiner + char, first, done: false } : appendAfter(appendAfter(done(word), joiner, second), char, second);
  if (isWordChar) return { word: word + char, first, done: false };
  if (JOINERS.includes(char)) return { word, first, done: false, joiner: char };
  return appendAfter(done(word), char, second);
}

/** The character that ended a word may begin the next one, when reading on ("," in "thoughts," is a word). */
function appendAfter(reading: Reading, char: string, second: boolean): Reading {
  return reading.done || /\s/.test(char) ? reading : append(reading, char, second);
}

function unique(readings: Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const reading of readings) seen.set(`${reading.done}\u0000${reading.joiner ?? ''}\u0000${reading.first ?? ''}\u0000${reading.word}`, reading);
  return [...seen.values()];
}

function unsupported(source: string, at: number, what: string): Error {
  return new Error(`Cannot read the first words of /${source}/: ${what} at ${at}, before the first word ends`);
}
