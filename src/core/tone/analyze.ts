/**
 * The feedback tone check: sorts a review comment into directive, supportive or neutral by the rules
 * in TONE.md, and explains each directive pattern with a supportive rewrite. Pure and synchronous; no
 * DOM, no Node, no network. Only the first MAX_ANALYZED_LENGTH characters are read, so the cost of
 * one call has a ceiling whatever is pasted into a comment box.
 */

import { Context, Cue, CueKind, findCues, isDirectiveKind } from './cues';
import { maskIgnored } from './mask';
import { rewrite } from './rewrite';
import { toneRule, ToneRuleId } from './rules';
import { splitSentences, tokenize } from './text';

export type Tone = 'directive' | 'supportive' | 'neutral';

/**
 * A directive pattern found in a comment. Its rewrite (`suggestions`, `replace`) is built the first time
 * either is read; both are own enumerable properties, so spreading, cloning or serialising a finding
 * builds it and yields plain data. Until then the finding keeps its comment's analysis alive.
 */
export interface ToneFinding {
  readonly ruleId: ToneRuleId;
  /** Why this pattern matters, in one sentence. */
  readonly message: string;
  /** The words that triggered the finding: offsets into the analysed text. */
  readonly start: number;
  readonly end: number;
  /** One or two supportive rewrites of `text.slice(replace.start, replace.end)`, technical content intact. */
  readonly suggestions: readonly string[];
  /** The span a quick fix replaces with a suggestion: the flagged clause, to the end of its sentence. */
  readonly replace: { readonly start: number; readonly end: number };
}

export interface ToneAnalysis {
  readonly tone: Tone;
  /** Directive patterns, in text order; empty unless the tone is directive. */
  readonly findings: readonly ToneFinding[];
  /** True when the comment was longer than MAX_ANALYZED_LENGTH and only its start was read. */
  readonly truncated: boolean;
}

export interface ToneOptions {
  /** Phrases a team accepts: a finding that overlaps one of them (case-insensitive) is dropped. */
  readonly allow?: readonly string[];
  /** Rule ids to switch off. */
  readonly disabledRules?: readonly string[];
}

/** Comments longer than this are analysed on their first MAX_ANALYZED_LENGTH characters only. */
export const MAX_ANALYZED_LENGTH = 10_000;

/** A comment made of nothing but commands gets at most this many findings (the tone is clear long before). */
export const MAX_FINDINGS = 50;
const MAX_CUES = 400;

const EMPTY: ToneAnalysis = Object.freeze({ tone: 'neutral', findings: Object.freeze([]), truncated: false });

// Which directive finding to keep when two overlap: commands first, judgements last.
const PRIORITY: Record<ToneRuleId, number> = {
  blocking: 0,
  rejection: 1,
  'accusing-why': 2,
  'request-question': 3,
  'polite-imperative': 4,
  prohibition: 5,
  imperative: 6,
  'you-must': 7,
  'we-must': 8,
  wish: 9,
  requirement: 10,
  replacement: 11,
  'defect-label': 12,
  'right-way': 13,
  verdict: 14,
};

export function analyzeFeedback(text: string, options?: ToneOptions): ToneAnalysis {
  if (typeof text !== 'string' || text.length === 0) return EMPTY;
  const truncated = text.length > MAX_ANALYZED_LENGTH;
  let source = truncated ? text.slice(0, MAX_ANALYZED_LENGTH) : text;
  // Never cut a surrogate pair in half.
  if (truncated && /[\uD800-\uDBFF]$/.test(source)) source = source.slice(0, -1);
  let masked = maskIgnored(source);
  // Typographic apostrophes read as straight ones ("don’t" is "don't"); one character for one, so offsets hold.
  if (masked.includes('\u2019')) masked = masked.replace(/\u2019/g, "'");
  const tokens = tokenize(masked);
  if (tokens.length === 0) return truncated ? { ...EMPTY, truncated } : EMPTY;
  const sentences = splitSentences(masked, tokens);
  const context: Context = { text: source, masked, tokens, sentences, labelled: undefined };

  const cues = applyOptions(findCues(context), source, options);
  let directive = false;
  let supportive = false;
  for (const cue of cues) {
    if (isDirectiveKind(cue.kind)) directive = true;
    else supportive = true;
  }
  const live = directive ? liveDirectives(context, cues) : cues.length === 0 ? cues : [];
  if (live.length === 0) return { tone: supportive ? 'supportive' : 'neutral', findings: [], truncated };
  const findings = dedupe(live.length > MAX_CUES ? live.slice(0, MAX_CUES) : live)
    .slice(0, MAX_FINDINGS)
    .map((cue) => finding(context, cue));
  return { tone: 'directive', findings, truncated };
}

function applyOptions(cues: Cue[], source: string, options: ToneOptions | undefined): Cue[] {
  if (!options || (!options.allow?.length && !options.disabledRules?.length)) return cues;
  const disabled = options.disabledRules && options.disabledRules.length > 0 ? new Set(options.disabledRules) : undefined;
  const allowed = allowedSpans(source, options.allow ?? []);
  if (!disabled && allowed.length === 0) return cues;
  return cues.filter((cue) => {
    if (!cue.rule) return true;
    if (disabled?.has(cue.rule)) return false;
    // An allowed phrase that overlaps the finding's words.
    return !allowed.some((span) => span.start < cue.end && span.end > cue.start);
  });
}

