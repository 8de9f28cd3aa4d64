/**
 * Retrospective templates: markdown with a front matter and a few `{{…}}` tags, rendered to a VS Code
 * snippet (or plain markdown).
 *
 * Tags, written anywhere on a line:
 * - `{{date}}`, `{{weekday}}`, `{{title}}`, `{{team}}`, `{{previousNote}}`, `{{carriedOver}}`: the
 *   variable's value. Values are inserted as written (markdown stays markdown), and escaped for snippets.
 * - `{{tabstop}}` or `{{tabstop:hint}}`: a tab stop. They are numbered 1, 2, 3… in document order, so
 *   authors never write `$1`.
 * - `{{cursor}}`: where the cursor ends up after the last tab stop (`$0`). Without it, that is the empty
 *   line at the end of the note, ready for one more item.
 * Literal `$`, `}` and `\` need no escaping; snippet syntax such as `${1}` is reported, since it would
 * show up as text.
 * - `{{#team}}…{{/team}}`: a section. Its text is kept only when the variable is not empty, e.g.
 *   `# Retro{{#title}}: {{title}}{{/title}}`. A section opens and closes on the same line.
 *
 * Empty variables: a line that uses a variable or section and comes out blank is removed, along with the
 * blank line it would leave behind. So `{{#team}}**Team:** {{team}}{{/team}}` or `{{carriedOver}}` on a
 * line of its own leaves no trace when the value is empty. Text outside sections is never removed.
 */
import { readFrontMatter, fieldLine } from '../content/front-matter';
import { ID_PATTERN, loadWithUniqueIds } from '../content/content';
import { l10n, problemAt, type Message } from '../message';
import { escapeSnippetText } from '../content/tip-block';
import { CardOrigin, ContentProblem } from '../types';

export interface RetroTemplate {
  readonly id: string;
  readonly title: string;
  /** One line: what the format is. */
  readonly description: string;
  /** One line: when a facilitator would pick it. */
  readonly whenToUse: string;
  /** The markdown body with its `{{…}}` tags, as written; starts with a `# ` heading. */
  readonly body: string;
  readonly origin: CardOrigin;
  /** The file the template was read from, relative to its folder. */
  readonly file: string;
}

export const TEMPLATE_VARIABLES = ['date', 'weekday', 'title', 'team', 'previousNote', 'carriedOver'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Values for a note. `date` and `weekday` always have one; the others may be empty or missing. */
export type TemplateVariables = { readonly date: string; readonly weekday: string } & {
  readonly [name in Exclude<TemplateVariable, 'date' | 'weekday'>]?: string;
};

export type TemplateParseResult = { ok: true; template: RetroTemplate } | { ok: false; problems: ContentProblem[] };

const TEXT_FIELDS = ['title', 'description', 'whenToUse'] as const;

/** Parses one template file, or says what is wrong and where (1-based lines, like cards). */
export function parseTemplate(text: string, file: string, origin: CardOrigin = 'builtin'): TemplateParseResult {
  const read = readFrontMatter(text);
  if (!read.ok) return { ok: false, problems: [problemAt(file, read.line, read)] };
  const { attributes, source } = read;
  const problems: ContentProblem[] = [];
  const report = (key: string, message: Message) => problems.push(problemAt(file, fieldLine(source, key), message));

  const { id } = attributes;
  for (const key of ['id', ...TEXT_FIELDS]) {
    const value = attributes[key];
    // Text that is only blanks would be trimmed to nothing: it is missing too.
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      problems.push(problemAt(file, 1, l10n.t('The front matter is missing "{0}".', key)));
    }
  }
  if (id !== undefined && id !== null && id !== '' && (typeof id !== 'string' || !ID_PATTERN.test(id))) {
    report('id', l10n.t('"id" must be kebab-case, like "{0}" (found {1}).', 'start-stop-continue', JSON.stringify(id)));
  }
  for (const key of TEXT_FIELDS) {
    const value = attributes[key];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) continue;
    if (typeof value !== 'string') report(key, l10n.t('"{0}" must be text.', key));
    // The quick pick shows these on one line; a YAML block scalar would be cut off.
    else if (value.trim().includes('\n')) report(key, l10n.t('"{0}" must fit on one line.', key));
  }

  // readFrontMatter drops the blank lines before the body; bodyBegin still counts them.
  const body = read.body.replace(/\s+$/, '');
  if (!body) {
    // With no body, the problem goes on the closing "---" (or YAML's "..."): it always exists, the lines after it may not.
    const closing = read.source.split('\n').findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
    problems.push(problemAt(file, closing + 1, l10n.t('The template has no text below its front matter.')));
  } else {
    if (!/^# \S/.test(body)) {
      problems.push(problemAt(file, read.bodyBegin, l10n.t('The template must start with a "# " heading, the note’s title.')));
    }
    for (const problem of parseBody(body).problems) {
      problems.push(problemAt(file, read.bodyBegin + problem.line, problem));
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const field = (key: string) => (attributes[key] as string).trim();
  return {
    ok: true,
    template: { id: id as string, title: field('title'), description: field('description'), whenToUse: field('whenToUse'), body, origin, file },
  };
}

export interface LoadedTemplates {
  readonly templates: RetroTemplate[];
  readonly problems: ContentProblem[];
}

/**
 * Parses a set of template files and rejects ids used twice, like `loadCards`: valid templates always
 * load. `reserved` holds ids that are already taken (e.g. the built-in ones) and who owns them.
 */
export function loadTemplates(
  files: readonly { file: string; text: string }[],
  origin: CardOrigin = 'builtin',
  reserved: ReadonlyMap<string, string> = new Map(),
): LoadedTemplates {
  const { items, problems } = loadWithUniqueIds(files, (text, file) => {
    const result = parseTemplate(text, file, origin);
    return result.ok ? { item: result.template, problems: [] } : { problems: result.problems };
  }, reserved);
  return { templates: items, problems };
}

// ---- Body: lines of tags and text -------------------------------------------------------------------

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: TemplateVariable }
  | { readonly kind: 'tabstop'; readonly placeholder: string }
  | { readonly kind: 'cursor' }
  | { readonly kind: 'section'; readonly name: TemplateVariable; readonly children: Node[] };

