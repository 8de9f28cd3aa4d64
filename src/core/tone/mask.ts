/**
 * Hides what the tone check must not judge: fenced code, inline code, quoted lines, URLs, e-mail
 * addresses and a mail signature. Every hidden character is replaced one for one, so offsets into the
 * masked text are offsets into the original. Newlines are kept, so line and paragraph breaks survive.
 */

/** Inline code becomes a run of this character: the tokenizer reads it as one "code" word. */
const CODE_CHAR = '\uE000';
const CODE = 0xe000;
const SPACE = 0x20;

// Each pattern starts with a literal, so a scan costs one pass whatever the input.
const URL = /\b(?:https?|ftp|file):\/\/[^\s<>"'`]*|\bwww\.[^\s<>"'`]+/gi;
const QUOTE_LINE = /^ {0,3}>/m;
const GREETING_WORDS = new Set(['hi', 'hey', 'hello', 'heya', 'hiya', 'dear', 'howdy']);

const enum Mark {
  Backtick = 1,
  Tilde = 2,
  Dash = 4,
  Gt = 8,
  Colon = 16,
  /** A "w": "www." may follow. */
  Www = 32,
  At = 64,
  DoubleQuote = 128,
  Paren = 256,
  Newline = 512,
}

// The bit each ASCII character sets in the first pass of maskIgnored.
const MARK_BIT = new Uint16Array(128);
MARK_BIT[0x60] = Mark.Backtick;
MARK_BIT[0x7e] = Mark.Tilde;
MARK_BIT[0x2d] = Mark.Dash;
MARK_BIT[0x3e] = Mark.Gt;
MARK_BIT[0x3a] = Mark.Colon;
MARK_BIT[0x77] = MARK_BIT[0x57] = Mark.Www;
MARK_BIT[0x40] = Mark.At;
MARK_BIT[0x22] = Mark.DoubleQuote;
MARK_BIT[0x28] = Mark.Paren;
MARK_BIT[0x0a] = Mark.Newline;

/** For the ReDoS audit in the tests. */
export const MASK_PATTERNS: readonly RegExp[] = [URL, QUOTE_LINE];

export function maskIgnored(text: string): string {
  // One pass notes which marks occur; only then are the longer markers looked for. A dozen and more native
  // searches per comment cost more than the whole pass.
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) seen |= MARK_BIT[code];
    else if (code === 0x201c) seen |= Mark.DoubleQuote;
  }
  const hasBacktick = (seen & Mark.Backtick) !== 0;
  const hasTilde = (seen & Mark.Tilde) !== 0;
  const hasFence = (hasBacktick && text.includes('```')) || (hasTilde && text.includes('~~~'));
  const hasSignature = (seen & Mark.Dash) !== 0 && (text.startsWith('-- \n') || text.includes('\n-- \n'));
  const hasQuote = (seen & Mark.Gt) !== 0 && QUOTE_LINE.test(text);
  const hasUrl = ((seen & Mark.Colon) !== 0 && text.includes('://')) || ((seen & Mark.Www) !== 0 && text.includes('www.'));
  const hasAt = (seen & Mark.At) !== 0;
  const greeting = greetingEnd(text);
  const hasDoubleQuote = (seen & Mark.DoubleQuote) !== 0;
  const hasStrike = hasTilde && text.includes('~~');
  const hasParen = (seen & Mark.Paren) !== 0 && text.includes(' (');
  // Review tools that post by mail or API (Reviewable) quote the earlier comment in HTML.
  const hasHtmlQuote = (seen & Mark.Gt) !== 0 && text.includes('<blockquote');
  const hasIndent =
    ((seen & Mark.Newline) !== 0 && (text.includes('\n\t') || text.includes('\n    '))) || ((seen & Mark.Dash) !== 0 && text.includes('diff --git ')) || (hasAt && text.includes('@@ '));
  if (!hasBacktick && !hasFence && !hasQuote && !hasUrl && !hasAt && !hasSignature && greeting === 0 && !hasIndent && !hasDoubleQuote && !hasStrike && !hasParen && !hasHtmlQuote) return text;

  // What to hide, as (start, end, fill) triples; the masked text is built once at the end.
  const ranges: number[] = [];
  const hide = (from: number, to: number, fill = SPACE) => {
    if (to > from) ranges.push(from, to, fill);
  };
  if (hasFence || hasQuote || hasSignature || hasIndent) maskLines(text, hide);
  if (hasBacktick) maskInlineCode(text, ranges.slice(), hide);
  if (hasDoubleQuote) maskQuotedStrings(text, ranges.slice(), hide);
  if (hasStrike) maskStruckOut(text, hide);
  if (hasParen) maskCommitSubjects(text, hide);
  if (hasUrl) {
    URL.lastIndex = 0;
    for (let match = URL.exec(text); match; match = URL.exec(text)) {
      let end = match.index + match[0].length;
      // A sentence's full stop or a closing bracket after a link is not part of it.
      while (end > match.index && ',.;:!?)]'.includes(text[end - 1])) end--;
      hide(match.index, end);
    }
  }
  if (hasAt) {
    maskEmails(text, hide);
    maskBotCommands(text, hide);
  }
  if (hasHtmlQuote) maskHtmlQuotes(text, hide);
  if (greeting > 0) hide(0, greeting);
  return ranges.length === 0 ? text : build(text, ranges);
}

