import { splitBody } from '../content/card-body';
import type { ContentLibrary } from '../content/library';
import { fill } from '../message';
import type { Card } from '../types';
import { flagsRaised } from './compare';
import type { WeekFigures } from './figures';
import { promptCardFor } from './rule-cards';

/**
 * The words of a reflection note, in English. Keys of the l10n bundles too: the extension passes each
 * through vscode.l10n.t before it writes a note.
 */
export const REFLECTION_NOTE_STRINGS = {
  title: 'Reflection on week {0}',
  dates: '{0} to {1}',
  private: 'A private note, for you alone. Lead From Behind keeps it outside your repositories unless you chose a folder for it.',
  figuresHeading: "This week's figures",
  nothingCounted: 'Nothing was counted this week.',
  commentsFinished: 'Comments finished: {0}',
  commentsFlagged: 'Comments with a directive flag while you wrote them: {0}',
  commentsLeftFlagged: 'Comments that went out with a directive flag left in: {0}',
  commentsRewritten: 'Comments in which you took a rewrite: {0}',
  flagsRaised: 'Directive flags: {0}',
  byRule: 'By rule: {0}',
  resolvedByRewrite: 'Resolved by a rewrite: {0}',
  resolvedByLabel: 'Resolved by a label: {0}',
  leftInPlace: 'Left in when the comment went out: {0}',
  sessions: 'Review sessions: {0} ({1} minutes)',
  topRuleHeading: 'The habit that came up most: {0}',
  noTopRule: 'No directive flag came up this week, so no habit stands out.',
  insteadOf: 'Instead of:',
  try: 'Try:',
  reflect: 'Reflect:',
  questionsHeading: 'Questions to reflect on',
  nextWeekHeading: 'One thing to try next week',
};
export type ReflectionNoteStrings = typeof REFLECTION_NOTE_STRINGS;

/** The note's file name: one note per ISO week, so the week's note is found again, never overwritten. */
export function reflectionFileName(week: string): string {
  return `${week}-reflection.md`;
}

const NOTE_NAME = /^(\d{4}-W\d{2})-reflection\.md$/;

/** The week of a reflection note's file name, or undefined when the file is not one. */
export function weekOfReflectionFile(name: string): string | undefined {
  return NOTE_NAME.exec(name)?.[1];
}

/** The rule flagged most in a week (ties in the order the figures list them), when any was. */
export function topRuleOf(figures: WeekFigures | undefined): string | undefined {
  let top: [string, number] | undefined;
  for (const [ruleId, count] of Object.entries(figures?.flagsByRule ?? {})) {
    if (Number.isFinite(count) && count > 0 && (!top || count > top[1])) top = [ruleId, count];
  }
  return top?.[0];
}

/**
 * Two cards of the model (concepts first, then tips) whose questions the note asks: a different pair each
 * week, the same pair all week long. `exclude` is the card the note already shows.
 */
export function reflectionQuestions(library: ContentLibrary, week: string, exclude?: string): Card[] {
  const pool = [...library.ofKind('concept'), ...library.ofKind('tip')].filter((card) => card.id !== exclude && card.question.trim());
  if (pool.length <= 2) return pool;
  const seed = weekNumber(week);
  const first = seed % pool.length;
  // A step that is never a multiple of the pool size: the second card always differs from the first.
  const second = (first + 1 + ((seed * 7) % (pool.length - 1))) % pool.length;
  return [pool[first], pool[second]];
}

/** Weeks since year 0, as a seed; 0 for a key that is not a week. */
function weekNumber(week: string): number {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? (Number(match[1]) * 53) + Number(match[2]) : 0;
}

export interface ReflectionNoteInput {
  readonly week: string;
  /** The week's first and last day (`YYYY-MM-DD`), when known. */
  readonly firstDay?: string;
  readonly lastDay?: string;
  readonly figures: WeekFigures | undefined;
  /** The one sentence comparing this week with the four before (as the Your Reviews view says it). */
  readonly comparison?: string;
  readonly library: ContentLibrary;
  /** A tone rule's name in the display language. */
  readonly ruleName: (id: string) => string;
}

/** The note, in markdown. */
export function reflectionNote(input: ReflectionNoteInput, words: ReflectionNoteStrings = REFLECTION_NOTE_STRINGS): string {
  const { figures } = input;
  const lines: string[] = [`# ${fill(words.title, input.week)}`, ''];
  if (input.firstDay && input.lastDay) lines.push(`*${fill(words.dates, input.firstDay, input.lastDay)}*`, '');
  lines.push(`> ${words.private}`, '', `## ${words.figuresHeading}`, '');
  const raised = flagsRaised(figures);
  if (!figures || (figures.commentsFinished <= 0 && raised === 0 && figures.sessions <= 0)) {
    lines.push(words.nothingCounted, '');
  } else {
    const byRule = Object.entries(figures.flagsByRule)
      .filter(([, count]) => count > 0)
      .sort(([, a], [, b]) => b - a)
      .map(([ruleId, count]) => `${input.ruleName(ruleId)} ${count}`)
      .join(', ');
    // Comments first, then the flags they held (a comment can hold several), nested under the flags line.
    lines.push(
      `- ${fill(words.commentsFinished, String(figures.commentsFinished))}`,
      `- ${fill(words.commentsFlagged, String(figures.commentsFlagged))}`,
      `- ${fill(words.commentsLeftFlagged, String(figures.commentsLeftFlagged))}`,
      `- ${fill(words.commentsRewritten, String(figures.commentsRewritten))}`,
      `- ${fill(words.flagsRaised, String(raised))}${byRule ? ` (${fill(words.byRule, byRule)})` : ''}`,
      `  - ${fill(words.resolvedByRewrite, String(figures.resolvedByRewrite))}`,
      `  - ${fill(words.resolvedByLabel, String(figures.resolvedByLabel))}`,
      `  - ${fill(words.leftInPlace, String(figures.leftInPlace))}`,
      `- ${fill(words.sessions, String(figures.sessions), String(figures.sessionMinutes))}`,
      '',
    );
  }
  if (input.comparison) lines.push(input.comparison, '');

  const topRule = topRuleOf(figures);
  const cardId = topRule === undefined ? undefined : promptCardFor(topRule);
  const card = cardId === undefined ? undefined : input.library.get(cardId);
  if (topRule !== undefined && card) {
    lines.push(`## ${fill(words.topRuleHeading, input.ruleName(topRule))}`, '', `### ${card.title}`, '', card.summary, '', splitBody(card.body).explanation, '');
    if (card.directive && card.supportive) lines.push(`- *${words.insteadOf}* ${card.directive}`, `- *${words.try}* ${card.supportive}`, '');
    lines.push(`**${words.reflect}** ${card.question}`, '');
  } else {
    lines.push(words.noTopRule, '');
  }

  lines.push(`## ${words.questionsHeading}`, '');
  reflectionQuestions(input.library, input.week, card?.id).forEach((question, index) => {
    lines.push(`${index + 1}. ${question.question} *(${question.title})*`, '', '   ', '');
  });
  lines.push(`## ${words.nextWeekHeading}`, '', '- ', '');
  return lines.join('\n');
}
