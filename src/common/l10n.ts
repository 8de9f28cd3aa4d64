import * as vscode from 'vscode';
import { TIP_BLOCK_LABELS, TipBlockLabels } from '../core/content/tip-block';

/**
 * A record of the core's English strings, each passed through vscode.l10n.t: the English text is the
 * key in l10n/bundle.l10n.*.json, as for every other string of the extension.
 */
export function localized<T extends Record<string, string>>(strings: T): T {
  return Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, vscode.l10n.t(value)])) as T;
}

/** The words of an inserted or copied tip block, in VS Code's display language. */
export function tipBlockLabels(): TipBlockLabels {
  return localized(TIP_BLOCK_LABELS);
}

/** The display language and the language alone ("pt-br" then "pt"), the order in which to look for translations. */
export function displayLanguages(): string[] {
  const language = vscode.env.language.toLowerCase();
  const base = language.split('-')[0];
  return language === 'en' || base === 'en' ? [] : [...new Set([language, base])];
}
