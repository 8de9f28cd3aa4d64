/**
 * Finds the signals in one comment: directive patterns (commands, obligations, verdicts …) and
 * supportive ones (option questions, first-person framing, optionality, praise). Deciding what they
 * add up to is analyze.ts's job; this folder only finds them, each with its offsets.
 */

export { CueKind, isDirectiveKind } from './cue';
export type { Context, Cue } from './cue';
export { findCues } from './find-cues';
export { CUE_PATTERNS, SCANNED_PATTERNS, triggerPositions } from './patterns';
