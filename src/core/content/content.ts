import { firstSentence } from './card-body';
import { fieldLine, readFrontMatter } from './front-matter';
import { hintAt, l10n, problemAt, type Message } from '../message';
import { DEFAULT_QUESTION, MAX_LABEL_LENGTH, promptLabel, TEAM_CARD_DEFAULT_ORDER } from './team-card';
import { CARD_KINDS, Card, CardKind, CardOrigin, ContentProblem } from '../types';

export type ParseResult =
  | { ok: true; card: Card; /** What defaults stood in for: team cards only. */ hints: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

/** What a team card gets where it leaves a field out, beyond the core's own defaults (team-card.ts). */
export interface CardDefaults {
  /** The extension passes DEFAULT_QUESTION in VS Code's display language. */
  readonly question: string;
}

/** Ids are kebab-case: they appear in commands, settings and file names. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Every card needs these, and text below its front matter. */
const REQUIRED_FIELDS = ['id', 'kind', 'title'] as const;
/** Built-in cards must write these too. A team card may leave them out: a default stands in, with a hint. */
const DEFAULTED_FIELDS = ['summary', 'tags', 'order', 'question'] as const;
/** Review prompts: built-in ones need all three; a team prompt gets its label from its title. */
const PROMPT_FIELDS = ['label', 'directive', 'supportive'] as const;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());

/**
 * Parses one content file (front matter + markdown body) into a card, or says what is wrong and where.
 * Built-in cards are strict; a team card needs only `id`, `kind`, `title` and a body.
 */