/**
 * Where the allowed phrases stand in the comment, as whole words and ignoring case: allowing "add" leaves
 * "address" flagged.
 */
function allowedSpans(source: string, phrases: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const phrase of phrases) {
    const words = typeof phrase === 'string' ? phrase.trim() : '';
    if (!words) continue;
    const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const match of source.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu'))) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/**
 * The directive cues that nothing takes back. Explicit optionality covers its own sentence and the
 * ones on either side (or the whole comment, as a label); an invitation to disagree takes back an
 * obligation in its paragraph; any option offered takes back a verdict in its paragraph or before it
 * ("This looks wrong. Should it be `<=`?"). Commands stay unless made optional; hostility always stays.
 */
function liveDirectives(context: Context, cues: readonly Cue[]): Cue[] {
  const { sentences } = context;
  // Nothing that could take a directive back: every directive cue stands.
  let softeners = false;
  for (const cue of cues) if (cue.kind === CueKind.Optional || cue.kind === CueKind.Invite || cue.kind === CueKind.Option) softeners = true;
  if (!softeners) return cues.filter((cue) => isDirectiveKind(cue.kind));
  let wideOptional = false;
  const optionalAt = new Set<number>();
  const invitedIn = new Set<number>();
  const optionIn = new Set<number>();
  // A verdict followed, anywhere later, by an option is classed by the option (TONE.md, rule 11).
  let lastOption = -1;
  for (const cue of cues) {
    const paragraph = sentences[cue.sentence].paragraph;
    if (cue.kind === CueKind.Optional) {
      if (cue.wide) wideOptional = true;
      optionalAt.add(cue.sentence);
    } else if (cue.kind === CueKind.Invite) {
      invitedIn.add(paragraph);
      optionIn.add(paragraph);
    } else if (cue.kind === CueKind.Option) {
      optionIn.add(paragraph);
    }
    if (cue.kind === CueKind.Invite || cue.kind === CueKind.Option) lastOption = Math.max(lastOption, cue.sentence);
  }
  const optional = (sentence: number) => wideOptional || optionalAt.has(sentence) || optionalAt.has(sentence - 1) || optionalAt.has(sentence + 1);
  return cues.filter((cue) => {
    const paragraph = sentences[cue.sentence].paragraph;
    switch (cue.kind) {
      case CueKind.Hostile:
        return true;
      case CueKind.Command:
        return !optional(cue.sentence);
      case CueKind.Obligation:
        return !optional(cue.sentence) && !invitedIn.has(paragraph);
      case CueKind.Judgement:
        return !optional(cue.sentence) && !optionIn.has(paragraph) && lastOption < cue.sentence;
      default:
        return false;
    }
  });
}

/** One finding per pattern: overlapping cues keep the strongest, and judgements give way to commands in the same sentence. */
function dedupe(cues: Cue[]): Cue[] {
  if (cues.length === 1) return cues;
  const strongIn = new Set<number>();
  for (const cue of cues) if (cue.kind !== CueKind.Judgement) strongIn.add(cue.sentence);
  // A bare "please" found by itself gives way to the command it belongs to, which then counts as polite.
  const politeAlone = (cue: Cue) => cue.rule === 'polite-imperative' && cue.head === undefined;
  const commands = cues.filter((cue) => cue.kind === CueKind.Command && !politeAlone(cue));
  cues = cues
    .filter((cue) => !politeAlone(cue) || !commands.some((other) => other.sentence === cue.sentence))
    .map((cue) =>
      cue.rule === 'imperative' && cues.some((other) => politeAlone(other) && other.sentence === cue.sentence) ? { ...cue, rule: 'polite-imperative' as const } : cue,
    );
  const ranked = cues
    .filter((cue) => cue.kind !== CueKind.Judgement || !strongIn.has(cue.sentence))
    .sort((a, b) => PRIORITY[a.rule!] - PRIORITY[b.rule!] || Number(b.head !== undefined) - Number(a.head !== undefined) || b.end - b.start - (a.end - a.start));
  const kept: Cue[] = [];
  const judged = new Set<string>();
  for (const cue of ranked) {
    if (kept.some((other) => cue.start < other.end && other.start < cue.end)) continue;
    if (cue.kind === CueKind.Judgement) {
      const key = `${cue.sentence}:${cue.rule}`;
      if (judged.has(key)) continue;
      judged.add(key);
    }
    kept.push(cue);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The diagnostics on each keystroke need only the rule and the span; a quick fix reads the rewrite (see ToneFinding). */
function finding(context: Context, cue: Cue): ToneFinding {
  const rule = toneRule(cue.rule!)!;
  let built: { suggestions: readonly string[]; replace: { start: number; end: number } } | undefined;
  const build = () => {
    if (!built) {
      const { start, end, suggestions } = rewrite(context, cue);
      built = { suggestions, replace: { start, end } };
    }
    return built;
  };
  return {
    ruleId: rule.id,
    message: rule.message,
    start: cue.start,
    end: cue.end,
    get suggestions() {
      return build().suggestions;
    },
    get replace() {
      return build().replace;
    },
  };
}
