/** Feedback tone check: the public API (docs/tone-rules.md lists the rules). */
export { analyzeFeedback, MAX_ANALYZED_LENGTH, MAX_FINDINGS } from './analyze';
export type { Tone, ToneAnalysis, ToneFinding, ToneOptions } from './analyze';
export { TONE_RULES, toneRule, toneRuleLine } from './rules';
export type { ToneRule, ToneRuleId } from './rules';
export { addConventionalLabel, parseConventionalPrefix } from './conventional';
export type { ConventionalLabel, ConventionalPrefix } from './conventional';
export { markdownParagraphs } from './paragraphs';