/**
 * "@boegelbot please test @ jsc-zen3", "@dependabot rebase": a line addressed to a bot is a command to a
 * program, worded for it; no person is told anything. A greeting or other names may come first. Read by
 * hand: a pattern with a repeated group of names would backtrack.
 */
function maskBotCommands(text: string, hide: (from: number, to: number) => void): void {
  // Only the lines that hold an "@".
  for (let at = text.indexOf('@'); at >= 0; ) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    at = text.indexOf('@', lineEnd);
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const greeting = /^(?:hi|hey|hello|dear)\b[^\n,]{0,30},/i.exec(text.slice(i, Math.min(lineEnd, i + 40)));
    if (greeting) i += greeting[0].length;
    for (;;) {
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] !== '@') break;
      let end = i + 1;
      while (end < lineEnd && /[\w-]/.test(text[end])) end++;
      if (/bot$/i.test(text.slice(i + 1, end))) {
        hide(i, lineEnd);
        break;
      }
      i = end;
      if (text[i] === ',' || text[i] === ':') i++;
    }
  }
}

/** Each `<blockquote …>…</blockquote>`, nested ones inside it, or to the end when it is never closed: the words of someone else. */
function maskHtmlQuotes(text: string, hide: (from: number, to: number) => void): void {
  const tag = /<(\/?)blockquote\b[^>]*>/gi;
  let depth = 0;
  let from = 0;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    if (match[1] === '') {
      if (depth++ === 0) from = match.index;
    } else if (depth > 0 && --depth === 0) hide(from, match.index + match[0].length);
  }
  if (depth > 0) hide(from, text.length);
}

