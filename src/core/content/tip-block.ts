import { splitBody } from './card-body';
import { Card } from '../types';

/** Escapes text so a VS Code snippet shows it literally: `$`, `}` and `\` are snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

/** The block's own words, in English; they are also l10n keys, so the extension passes them translated. */
export const TIP_BLOCK_LABELS = {
  insteadOf: 'Instead of:',
  try: 'Try:',
  tryThisWeek: 'Try this week:',
  reflect: 'Reflect:',
  answer: 'Answer:',
  answerPlaceholder: 'Your answer',
};
export type TipBlockLabels = typeof TIP_BLOCK_LABELS;

/**
 * The GitHub-style `> [!TIP]` block for a card. As a snippet, the answer is the first tab stop;
 * as plain markdown (for the clipboard) it is left empty.
 */
export function tipBlock(card: Card, form: 'snippet' | 'markdown', labels: TipBlockLabels = TIP_BLOCK_LABELS): string {
  const text = form === 'snippet' ? escapeSnippetText : (value: string) => value;
  const lines: string[] = ['[!TIP]', `**${text(card.title)}**`, ''];
  lines.push(...text(splitBody(card.body).explanation).split('\n'));
  if (card.directive && card.supportive) {
    lines.push('', `${text(labels.insteadOf)} *${text(card.directive)}*`, `${text(labels.try)} *${text(card.supportive)}*`);
  }
  if (card.try) lines.push('', `**${text(labels.tryThisWeek)}** ${text(card.try)}`);
  lines.push('', `**${text(labels.reflect)}** ${text(card.question)}`, '');
  lines.push(form === 'snippet' ? `**${text(labels.answer)}** \${1:${text(labels.answerPlaceholder)}}` : `**${text(labels.answer)}** `);
  return lines.map((line) => (line ? `> ${line}` : '>')).join('\n');
}

/**
 * What has to surround a block so it stays a block of its own: a blank line before it unless it
 * starts a paragraph, and one after it when text follows (or markdown would fold that text into the quote).
 */
export function blockPadding(around: { before: string; after: string; previousLine: string | undefined }): {
  prefix: string;
  suffix: string;
} {
  const prefix = around.before.trim() ? '\n\n' : around.previousLine?.trim() ? '\n' : '';
  const suffix = around.after.trim() ? '\n\n' : '\n';
  return { prefix, suffix };
}
