import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { l10n, type Message } from '../message';

/** A file split into its front-matter fields and its body, or the first reason it could not be. */
export type FrontMatterResult =
  | {
      readonly ok: true;
      readonly attributes: Record<string, unknown>;
      /** The text below the closing line, from its first line that is not blank; LF line ends. */
      readonly body: string;
      /** The 1-based line of the body's first line in the file (the last line when there is no body). */
      readonly bodyBegin: number;
      /** The whole file with LF line ends, for `fieldLine`. */
      readonly source: string;
    }
  | ({ readonly ok: false; readonly line: number } & Message);

const OPENING_LINE = /^\uFEFF?---[ \t]*$/;
const CLOSING_LINE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * A card needs a dozen values. YAML aliases (`*name`) let a few lines stand for millions of them ("billion
 * laughs"): the parser shares one object per anchor, but anything that walks the result (a message that
 * quotes a field) would not. Each use of an alias counts.
 */
export const MAX_FRONT_MATTER_VALUES = 10_000;

/**
 * Reads a "---" front-matter block the way content.ts does for cards, so templates and cards report
 * the same problems at the same lines. The YAML is read with the core schema only: text, numbers,
 * booleans, null, lists and maps. Tags that build anything else (`!!js/function`, `!!binary`, custom
 * ones) are refused, and so is a key given twice.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const source = text.replace(/\r\n?/g, '\n');
  const fail = (line: number, message: Message): FrontMatterResult => ({ ok: false, line, ...message });

  const lines = source.split('\n');
  if (lines.length < 2 || !OPENING_LINE.test(lines[0])) {
    return fail(1, l10n.t('The file must start with a front-matter block between two "---" lines.'));
  }
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_LINE.test(line));
  if (closing === -1) {
    return fail(1, l10n.t('The front-matter block is not closed with a "---" line.'));
  }
  let fields: unknown;
  try {
    fields = load(lines.slice(1, closing).join('\n'), { schema: CORE_SCHEMA });
  } catch (error) {
    // The YAML starts on the file's line 2; js-yaml counts from 0.
    const line = error instanceof YAMLException && typeof error.mark?.line === 'number' ? error.mark.line + 2 : 1;
    const reason = error instanceof YAMLException ? error.reason : String(error);
    return fail(line, l10n.t('The front matter is not valid YAML: {0}.', reason));
  }
  fields ??= {};
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    return fail(2, l10n.t('The front matter must be a set of "key: value" lines.'));
  }
  if (holdsMoreValuesThan(fields, MAX_FRONT_MATTER_VALUES)) {
    return fail(2, l10n.t('The front matter holds over {0} values, counting each use of a YAML alias (*name). A card or template needs only a few fields.', MAX_FRONT_MATTER_VALUES));
  }
  const firstBodyLine = lines.findIndex((line, index) => index > closing && line.trim() !== '');
  const bodyIndex = firstBodyLine === -1 ? Math.min(closing + 1, lines.length - 1) : firstBodyLine;
  const body = firstBodyLine === -1 ? '' : lines.slice(firstBodyLine).join('\n');
  return { ok: true, attributes: fields as Record<string, unknown>, body, bodyBegin: bodyIndex + 1, source };
}

/** Counts values as a walk of the result would meet them, and stops at `limit`: a loop or a bomb ends it. */
function holdsMoreValuesThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  for (let count = 0; pending.length > 0; count++) {
    if (count >= limit) return true;
    const next = pending.pop();
    if (next !== null && typeof next === 'object') {
      for (const child of Object.values(next)) pending.push(child);
    }
  }
  return false;
}

/** The 1-based line of a top-level front-matter key in an LF source, or 1 when it is absent. */
export function fieldLine(source: string, key: string): number {
  const lines = source.split('\n');
  for (let index = 1; index < lines.length && !CLOSING_LINE.test(lines[index]); index++) {
    if (lines[index].startsWith(`${key}:`)) return index + 1;
  }
  return 1;
}
