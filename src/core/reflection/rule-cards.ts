import type { ToneRuleId } from '../tone/rules';

/**
 * The review prompt card (content/prompts/, kind `prompt`) that answers each tone rule: the habit the rule
 * flags, and the card that shows the supportive way. Several rules may share a card. A core test checks
 * that every rule has one and that each card is a shipped prompt.
 */
export const RULE_PROMPT_CARDS: { readonly [R in ToneRuleId]: string } = {
  imperative: 'ask-dont-tell',
  'polite-imperative': 'explain-why',
  'request-question': 'mark-it-optional',
  'you-must': 'leave-the-decision',
  'we-must': 'we-could-not-we-should',
  requirement: 'say-whats-good-first',
  prohibition: 'share-the-risk-not-the-fix',
  'accusing-why': 'question-the-code-not-the-person',
  verdict: 'speak-for-yourself',
  'defect-label': 'explain-why',
  replacement: 'suggest-dont-rule',
  'right-way': 'offer-an-option',
  wish: 'leave-the-decision',
  rejection: 'say-what-blocks',
  blocking: 'say-what-blocks',
};

/** The prompt card for a rule id, or undefined for an id that is no tone rule (figures are read from storage). */
export function promptCardFor(ruleId: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_PROMPT_CARDS, ruleId) ? RULE_PROMPT_CARDS[ruleId as ToneRuleId] : undefined;
}