/** The text with each range replaced, character for character, by its fill; line breaks stay. */
function build(text: string, ranges: number[]): string {
  let order: number[] | undefined;
  for (let i = 3; i < ranges.length; i += 3) {
    if (ranges[i] >= ranges[i - 3]) continue;
    order = [];
    for (let k = 0; k < ranges.length; k += 3) order.push(k);
    order.sort((a, b) => ranges[a] - ranges[b]);
    break;
  }
  // Pieces joined once: a string built with "+=" is a rope, and every later character read walks it.
  const pieces: string[] = [];
  let at = 0;
  for (let n = 0; n < ranges.length; n += 3) {
    const i = order ? order[n / 3] : n;
    const from = Math.max(ranges[i], at);
    let to = ranges[i + 1];
    if (to <= from) continue;
    const fill = ranges[i + 2];
    // Hidden lines one after another (a quoted mail) become one piece: the line breaks between them stay.
    for (let next = n + 3; next < ranges.length; next += 3) {
      const j = order ? order[next / 3] : next;
      if (ranges[j + 2] !== fill || ranges[j] > to + 1 || (ranges[j] === to + 1 && text.charCodeAt(to) !== 0x0a)) break;
      to = Math.max(to, ranges[j + 1]);
      n = next;
    }
    pieces.push(text.slice(at, from), filled(text, from, to, fill === CODE ? CODE_CHAR : ' '));
    at = to;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** `char` repeated over text[from, to), with the line breaks kept where they are; reads only that range. */
function filled(text: string, from: number, to: number, char: string): string {
  const piece = text.slice(from, to);
  if (!piece.includes('\n')) return char.repeat(to - from);
  return piece
    .split('\n')
    .map((line) => char.repeat(line.length))
    .join('\n');
}

/** Fenced blocks (until the closing fence or the end), quoted lines, and everything after a "-- " signature line. */
function maskLines(text: string, blank: (from: number, to: number) => void): void {
  let fence = 0; // the fence's character code while inside a block
  let fenceLength = 0;
  let lineStart = 0;
  let previousIndented = false;
  let inDiff = false;
  // Found once: asking per line whether a " @@" follows would rescan the rest of the text each time.
  const lastHunkClose = text.includes('@@ ') ? text.lastIndexOf(' @@') : -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && i - lineStart < 3 && text.charCodeAt(i) === SPACE) i++;
    const first = text.charCodeAt(i);
    let run = 0;
    if (first === 0x60 || first === 0x7e) while (i + run < lineEnd && text.charCodeAt(i + run) === first) run++;
    if (fence) {
      blank(lineStart, lineEnd);
      if (first === fence && run >= fenceLength && text.slice(i + run, lineEnd).trim() === '') fence = 0;
    } else if (run >= 3) {
      fence = first;
      fenceLength = run;
      blank(lineStart, lineEnd);
    } else if (first === 0x3e) {
      blank(lineStart, lineEnd);
    } else if (inDiff || text.startsWith('diff --git ', lineStart) || (text.startsWith('@@ ', lineStart) && lastHunkClose >= lineStart)) {
      // A unified diff pasted into a mail is code, up to the first line that is not part of it.
      inDiff = lineStart < lineEnd && (isDiffLine(text, lineStart) || text.startsWith('diff --git ', lineStart));
      if (inDiff) blank(lineStart, lineEnd);
      else {
        previousIndented = false;
        lineStart = lineEnd + 1;
        continue;
      }
    } else if (isAttribution(text, lineStart, lineEnd)) {
      // "On Tue, Ana wrote:" belongs to the quote below it.
      blank(lineStart, lineEnd);
    } else if (isIndentedBlock(text, lineStart, lineEnd, previousIndented)) {
      // An indented block after a blank line is code or a quoted document, as in Markdown and mail.
      blank(lineStart, lineEnd);
      previousIndented = true;
      lineStart = lineEnd + 1;
      continue;
    } else if (lineEnd - lineStart === 3 && text.startsWith('-- ', lineStart)) {
      blank(lineStart, text.length);
      return;
    }
    previousIndented = false;
    lineStart = lineEnd + 1;
  }
}

/**
 * "Hi Sam," / "Hello all!" opening the comment: a greeting says nothing about the work. Returns where
 * it ends (after its comma or mark), or 0. Read by hand: a greeting is a word and at most 30 characters.
 */
function greetingEnd(text: string): number {
  // Every greeting word starts with "h" or "d": most comments are ruled out by their first letter.
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 0x68 && first !== 0x64 && first !== 0x20 && first !== 0x2a && first !== 0x2e) return 0;
  let i = 0;
  while (i < text.length && i < 20 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x09)) i++;
  const wordStart = i;
  while (i < text.length && i - wordStart < 6 && /[a-z]/i.test(text[i])) i++;
  if (!GREETING_WORDS.has(text.slice(wordStart, i).toLowerCase()) || /\w/.test(text[i] ?? '')) return 0;
  for (const limit = i + 30; i < text.length && i <= limit; i++) {
    const char = text[i];
    if (char === ',' || char === '!' || char === '.' || char === ':') return i + 1;
    if (char === '\n' || char === '?' || char === ';') return 0;
  }
  return 0;
}

