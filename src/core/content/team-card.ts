import { l10n, type Message } from '../message';
import type { CardKind } from '../types';

/**
 * Team cards: what one gets for the fields it may leave out (built-in cards write every field; a team
 * card needs only `id`, `kind`, `title` and a body, see content.ts), and the file "New Team Card…" writes.
 * No YAML parser here: the command that writes a card loads none.
 */

/** After every built-in card of the same kind: shipped cards use orders below this (a test checks). */
export const TEAM_CARD_DEFAULT_ORDER = 1000;

/** The question of a team card without one. The extension shows it in VS Code's display language. */
export const DEFAULT_QUESTION = l10n.t('Where does this show up in your team, and what would you try?');

/** The status bar has little room; longer labels get cut off mid-word. */
export const MAX_LABEL_LENGTH = 24;

/** A review prompt's status-bar label from its title: whole when it fits, else cut at a word, with "…". */
export function promptLabel(title: string): string {
  if (title.length <= MAX_LABEL_LENGTH) return title;
  const cut = title.lastIndexOf(' ', MAX_LABEL_LENGTH - 1);
  return `${title.slice(0, cut > 0 ? cut : MAX_LABEL_LENGTH - 1).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A title for a new card: what the command accepts, so the file it writes always loads. */
export const MAX_TITLE_LENGTH = 100;

/** Why a title can't be used, or undefined when it can. */
export function titleProblem(title: string): Message | undefined {
  const trimmed = title.trim();
  if (!trimmed) return l10n.t('Give the card a title.');
  if (trimmed.length > MAX_TITLE_LENGTH) return l10n.t('Keep the title to {0} characters; the card’s text can say the rest.', MAX_TITLE_LENGTH);
  if (/\p{Cc}/u.test(trimmed)) return l10n.t('The title must be one line of text.');
  return undefined;
}

/**
 * The placeholder text of a new card, meant to be replaced. The extension passes each through
 * vscode.l10n.t, so a new card is written in VS Code's display language.
 */
export const TEAM_CARD_TEXTS = {
  howTo: l10n.t('Only id, kind and title are required, and text below the front matter. Delete any other field to use its default.'),
  summary: l10n.t('One sentence: what this card is about.'),
  explanation: l10n.t('Explain the idea in a few sentences: what it is, and why it helps a team.'),
  inPracticeHeading: l10n.t('In a software team'),
  inPractice: l10n.t('A short scene from your team’s week where this helps.'),
  directive: l10n.t('Rename this to fetchAll.'),
  supportive: l10n.t('Would fetchAll say more about what this does?'),
} satisfies Record<string, Message>;
export type TeamCardTexts = { readonly [key in keyof typeof TEAM_CARD_TEXTS]: string };

/** The English texts, as the core's tests and tools use them. */
export const ENGLISH_TEAM_CARD_TEXTS = Object.fromEntries(Object.entries(TEAM_CARD_TEXTS).map(([key, text]) => [key, text.message])) as TeamCardTexts;

/**
 * A complete team card file: every field written, so the author sees them all and deletes what they
 * don't need. Text goes in as double-quoted YAML, so a title with `:` or `#` stays a title.
 */
export function teamCardFile(card: { readonly id: string; readonly kind: CardKind; readonly title: string }, texts: TeamCardTexts, question: string): string {
  const title = card.title.trim();
  const fields = [
    `# ${oneLine(texts.howTo)}`,
    `id: ${yamlId(card.id)}`,
    `kind: ${card.kind}`,
    `title: ${yamlText(title)}`,
    `summary: ${yamlText(texts.summary)}`,
    'tags: []',
    `order: ${TEAM_CARD_DEFAULT_ORDER}`,
    `question: ${yamlText(question)}`,
    ...(card.kind === 'prompt'
      ? [`label: ${yamlText(promptLabel(title))}`, `directive: ${yamlText(texts.directive)}`, `supportive: ${yamlText(texts.supportive)}`]
      : []),
  ];
  return `---\n${fields.join('\n')}\n---\n${oneLine(texts.explanation)}\n\n## ${oneLine(texts.inPracticeHeading)}\n${oneLine(texts.inPractice)}\n`;
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is valid YAML; the characters YAML may not hold raw
 * (C1 controls, line and paragraph separators, non-characters) are escaped besides.
 */
function yamlText(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An id as written plainly where YAML reads it as text; quoted where it would read a number, a boolean or null. */
function yamlId(id: string): string {
  return /^[a-z]/.test(id) && !/^(?:true|false|null)$/.test(id) ? id : yamlText(id);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
