/**
 * Reads off a phrase pattern's source the words a match of it can start with, so that the trigger
 * index (patterns.ts) cannot fall behind a new branch. A word is what the tokenizer makes of it:
 * letters and digits joined by inner "'", "-" or "." ("don't", "non-blocking"), or one punctuation
 * mark ("," or an emoji). It knows the shapes the patterns use before their first word ends: \b,
 * lookarounds, literals, escapes, small character classes, (?:…|…) groups and "?". Any other shape
 * there throws, at load time, rather than silently missing matches.
 */

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const JOINERS = "'-.";

/** One way of reading a branch: the word so far, and whether it is complete. */
interface Reading {
  readonly word: string;
  readonly done: boolean;
  /** A joiner read after the word; it belongs to the word only if a word character follows. */
  readonly joiner?: string;
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

/** Reads `source` from each open reading until every reading has its word. */
function read(source: string, readings: Reading[]): Reading[] {
  let i = 0;
  while (i < source.length && readings.some((reading) => !reading.done)) {
    const { atom, end } = atomAt(source, i);
    let next = end;
    const optional = source[next] === '?';
    if (optional) next++;
    else if (/[*+{]/.test(source[next] ?? '')) throw unsupported(source, next, 'a repetition');
    const open = readings.filter((reading) => !reading.done);
    let after: Reading[];
    switch (atom.kind) {
      case 'assertion':
        after = open;
        break;
      case 'boundary':
        // A leading \b; after a word, the word ends here.
        after = open.map((reading) => (reading.word === '' ? reading : { word: reading.word, done: true }));
        break;
      case 'group':
        after = topLevelBranches(atom.body).flatMap((alternative) => read(alternative, open));
        break;
      case 'chars':
        after = open.flatMap((reading) => atom.chars.map((char) => append(reading, char)));
        break;
    }
    readings = unique([...readings.filter((reading) => reading.done), ...after, ...(optional ? open : [])]);
    i = next;
  }
  return readings;
}

function atomAt(source: string, i: number): { atom: Atom; end: number } {
  const char = source[i];
  if (char === '\\') {
    const escaped = source[i + 1];
    if (escaped === 'b') return { atom: { kind: 'boundary' }, end: i + 2 };
    if (escaped === 'u') return { atom: { kind: 'chars', chars: [String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16))] }, end: i + 6 };
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
  if ('.^$|)?*+{'.includes(char)) throw unsupported(source, i, `"${char}"`);
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
    } else if (source[i] === '\\') {
      if (/[a-zA-Z0-9]/.test(source[i + 1])) throw unsupported(source, i, `\\${source[i + 1]}`);
      chars.push(source[++i]);
    } else chars.push(source[i]);
  }
  return chars;
}

function append(reading: Reading, char: string): Reading {
  const { word, joiner } = reading;
  const isWordChar = WORD_CHAR.test(char);
  // A punctuation mark is a word of its own; the high half of a surrogate pair waits for the low half.
  if (word === '') return isWordChar ? { word: char, done: false } : { word: char, done: !/[\uD800-\uDBFF]/.test(char) };
  if (!WORD_CHAR.test(word[0])) return { word: word + char, done: true };
  if (joiner !== undefined) return isWordChar ? { word: word + joiner + char, done: false } : { word, done: true };
  if (isWordChar) return { word: word + char, done: false };
  if (JOINERS.includes(char)) return { word, done: false, joiner: char };
  return { word, done: true };
}

function unique(readings: Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const reading of readings) seen.set(`${reading.done}\u0000${reading.joiner ?? ''}\u0000${reading.word}`, reading);
  return [...seen.values()];
}

function unsupported(source: string, at: number, what: string): Error {
  return new Error(`Cannot read the first words of /${source}/: ${what} at ${at}, before the first word ends`);
}