/** A line of a unified diff: context, an added or removed line, a hunk or file header. */
function isDiffLine(text: string, lineStart: number): boolean {
  const first = text[lineStart];
  return first === ' ' || first === '+' || first === '-' || first === '@' || first === '\\' || text.startsWith('index ', lineStart);
}

/** A line that ends in "wrote:" (or "writes:") right above a quoted line. */
function isAttribution(text: string, lineStart: number, lineEnd: number): boolean {
  const line = text.slice(lineStart, lineEnd).trimEnd();
  if (!line.endsWith('wrote:') && !line.endsWith('writes:')) return false;
  let next = lineEnd + 1;
  while (next < text.length && (text[next] === ' ' || text[next] === '\n' || text[next] === '\r')) next++;
  return text[next] === '>';
}

/** A line indented by a tab or four spaces that follows a blank line or another such line. */
function isIndentedBlock(text: string, lineStart: number, lineEnd: number, previousIndented: boolean): boolean {
  const indented = text.charCodeAt(lineStart) === 0x09 || text.startsWith('    ', lineStart);
  if (!indented || text.slice(lineStart, lineEnd).trim() === '') return false;
  if (previousIndented) return true;
  if (lineStart < 2) return false;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return text.slice(previousStart, lineStart - 1).trim() === '';
}

/**
 * Inline code as CommonMark reads it: a run of N backticks up to the next run of exactly N. A table of
 * "next run of the same length" keeps this linear however many unmatched backticks there are.
 */
function maskInlineCode(text: string, hidden: readonly number[], hide: (from: number, to: number, fill?: number) => void): void {
  // Backticks on lines already hidden (fences, quotes) do not count; those ranges come in text order.
  const isHidden = hiddenCursor(hidden);
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = text.indexOf('`'); i >= 0 && i < text.length; i = text.indexOf('`', i)) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 0x60) j++;
    if (!isHidden(i)) {
      starts.push(i);
      lengths.push(j - i);
    }
    i = j;
  }
  const next = new Int32Array(starts.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    next[k] = lastOfLength.get(lengths[k]) ?? -1;
    lastOfLength.set(lengths[k], k);
  }
  let k = 0;
  while (k < starts.length) {
    const close = next[k];
    if (close < 0) {
      k++;
      continue;
    }
    hide(starts[k], starts[close] + lengths[close], CODE);
    k = close + 1;
  }
}

/**
 * A commit named the way git names one, 29ae2c9e74 (add basic http proxy tests, 2023-02-16): its subject
 * is the author's old words, not the reviewer's. Found from each " (", looking back for a hash of 7 to 40
 * hex digits with a digit in it ("deadbeef (…)" may be a word).
 */
function maskCommitSubjects(text: string, hide: (from: number, to: number) => void): void {
  for (let open = text.indexOf(' (', 7); open >= 0; open = text.indexOf(' (', open + 2)) {
    let start = open;
    let digit = false;
    while (start > 0 && open - start < 40 && isHexDigit(text.charCodeAt(start - 1))) {
      start--;
      if (text.charCodeAt(start) <= 0x39) digit = true;
    }
    if (open - start < 7 || !digit || (start > 0 && /\w/.test(text[start - 1]))) continue;
    const close = text.indexOf(')', open + 2);
    // One line break at most: mail wraps a long subject ("29ae2c9e74 (add basic http proxy tests,\n2023-02-16)").
    const line = text.indexOf('\n', open);
    const secondLine = line < 0 ? -1 : text.indexOf('\n', line + 1);
    if (close < 0 || close - open > 202 || (secondLine >= 0 && secondLine < close) || text.slice(open + 2, close).includes('(')) continue;
    hide(open + 2, close);
  }
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);
}

