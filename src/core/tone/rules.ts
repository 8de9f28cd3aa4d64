/** The directive patterns the tone check flags: ids are stable (settings, allowlists and docs links use them). */

export type ToneRuleId =
  | 'imperative'
  | 'polite-imperative'
  | 'request-question'
  | 'you-must'
  | 'we-must'
  | 'requirement'
  | 'prohibition'
  | 'accusing-why'
  | 'verdict'
  | 'defect-label'
  | 'replacement'
  | 'right-way'
  | 'wish'
  | 'rejection'
  | 'blocking';

export interface ToneRule {
  readonly id: ToneRuleId;
  readonly name: string;
  /** One line, for docs and settings. */
  readonly description: string;
  /** The "why" a finding shows: what the pattern does to the author's ownership of the decision. */
  readonly message: string;
}

export const TONE_RULES: readonly ToneRule[] = [
  {
    id: 'imperative',
    name: 'Bare imperative',
    description: 'A command at the start of a sentence ("Rename this to fooBar.").',
    message: 'A command decides for the author; a question leaves the decision, and the learning, with them.',
  },
  {
    id: 'polite-imperative',
    name: 'Polite imperative',
    description: 'A command softened with "please" ("Please add a test.").',
    message: '"Please" softens the words, but it is still an order; asking what they think keeps the choice theirs.',
  },
  {
    id: 'request-question',
    name: 'Request as a question',
    description: '"Can/could/would you X?" asking for a change, with no room to say no.',
    message: 'A request in question form still tells; make it optional or ask for their view so the author decides.',
  },
  {
    id: 'you-must',
    name: 'Obligation on the author',
    description: '"You should / must / need to / have to X", "You can\'t X".',
    message: 'Telling the author what they must do takes the decision away from them; asking keeps it theirs.',
  },
  {
    id: 'we-must',
    name: '"We should"',
    description: '"We should / need to / must X", even when hedged.',
    message: '"We should" still decides for the author; "could we …?" leaves room for their judgment.',
  },
  {
    id: 'requirement',
    name: 'Stated requirement',
    description: 'A statement of how the code must be ("This should be static.", "Needs a comment.").',
    message: 'Stating how the code must be settles the question for the author; asking lets them own the choice.',
  },
  {
    id: 'prohibition',
    name: 'Prohibition',
    description: '"Don\'t X", "Never X", "Do not X".',
    message: 'A prohibition closes the discussion; naming the risk and asking keeps the author in charge.',
  },
  {
    id: 'accusing-why',
    name: 'Accusing question',
    description: '"Why didn\'t you X?", "How come you don\'t X?" and rhetorical jabs.',
    message: 'A question that blames puts the author on the defensive; ask about the trade-off instead.',
  },
  {
    id: 'verdict',
    name: 'Bare verdict',
    description: 'A judgment built on an evaluative word ("This is wrong.", "makes no sense", "not needed").',
    message: 'A verdict judges the work without inviting a view; share your reasoning and ask what they think.',
  },
  {
    id: 'defect-label',
    name: 'Terse defect label',
    description: 'A defect named with no sentence around it ("whitespace damage", "Missing Signed-off-by").',
    message: 'A bare label says something is wrong but not why; a sentence and a question invite the author in.',
  },
  {
    id: 'replacement',
    name: 'Bare replacement',
    description: 'An edit dictated as "a -> b" or "s/old/new/".',
    message: 'A bare replacement dictates the edit; offering it as an option lets the author decide.',
  },
  {
    id: 'right-way',
    name: 'Claim of the right way',
    description: '"X is better", "better use X", or a convention the code breaks ("style is camelCase").',
    message: 'Declaring the right way leaves no room for the author\'s view; offer it as your view and ask.',
  },
  {
    id: 'wish',
    name: 'Reviewer\'s wish',
    description: '"I\'d like (to see) X", "I want X".',
    message: 'Your wish becomes the author\'s order; asking what they think keeps them leading the change.',
  },
  {
    id: 'rejection',
    name: 'Flat rejection',
    description: 'A hostile rejection ("NAK", shouting in capitals).',
    message: 'A flat rejection shuts the author out; say what worries you and what would change your mind.',
  },
  {
    id: 'blocking',
    name: 'Blocking decoration',
    description: 'A Conventional Comments "(blocking)" decoration on a bare order, with no risk named and no question.',
    message: 'Marking a comment blocking removes the author\'s choice; say why it has to change.',
  },
];

const BY_ID = new Map<string, ToneRule>(TONE_RULES.map((rule) => [rule.id, rule]));

export function toneRule(id: string): ToneRule | undefined {
  return BY_ID.get(id);
}

/** Filled in by the build (esbuild.mjs): the line of each rule's "## <id>" heading in docs/tone-rules.md. */
declare const __TONE_RULE_LINES__: Readonly<Record<string, number>>;

/**
 * The line (1-based) of a rule's heading in docs/tone-rules.md, for a diagnostic's link (`#L95`): VS Code
 * opens a page at a line from the fragment, never at a markdown anchor.
 */
export function toneRuleLine(id: ToneRuleId): number {
  return __TONE_RULE_LINES__[id];
}
