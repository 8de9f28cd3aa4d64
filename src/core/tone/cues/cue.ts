/** What the cue finders report: one signal in a comment, with its offsets. */

import type { ToneRuleId } from '../rules';
import type { Sentence, Token } from '../text';

export const enum CueKind {
  /** A command or demand; only explicit optionality takes it back. */
  Command,
  /** An obligation or wish; optionality or an invitation to disagree takes it back. */
  Obligation,
  /** A verdict or terse label; any option offered alongside takes it back. */
  Judgement,
  /** Hostile; nothing takes it back. */
  Hostile,
  Option,
  Invite,
  Optional,
  Praise,
}

export interface Cue {
  readonly kind: CueKind;
  readonly rule?: ToneRuleId;
  /** The words that triggered the cue. */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** Where a rewrite of this cue's clause starts; it runs to the end of the sentence. */
  readonly from?: number;
  /** For rewrites: the command's verb token index, or the modal's. */
  readonly head?: number;
  /** Optionality that covers the whole comment, not just the sentences around it. */
  readonly wide?: boolean;
}

export interface Context {
  readonly text: string;
  readonly masked: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Per sentence, where its content starts after any labels; filled on first use. */
  labelled?: { next: number; labels: string[] }[];
}

export function isDirectiveKind(kind: CueKind): boolean {
  return kind <= CueKind.Hostile;
}