export function parseCard(text: string, file: string, origin: CardOrigin = 'builtin', defaults: CardDefaults = { question: DEFAULT_QUESTION.message }): ParseResult {
  const read = readFrontMatter(text);
  if (!read.ok) return { ok: false, problems: [problemAt(file, read.line, read)] };
  const { attributes, source, body, bodyBegin } = read;
  const lineOf = (key: string) => fieldLine(source, key);
  const problems: ContentProblem[] = [];
  const report = (key: string, message: Message) => problems.push(problemAt(file, lineOf(key), message));
  // The shipped cards are the model for every other card: they may not lean on defaults.
  const strict = origin === 'builtin';

  for (const key of strict ? [...REQUIRED_FIELDS, ...DEFAULTED_FIELDS] : REQUIRED_FIELDS) {
    if (isBlank(attributes[key])) problems.push(problemAt(file, 1, l10n.t('The front matter is missing "{0}".', key)));
  }
  const { id, kind, title, summary, tags, order, question } = attributes;
  if (!isBlank(id) && (typeof id !== 'string' || !ID_PATTERN.test(id))) {
    report('id', l10n.t('"id" must be kebab-case, like "{0}" (found {1}).', 'ask-dont-tell', JSON.stringify(id)));
  }
  if (!isBlank(kind) && !CARD_KINDS.includes(kind as CardKind)) {
    report('kind', l10n.t('"kind" must be one of {0} (found {1}).', CARD_KINDS.join(', '), JSON.stringify(kind)));
  }
  for (const [key, value] of Object.entries({ title, summary, question, try: attributes.try })) {
    if (!isBlank(value) && typeof value !== 'string') report(key, l10n.t('"{0}" must be text.', key));
  }
  if (!isBlank(tags) && (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && tag.trim()))) {
    report('tags', l10n.t('"tags" must be a list of words, like [review, feedback].'));
  }
  if (!isBlank(order) && !Number.isFinite(order)) {
    report('order', l10n.t('"order" must be a number.'));
  }
  if (kind === 'prompt') {
    for (const key of PROMPT_FIELDS) {
      const value = attributes[key];
      if ((strict || !isBlank(value)) && (typeof value !== 'string' || !value.trim())) {
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

  const hints: ContentProblem[] = [];
  /** The field as written, or, where it is left out, its default and a hint that says so. */
  const writtenOr = <T>(key: string, written: () => T, fallback: () => T, hint: Message): T => {
    if (!isBlank(attributes[key])) return written();
    hints.push(hintAt(file, 1, hint));
    return fallback();
  };
  const textOf = (key: string) => (attributes[key] as string).trim();
  // Prompt fields on a card of another kind are not checked, so they may be anything: only text is kept.
  const optionalText = (key: string) => (typeof attributes[key] === 'string' && attributes[key].trim() ? attributes[key].trim() : undefined);
  const cardTitle = textOf('title');
  const cardBody = body.trim();
  const card: Card = {
    id: id as string,
    kind: kind as CardKind,
    title: cardTitle,
    summary: writtenOr('summary', () => textOf('summary'), () => firstSentence(cardBody), l10n.t('No "summary": the card shows the first sentence of its text.')),
    tags: writtenOr('tags', () => (tags as string[]).map((tag) => tag.trim()), () => [], l10n.t('No "tags": search finds the card by its title and text.')),
    order: writtenOr('order', () => order as number, () => TEAM_CARD_DEFAULT_ORDER, l10n.t('No "order": the card comes after the built-in cards of its kind.')),
    question: writtenOr('question', () => textOf('question'), () => defaults.question, l10n.t('No "question": the card asks a general question to reflect on.')),
    body: cardBody,
    label: kind === 'prompt' ? writtenOr('label', () => textOf('label'), () => promptLabel(cardTitle), l10n.t('No "label": the status bar shows "{0}".', promptLabel(cardTitle))) : optionalText('label'),
    directive: optionalText('directive'),
    supportive: optionalText('supportive'),
    try: optionalText('try'),
    origin,
    file,
  };
  if (kind === 'prompt' && !card.directive !== !card.supportive) {
    const [present, missing] = card.directive ? ['directive', 'supportive'] : ['supportive', 'directive'];
    hints.push(hintAt(file, lineOf(present), l10n.t('The example of a rewrite shows only with both "directive" and "supportive"; "{0}" is missing.', missing)));
  } else if (kind === 'prompt' && !card.directive) {
    hints.push(hintAt(file, 1, l10n.t('No "directive" and "supportive": the prompt shows no example of a rewrite.')));
  }
  return { ok: true, card, hints };
}

export interface LoadedContent {
  readonly cards: Card[];
  /** Errors in the files that did not load, and hints on those that did. */
  readonly problems: ContentProblem[];
}

/**
 * Parses a set of files and rejects ids used twice. Valid items always load, so one bad file never
 * hides the others; their hints come with the problems. `reserved` holds ids that are already taken (e.g. the built-in ones) and their owner.
 */
export function loadWithUniqueIds<T extends { readonly id: string }>(
  files: readonly { file: string; text: string }[],
  parse: (text: string, file: string) => { item?: T; problems: readonly ContentProblem[] },
  reserved: ReadonlyMap<string, string> = new Map(),
): { items: T[]; problems: ContentProblem[] } {
  const items: T[] = [];
  const problems: ContentProblem[] = [];
  const owners = new Map(reserved);
  for (const { file, text } of files) {
    // Without an item, the problems say why; with one, they are hints, which only a file that loads needs.
    const { item: parsed, problems: found } = parse(text, file);
    if (!parsed) {
      problems.push(...found);
      continue;
    }
    const owner = owners.get(parsed.id);
    if (owner !== undefined) {
      problems.push(problemAt(file, fieldLine(text.replace(/\r\n?/g, '\n'), 'id'), l10n.t('The id "{0}" is already used by {1}.', parsed.id, owner)));
      continue;
    }
    problems.push(...found);
    owners.set(parsed.id, file);
    items.push(parsed);
  }
  return { items, problems };
}

export function loadCards(
  files: readonly { file: string; text: string }[],
  origin: CardOrigin = 'builtin',
  reserved: ReadonlyMap<string, string> = new Map(),
  defaults?: CardDefaults,
): LoadedContent {
  const { items, problems } = loadWithUniqueIds(files, (text, file) => {
    const result = parseCard(text, file, origin, defaults);
    return result.ok ? { item: result.card, problems: result.hints } : { problems: result.problems };
  }, reserved);
  return { cards: items, problems };
}
