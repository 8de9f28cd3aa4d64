import type { Message } from './message';
/** The pure core's own small types. Conversions to `vscode` types live in the feature modules. */

export const CARD_KINDS = ['concept', 'comparison', 'tip', 'prompt'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Where a card came from: shipped with the extension, or the team's own folder. */
export type CardOrigin = 'builtin' | 'team';

export interface Card {
  readonly id: string;
  readonly kind: CardKind;
  readonly title: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly order: number;
  /** The question the reader is invited to reflect on. */
  readonly question: string;
  /** Markdown: the explanation, then an "In a software team" section. */
  readonly body: string;
  /** Review prompts only: short status-bar text, a directive example and its supportive rewrite. */
  readonly label?: string;
  readonly directive?: string;
  readonly supportive?: string;
  /** One concrete step to take this week. Optional here; every built-in concept and tip has one. */
  readonly try?: string;
  readonly origin: CardOrigin;
  /** The file the card was read from, relative to its content folder. */
  readonly file: string;
}

/**
 * How much a problem matters: an error keeps the file from loading; a hint loads it and says what a
 * default stood in for.
 */
export type ProblemSeverity = 'error' | 'hint';

/** A problem found in a content file. Lines are 1-based. Without a severity it is an error. */
export interface ContentProblem extends Message {
  readonly file: string;
  readonly line: number;
  readonly severity?: ProblemSeverity;
}