/** "~~I think X should …~~": words the reviewer struck out are taken back. A "~~~" fence is not a strike. */
function maskStruckOut(text: string, hide: (from: number, to: number) => void): void {
  const mark = (from: number): number => {
    for (let at = text.indexOf('~~', from); at >= 0; at = text.indexOf('~~', at + 1)) {
      if (text[at - 1] !== '~' && text[at + 2] !== '~') return at;
      while (text[at + 1] === '~') at++;
    }
    return -1;
  };
  for (let open = mark(0); open >= 0; ) {
    const close = mark(open + 2);
    if (close < 0) return;
    hide(open, close + 2);
    open = mark(close + 2);
  }
}

/**
 * A short "quoted string" on one line (a commit title, an error message, a name) is cited, not said: it
 * reads as code. Quotes open after a space or bracket and close before a space or mark.
 */
function maskQuotedStrings(text: string, hidden: readonly number[], hide: (from: number, to: number, fill?: number) => void): void {
  const isHidden = hiddenCursor(hidden);
  const nextQuote = quoteFinder(text);
  for (let open = nextQuote(0); open >= 0; ) {
    const closing = text[open] === '\u201c' ? '\u201d' : '"';
    const before = open === 0 ? ' ' : text[open - 1];
    if (!/[\s([{:=]/.test(before) || isHidden(open)) {
      open = nextQuote(open + 1);
      continue;
    }
    // The closing quote is the first one not followed by a letter: a title may quote in turn ("drop "x" on …").
    let close = -1;
    for (let i = open + 2; i < text.length && i - open <= 120; i++) {
      if (text[i] === '\n' && text[i - 1] === '\n') break;
      if (text[i] === closing && !/\w/.test(text[i + 1] ?? ' ')) {
        close = i;
        break;
      }
    }
    if (close > 0) {
      hide(open, close + 1, CODE);
      open = nextQuote(close + 1);
    } else {
      open = nextQuote(open + 1);
    }
  }
}

/** The next opening quote, straight or curly, at or after an offset; each kind is searched for again only once passed. */
function quoteFinder(text: string): (from: number) => number {
  let straight = -2;
  let curly = -2;
  return (from) => {
    if (straight !== -1 && straight < from) straight = text.indexOf('"', from);
    if (curly !== -1 && curly < from) curly = text.indexOf('\u201c', from);
    if (straight < 0) return curly;
    if (curly < 0) return straight;
    return Math.min(straight, curly);
  };
}

/**
 * Whether an offset lies in a hidden range, for offsets asked in increasing order: a cursor walks the
 * (start, end, fill) triples once.
 */
function hiddenCursor(hidden: readonly number[]): (i: number) => boolean {
  let range = 0;
  return (i) => {
    while (range < hidden.length && hidden[range + 1] <= i) range += 3;
    return range < hidden.length && hidden[range] <= i;
  };
}

/** user@host.tld and @mentions, found from each "@" outwards so that no pattern rescans a long word. */
function maskEmails(text: string, blank: (from: number, to: number) => void): void {
  let covered = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < covered) continue;
    let from = at;
    while (from > covered && /[A-Za-z0-9._%+-]/.test(text[from - 1])) from--;
    let to = at + 1;
    while (to < text.length && /[A-Za-z0-9.-]/.test(text[to])) to++;
    while (to > at + 1 && text[to - 1] === '.') to--;
    const host = text.slice(at + 1, to);
    if (from < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(host)) {
      blank(from, to);
      covered = to;
    } else if (from === at && (at === 0 || !/[\w.]/.test(text[at - 1]))) {
      // An @mention addresses someone; it is a name, not part of what the comment says.
      let end = at + 1;
      while (end < text.length && /[\w-]/.test(text[end])) end++;
      if (end < text.length && text[end] === '/') for (end++; end < text.length && /[\w-]/.test(text[end]); ) end++;
      if (end > at + 1) {
        blank(at, end);
        covered = end;
      }
    }
  }
}
