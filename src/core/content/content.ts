import { fieldLine, readFrontMatter } from './front-matter';
import { l10n, problemAt, type Message } from '../message';
import { CARD_KINDS, Card, CardKind, CardOrigin, ContentProblem } from '../types';

export type ParseResult = { ok: true; card: Card } | { ok: false; problems: ContentProblem[] };

/** Ids are kebab-case: they appear in commands, settings and file names. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REQUIRED_FIELDS = ['id', 'kind', 'title', 'summary', 'tags', 'order', 'question'] as const;
const PROMPT_FIELDS = ['label', 'directive', 'supportive'] as const;
/** The status bar has little room; longer labels get cut off mid-word. */
export const MAX_LABEL_LENGTH = 24;

/** Parses one content file (front matter + markdown body) into a card, or says what is wrong and where. */
export function parseCard(text: string, file: string, origin: CardOrigin = 'builtin'): ParseResult {
  const read = readFrontMatter(text);
  if (!read.ok) return { ok: false, problems: [problemAt(file, read.line, read)] };
  const { attributes, source, body, bodyBegin } = read;
  const lineOf = (key: string) => fieldLine(source, key);
  const problems: ContentProblem[] = [];
  const report = (key: string, message: Message) => problems.push(problemAt(file, lineOf(key), message));

  for (const key of REQUIRED_FIELDS) {
    const value = attributes[key];
    // Text that is only blanks would be trimmed to nothing: it is missing too.
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      problems.push(problemAt(file, 1, l10n.t('The front matter is missing "{0}".', key)));
    }
  }
  const { id, kind, title, summary, tags, order, question } = attributes;
  if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id))) {
    report('id', l10n.t('"id" must be kebab-case, like "{0}" (found {1}).', 'ask-dont-tell', JSON.stringify(id)));
  }
  if (kind !== undefined && !CARD_KINDS.includes(kind as CardKind)) {
    report('kind', l10n.t('"kind" must be one of {0} (found {1}).', CARD_KINDS.join(', '), JSON.stringify(kind)));
  }
  for (const [key, value] of Object.entries({ title, summary, question, try: attributes.try })) {
    if (value !== undefined && value !== null && typeof value !== 'string') report(key, l10n.t('"{0}" must be text.', key));
  }
  if (tags !== undefined && (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && tag.trim()))) {
    report('tags', l10n.t('"tags" must be a list of words, like [review, feedback].'));
  }
  if (order !== undefined && !Number.isFinite(order)) {
    report('order', l10n.t('"order" must be a number.'));
  }
  if (kind === 'prompt') {
    for (const key of PROMPT_FIELDS) {
      const value = attributes[key];
      if (typeof value !== 'string' || !value.trim()) {
        problems.push(problemAt(file, lineOf(key), l10n.t('A review prompt needs "{0}" as text.', key)));
      }
    }
    if (typeof attributes.label === 'string' && attributes.label.length > MAX_LABEL_LENGTH) {
      report('label', l10n.t('"label" must fit the status bar: at most {0} characters.', MAX_LABEL_LENGTH));
    }
  }
  if (!body.trim()) {
    problems.push(problemAt(file, bodyBegin, l10n.t('The card has no text below its front matter.')));
  }
  if (problems.length > 0) return { ok: false, problems };

  const optionalText = (key: string) => (typeof attributes[key] === 'string' ? (attributes[key] as string).trim() : undefined);
  return {
    ok: true,
    card: {
      id: id as string,
      kind: kind as CardKind,
      title: (title as string).trim(),
      summary: (summary as string).trim(),
      tags: (tags as string[]).map((tag) => tag.trim()),
      order: order as number,
      question: (question as string).trim(),
      body: body.trim(),
      label: optionalText('label'),
      directive: optionalText('directive'),
      supportive: optionalText('supportive'),
      try: optionalText('try'),
      origin,
      file,
    },
  };
}

export interface LoadedContent {
  readonly cards: Card[];
  readonly problems: ContentProblem[];
}

/**
 * Parses a set of files and rejects ids used twice. Valid items always load, so one bad file never
 * hides the others. `reserved` holds ids that are already taken (e.g. the built-in ones) and their owner.
 */
export function loadWithUniqueIds<T extends { readonly id: string }>(
  files: readonly { file: string; text: string }[],
  parse: (text: string, file: string) => T | ContentProblem[],
  reserved: ReadonlyMap<string, string> = new Map(),
): { items: T[]; problems: ContentProblem[] } {
  const items: T[] = [];
  const problems: ContentProblem[] = [];
  const owners = new Map(reserved);
  for (const { file, text } of files) {
    const parsed = parse(text, file);
    if (Array.isArray(parsed)) {
      problems.push(...parsed);
      continue;
    }
    const owner = owners.get(parsed.id);
    if (owner !== undefined) {
      problems.push(problemAt(file, fieldLine(text.replace(/\r\n?/g, '\n'), 'id'), l10n.t('The id "{0}" is already used by {1}.', parsed.id, owner)));
      continue;
    }
    owners.set(parsed.id, file);
    items.push(parsed);
  }
  return { items, problems };
}

export function loadCards(
  files: readonly { file: string; text: string }[],
  origin: CardOrigin = 'builtin',
  reserved: ReadonlyMap<string, string> = new Map(),
): LoadedContent {
  const { items, problems } = loadWithUniqueIds(files, (text, file) => {
    const result = parseCard(text, file, origin);
    return result.ok ? result.card : result.problems;
  }, reserved);
  return { cards: items, problems };
}
