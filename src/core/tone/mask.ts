/**
 * Hides what the tone check must not judge: fenced code, inline code, quoted lines, URLs, e-mail
 * addresses and a mail signature. Every hidden character is replaced one for one, so offsets into the
 * masked text are offsets into the original. Newlines are kept, so line and paragraph breaks survive.
 */

/** Inline code becomes a run of this character: the tokenizer reads it as one "code" word. */
export const CODE_CHAR = '\uE000';
const CODE = 0xe000;
const SPACE = 0x20;
const NEWLINE = 0x0a;

// Each pattern starts with a literal, so a scan costs one pass whatever the input.
const URL = /\b(?:https?|ftp|file):\/\/[^\s<>"'`]*|\bwww\.[^\s<>"'`]+/gi;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** For the ReDoS audit in the tests. */
export const MASK_PATTERNS: readonly RegExp[] = [URL, FENCE_OPEN];

export function maskIgnored(text: string): string {
  const hasBacktick = text.includes('`');
  const hasTilde = text.includes('~~~');
  const hasQuote = text.includes('>');
  const hasUrl = text.includes('://') || text.includes('www.');
  const hasAt = text.includes('@');
  const hasSignature = text.includes('\n-- \n') || text.startsWith('-- \n');
  if (!hasBacktick && !hasTilde && !hasQuote && !hasUrl && !hasAt && !hasSignature) return text;

  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const blank = (from: number, to: number, fill = SPACE) => {
    for (let i = from; i < to; i++) if (codes[i] !== NEWLINE) codes[i] = fill;
  };

  if (hasBacktick || hasTilde || hasQuote || hasSignature) maskLines(text, blank);
  if (hasBacktick) maskInlineCode(codes, blank);
  if (hasUrl) {
    URL.lastIndex = 0;
    for (let match = URL.exec(text); match; match = URL.exec(text)) {
      let end = match.index + match[0].length;
      // A sentence's full stop or a closing bracket after a link is not part of it.
      while (end > match.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
      blank(match.index, end);
    }
  }
  if (hasAt) maskEmails(text, blank);

  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

/** Fenced blocks (until the closing fence or the end), quoted lines, and everything after a "-- " signature line. */
function maskLines(text: string, blank: (from: number, to: number) => void): void {
  let fence: string | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (fence) {
      blank(lineStart, lineEnd);
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && trimmed.replace(/[`~]/g, '') === '') fence = undefined;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        fence = open[1];
        blank(lineStart, lineEnd);
      } else if (/^ {0,3}>/.test(line)) {
        blank(lineStart, lineEnd);
      } else if (line === '-- ') {
        blank(lineStart, text.length);
        return;
      }
    }
    lineStart = lineEnd + 1;
  }
}

/**
 * Inline code as CommonMark reads it: a run of N backticks up to the next run of exactly N. A table of
 * "next run of the same length" keeps this linear however many unmatched backticks there are.
 */
function maskInlineCode(codes: Uint16Array, blank: (from: number, to: number, fill?: number) => void): void {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < codes.length; ) {
    if (codes[i] !== 0x60) {
      i++;
      continue;
    }
    let j = i;
    while (j < codes.length && codes[j] === 0x60) j++;
    starts.push(i);
    lengths.push(j - i);
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
    const from = starts[k];
    const to = starts[close] + lengths[close];
    blank(from, to, CODE);
    k = close + 1;
  }
}

/** user@host.tld, found from each "@" outwards so that no pattern rescans a long word. */
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
    }
  }
}
