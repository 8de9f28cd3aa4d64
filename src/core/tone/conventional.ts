/** Conventional Comments (conventionalcomments.org): "label (decorations): subject". */

export type ConventionalLabel = 'praise' | 'nitpick' | 'suggestion' | 'issue' | 'todo' | 'question' | 'thought' | 'chore' | 'note';

export interface ConventionalPrefix {
  /** As written, lower-cased ("nit" is kept as "nit"; it means "nitpick"). */
  readonly label: string;
  readonly decorations: readonly string[];
  /** Offsets of the whole prefix, up to and including the colon and the spaces after it. */
  readonly start: number;
  readonly end: number;
}

const LABELS = new Set<string>(['praise', 'nitpick', 'nit', 'suggestion', 'issue', 'todo', 'question', 'thought', 'chore', 'note', 'typo', 'polish', 'quibble']);

/** The Conventional Comments prefix at the start of a comment, if there is one. Read by hand: no pattern to audit. */
export function parseConventionalPrefix(text: string): ConventionalPrefix | undefined {
  // A prefix ends within its first 140 characters; a long comment without one is not read to its end.
  const colon = text.length > 141 ? text.slice(0, 141).indexOf(':') : text.indexOf(':');
  if (colon < 0) return undefined;
  let i = 0;
  const blank = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  blank();
  const start = i;
  const letter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x2d;
  while (i < text.length && i - start <= 16 && letter(text.charCodeAt(i))) i++;
  if (i === start || i - start > 16) return undefined;
  const label = text.slice(start, i).toLowerCase();
  if (!LABELS.has(label)) return undefined;
  blank();
  let decorations: string[] = [];
  if (text[i] === '(') {
    const close = text.indexOf(')', i);
    const inside = close < 0 ? '' : text.slice(i + 1, close);
    if (close < 0 || close - i > 101 || /[(\n]/.test(inside)) return undefined;
    decorations = inside
      .split(',')
      .map((decoration) => decoration.trim().toLowerCase())
      .filter(Boolean);
    i = close + 1;
    blank();
  }
  if (text[i] !== ':') return undefined;
  i++;
  blank();
  return { label, decorations, start, end: i };
}

/** A decoration as written inside the parentheses: no brackets, colons, commas or line breaks. */
function cleanDecoration(decoration: string): string {
  return decoration.replace(/[():,\r\n]+/g, ' ').trim().toLowerCase();
}

/**
 * Puts a Conventional Comments label in front of a comment, for a quick fix: "rename this" →
 * "suggestion (non-blocking): rename this". An existing label is replaced; its decorations are kept
 * unless they contradict the new ones ("blocking" and "non-blocking").
 */
export function addConventionalLabel(text: string, label: ConventionalLabel, decorations: readonly string[] = []): string {
  if (!LABELS.has(label)) return text;
  const existing = parseConventionalPrefix(text);
  const indent = existing ? text.slice(0, existing.start) : (/^[ \t]*/.exec(text)?.[0] ?? '');
  const body = existing ? text.slice(existing.end) : text.slice(indent.length);
  const wanted = decorations.map(cleanDecoration).filter(Boolean);
  const merged: string[] = [];
  const add = (decoration: string) => {
    if (!merged.includes(decoration)) merged.push(decoration);
  };
  const contradicts = (decoration: string) =>
    (decoration === 'blocking' && wanted.includes('non-blocking')) || (decoration === 'non-blocking' && wanted.includes('blocking'));
  for (const decoration of existing?.decorations ?? []) if (!contradicts(decoration)) add(decoration);
  for (const decoration of wanted) add(decoration);
  const suffix = merged.length > 0 ? ` (${merged.join(', ')})` : '';
  return `${indent}${label}${suffix}: ${body}`;
}
