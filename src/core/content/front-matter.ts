import frontMatter from 'front-matter';
import { l10n, type Message } from '../message';

/** A file split into its front-matter fields and its body, or the first reason it could not be. */
export type FrontMatterResult =
  | {
      readonly ok: true;
      readonly attributes: Record<string, unknown>;
      /** The body as front-matter returns it: leading blank lines removed, LF line ends. */
      readonly body: string;
      /** The 1-based line of the body's first line in the file. */
      readonly bodyBegin: number;
      /** The whole file with LF line ends, for `fieldLine`. */
      readonly source: string;
    }
  | ({ readonly ok: false; readonly line: number } & Message);

/**
 * Reads a "---" front-matter block the way content.ts does for cards, so templates and cards report
 * the same problems at the same lines.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  // front-matter only accepts CRLF delimiters on Windows; normalising keeps line numbers intact.
  const source = text.replace(/\r\n?/g, '\n');
  const fail = (line: number, message: Message): FrontMatterResult => ({ ok: false, line, ...message });

  if (!/^\uFEFF?---[ \t]*\n/.test(source)) {
    return fail(1, l10n.t('The file must start with a front-matter block between two "---" lines.'));
  }
  let parsed: { attributes: unknown; body: string; frontmatter?: string; bodyBegin: number };
  try {
    // front-matter wants a bare "---"; given "--- ", it would look for a block further down the file.
    parsed = frontMatter<unknown>(source.replace(/^(\uFEFF?---)[ \t]+\n/, '$1\n'));
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return fail(typeof mark?.line === 'number' ? mark.line + 2 : 1, l10n.t('The front matter is not valid YAML: {0}.', reason));
  }
  if (parsed.frontmatter === undefined) {
    return fail(1, l10n.t('The front-matter block is not closed with a "---" line.'));
  }
  const fields = parsed.attributes;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return fail(2, l10n.t('The front matter must be a set of "key: value" lines.'));
  }
  return { ok: true, attributes: fields as Record<string, unknown>, body: parsed.body, bodyBegin: parsed.bodyBegin, source };
}

/** The 1-based line of a top-level front-matter key in an LF source, or 1 when it is absent. */
export function fieldLine(source: string, key: string): number {
  const lines = source.split('\n');
  for (let index = 1; index < lines.length && !/^---\s*$/.test(lines[index]); index++) {
    if (lines[index].startsWith(`${key}:`)) return index + 1;
  }
  return 1;
}