interface ParsedLine {
  readonly nodes: Node[];
  /** Uses a variable or section, so it may be removed when it comes out blank. */
  readonly conditional: boolean;
}

/**
 * `{{name}}`, `{{#name}}`, `{{/name}}`, `{{name:text}}`, with optional spaces inside the braces. Anything
 * else with braces (`{{ }}`, `{{two words}}`) is plain text.
 */
const TAG = /\{\{\s*([#/]?)\s*([A-Za-z][A-Za-z0-9_-]*)\s*(?::((?:(?!\}\}).)*))?\}\}/g;

function isVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** Splits a body into lines of nodes. Problem lines are 0-based offsets into the body. */
function parseBody(body: string): { lines: ParsedLine[]; problems: ({ line: number } & Message)[] } {
  const problems: ({ line: number } & Message)[] = [];
  const lines: ParsedLine[] = [];
  let cursors = 0;
  body.split('\n').forEach((line, index) => {
    const problem = (message: Message) => problems.push({ line: index, ...message });
    // `${1}` or `${TM_FILENAME}` is snippet syntax the author meant; `${{title}}` is a dollar before a variable.
    if (/\$\{[\w]/.test(line)) {
      problem(l10n.t('Snippet syntax such as "{0}" would show up as literal text: write {{tabstop}} or {{tabstop:hint}} instead.', '${1}'));
    }
    const root: Node[] = [];
    // Open sections, innermost last; each collects its own children.
    const open: { name: TemplateVariable; children: Node[] }[] = [];
    const into = () => (open.length > 0 ? open[open.length - 1].children : root);
    let conditional = false;
    let last = 0;
    for (const match of line.matchAll(TAG)) {
      const [whole, sigil, name, text] = match;
      if (match.index > last) into().push({ kind: 'text', text: line.slice(last, match.index) });
      last = match.index + whole.length;
      if (text !== undefined && !(sigil === '' && name === 'tabstop')) {
        problem(l10n.t('Only {{tabstop:…}} takes text after a colon (found "{0}").', whole));
        continue;
      }
      if (name === 'tabstop' || name === 'cursor') {
        if (sigil) problem(l10n.t('{{{0}}} cannot open or close a section.', name));
        else if (name === 'tabstop') into().push({ kind: 'tabstop', placeholder: (text ?? '').trim() });
        else if (++cursors > 1) problem(l10n.t('A template can have only one {{cursor}}.'));
        else into().push({ kind: 'cursor' });
        continue;
      }
      if (!isVariable(name)) {
        problem(l10n.t('Unknown variable "{0}" in "{1}". The variables are {2}; tab stops are {{tabstop}}.', name, whole, TEMPLATE_VARIABLES.join(', ')));
        continue;
      }
      conditional = true;
      if (sigil === '#') {
        open.push({ name, children: [] });
      } else if (sigil === '/') {
        const section = open.pop();
        if (section === undefined || section.name !== name) {
          problem(section ? l10n.t('{{/{0}}} closes {{#{1}}}; close {{/{1}}} first.', name, section.name) : l10n.t('{{/{0}}} has no {{#{0}}} before it on this line.', name));
          if (section) open.push(section);
          continue;
        }
        into().push({ kind: 'section', name, children: section.children });
      } else {
        into().push({ kind: 'variable', name });
      }
    }
    if (last < line.length) into().push({ kind: 'text', text: line.slice(last) });
    if (open.length > 0) problem(l10n.t('{{#{0}}} is not closed on this line: a section opens and closes on one line.', open[open.length - 1].name));
    lines.push({ nodes: root, conditional });
  });
  return { lines, problems };
}

// ---- Rendering ----------------------------------------------------------------------------------------

type Piece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'tabstop'; readonly placeholder: string } | { readonly kind: 'cursor' };

/** A missing variable is an empty one. Only the carried-over section may span lines; a title or team name never breaks the line it is on. */
function valueOf(vars: TemplateVariables, name: TemplateVariable): string {
  const value = (vars[name] ?? '').replace(/\r\n?/g, '\n').trim();
  return name === 'carriedOver' ? value : value.replace(/\s*\n\s*/g, ' ');
}

/** The kept pieces of one line, in order: literal text and values are both plain text here. */
function flatten(nodes: readonly Node[], vars: TemplateVariables, out: Piece[] = []): Piece[] {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node);
    else if (node.kind === 'variable') out.push({ kind: 'text', text: valueOf(vars, node.name) });
    else if (node.kind === 'section') {
      if (valueOf(vars, node.name)) flatten(node.children, vars, out);
    } else out.push(node);
  }
  return out;
}

/** The body's lines after sections and blank conditional lines are resolved. Throws on a template that does not parse. */
function resolve(template: Pick<RetroTemplate, 'body' | 'id'>, vars: TemplateVariables): Piece[][] {
  const { lines, problems } = parseBody(template.body.replace(/\r\n?/g, '\n'));
  if (problems.length > 0) {
    // Templates reach the renderer through parseTemplate, which reports these; this is a programming error.
    throw new Error(`Template "${template.id}" line ${problems[0].line + 1}: ${problems[0].message}`);
  }
  const kept: Piece[][] = [];
  let removedSinceLastKept = false;
  const isBlank = (pieces: readonly Piece[]) => pieces.every((piece) => piece.kind === 'text' && !piece.text.trim());
  for (const line of lines) {
    const pieces = flatten(line.nodes, vars);
    if (line.conditional && isBlank(pieces)) {
      removedSinceLastKept = true;
      continue;
    }
    // Removing a line between two blank lines would leave a double gap; keep one.
    if (removedSinceLastKept && isBlank(pieces) && kept.length > 0 && isBlank(kept[kept.length - 1])) continue;
    removedSinceLastKept = false;
    kept.push(pieces);
  }
  while (kept.length > 0 && isBlank(kept[kept.length - 1])) kept.pop();
  return kept;
}

/**
 * The note as a VS Code snippet: literal text and values escaped, tab stops numbered `${1}`,
 * `${2:hint}`… in order, and the final cursor (`${0}`) at `{{cursor}}`, or `$0` on the empty line at the end of the note.
 */
export function renderTemplate(template: Pick<RetroTemplate, 'body' | 'id'>, vars: TemplateVariables): string {
  let next = 1;
  let cursorPlaced = false;
  const lines = resolve(template, vars).map((pieces) =>
    pieces
      .map((piece) => {
        if (piece.kind === 'text') return escapeSnippetText(piece.text);
        if (piece.kind === 'cursor') {
          cursorPlaced = true;
          // Braced, like the tab stops: "$0" followed by "1." would read as tab stop "$01".
          return '${0}';
        }
        const number = next++;
        return piece.placeholder ? `\${${number}:${escapeSnippetText(piece.placeholder)}}` : `\${${number}}`;
      })
      .join(''),
  );
  return `${lines.join('\n')}\n${cursorPlaced ? '' : '$0'}`;
}

/**
 * The note as plain markdown, for an untitled document or a file written directly. Tab stops are left
 * empty, or show their hint with `{ hints: true }` (which is what the snippet expands to).
 */
export function renderTemplatePlain(
  template: Pick<RetroTemplate, 'body' | 'id'>,
  vars: TemplateVariables,
  options: { hints?: boolean } = {},
): string {
  const lines = resolve(template, vars).map((pieces) =>
    pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'tabstop' && options.hints ? piece.placeholder : '')).join(''),
  );
  return `${lines.join('\n')}\n`;
}

/** How many tab stops a template has once rendered with these values (sections may hide some). */
export function countTabStops(template: Pick<RetroTemplate, 'body' | 'id'>, vars: TemplateVariables): number {
  return resolve(template, vars).reduce((total, pieces) => total + pieces.filter((piece) => piece.kind === 'tabstop').length, 0);
}
