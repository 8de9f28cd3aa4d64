/** Runs every cue finder over one comment, in order, and collects what they find. */

import { ConventionalPrefix, parseConventionalPrefix } from '../conventional';
import { ACCEPT_WORDS, ACK_PAST_WORDS, AGREEMENT_OPENER, AGREEMENT_WORDS, CONDITION_WORDS, INFO_VERBS, NEGATING_PRAISE, OBSERVE_WORDS, PINGS, REASON_WORDS, REJECTION_WORDS, REVIEW_ACTION_VERBS, SIGN_OFF_WORDS, W, WH_WORDS } from '../lexicon';
import { Kind, Sentence, spanAt, Token } from '../text';
import { clauseStartBefore, conditionalBefore, subordinated } from './context-checks';
import { Context, Cue, CueKind } from './cue';
import { asksForInformation } from './clause-heads';
import { labelsOf } from './labels';
import { INFO_TARGET, LOWERCASE_PATTERNS, Phrase, POLITE_EXCEPT, scanTokens, SCANNED_PATTERNS, WISH_EXCEPT } from './patterns';
import { requirementCues } from './requirements';
import { isBotCommand, sentenceCues } from './sentence-cues';
import { withoutTrailingThanks } from './terse-labels';
import { verdictWordCues } from './verdict-words';

export function findCues(context: Context): Cue[] {
  const cues: Cue[] = [];
  const { sentences, tokens, masked } = context;
  if (sentences.length === 0) return cues;
  let hedgeAt: Int32Array | undefined;
  const hedged = (sentence: number, offset: number) => hedgeAt !== undefined && hedgeAt[sentence] >= 0 && hedgeAt[sentence] < offset;
  const push = (cue: Cue) => cues.push(cue);

  // --- Conventional Comments prefix of the whole comment.
  const prefix = leadingPrefix(masked);
  if (prefix) {
    const first = 0;
    if (prefix.label === 'praise') push({ kind: CueKind.Praise, start: prefix.start, end: prefix.end, sentence: first });
    // Leading from the front when it matters: a blocker that names its risk or asks how to fix it is what
    // the "Say what blocks" card recommends. Only a bare "(blocking)" order is flagged.
    if (prefix.decorations.includes('blocking') && !explainsItself(masked.slice(prefix.end))) {
      const at = masked.indexOf('blocking', prefix.start);
      push({ kind: CueKind.Hostile, rule: 'blocking', start: at, end: at + 'blocking'.length, sentence: first });
    }
    if (prefix.decorations.includes('non-blocking') || prefix.decorations.includes('if-minor') || prefix.decorations.includes('optional')) {
      push({ kind: CueKind.Optional, start: prefix.start, end: prefix.end, sentence: first, wide: true });
    }
  }

  // --- Per sentence: labels, clause heads, terse labels and replacements.
  for (let s = 0; s < sentences.length; s++) sentenceCues(context, s, push);

  // --- Phrases, pattern by pattern in order (hedges first: they quiet what comes after them).
  const { positions, flags } = scanTokens(tokens);
  // Lower-casing keeps offsets only when no character changes length (a few, like "İ", do). A comment
  // with no phrase to try (most short ones) needs no lower-cased copy.
  const lower = positions.some((at) => at !== undefined) ? masked.toLowerCase() : masked;
  const lowered = lower.length === masked.length;
  const subject = lowered ? lower : masked;
  for (let index = 0; index < positions.length; index++) {
    const at = positions[index];
    if (!at) continue;
    const pattern = lowered ? LOWERCASE_PATTERNS[index] : SCANNED_PATTERNS[index];
    let covered = -1;
    for (const start of at) {
      if (start < covered) continue;
      pattern.lastIndex = start;
      // test() with a sticky pattern leaves the match's end in lastIndex, and builds no match array.
      if (!pattern.test(subject) || pattern.lastIndex === start) continue;
      const end = pattern.lastIndex;
      covered = end;
      const sentence = sentenceAt(sentences, start);
      if (sentence < 0) continue;
      const s = sentences[sentence];
      switch (index as Phrase) {
        case Phrase.Hedge:
          hedgeAt ??= new Int32Array(sentences.length).fill(-1);
          if (hedgeAt[sentence] < 0) hedgeAt[sentence] = start;
          break;
        case Phrase.Polite: {
          if (POLITE_EXCEPT.test(masked.slice(end, end + 40)) || isBotCommand(tokens, s.firstToken, s.lastToken)) break;
          // "a hack to please both parsers": the verb, not the courtesy.
          const politeAt = tokenAt(tokens, start);
          if (politeAt > 0 && tokens[politeAt - 1].lower === 'to') break;
          // "Yes, please." accepts an offer.
          const at = tokenAt(tokens, start);
          if (at > s.firstToken && ACCEPT_WORDS.has(tokens[at - (tokens[at - 1].lower === ',' ? 2 : 1)]?.lower ?? '') && !tokens.slice(at + 1, s.lastToken).some((token) => token.kind === Kind.Word)) break;
          // "Could you please explain …?" asks for information, unless it asks for it in the commit message.
          const next = tokenAt(tokens, end);
          if (s.question && next < s.lastToken && INFO_VERBS.has(tokens[next].lower) && !INFO_TARGET.test(masked.slice(tokens[next].end, s.end))) break;
          if (next < s.lastToken && (REVIEW_ACTION_VERBS.has(tokens[next].lower) || asksForInformation(tokens, next, s.lastToken))) break;
          push({ kind: CueKind.Command, rule: 'polite-imperative', start, end, sentence, from: clauseStartBefore(context, sentence, tokenAt(tokens, start)) });
          break;
        }
        case Phrase.You:
        case Phrase.We: {
          if (s.question || hedged(sentence, start)) break;
          const at = tokenAt(tokens, start);
          if (subordinated(tokens, s, at)) break;
          const phrase = subject.slice(start, end).toLowerCase();
          if (index === Phrase.You && /\bshould be able\b/i.test(masked.slice(start, end + 9))) break;
          // "squash and rebase all you want": what the author may do, not what they must.
          if (index === Phrase.You && phrase.endsWith('want') && ALL_YOU_WANT.test(masked.slice(Math.max(s.start, start - 16), start))) break;
          // "I don't think you need to wrap it": the reviewer takes work off the author, in their own voice.
          if (index === Phrase.You && /(?:need|needs|have to|has to)$/.test(phrase) && DOUBT_BEFORE.test(masked.slice(Math.max(s.start, start - 32), start))) break;
          // "We must have overlooked that": a deduction about the past, not an obligation.
          if (/must$/i.test(phrase) && /^ have \w+(?:ed|en|ne|wn)\b/i.test(masked.slice(end, end + 24))) break;
          if (phrase.endsWith('better') && !/^(?:you|we)(?:'d| had) better/.test(phrase)) break;
          // "We don't need that if we use uuid_t", "… because the children are refreshed": what is not needed, and why.
          if (NEGATIVE_NEED.test(phrase) && explainedAfter(tokens, tokenAt(tokens, end), s.lastToken)) break;
          const rule = index === Phrase.You ? 'you-must' : 'we-must';
          push({ kind: CueKind.Obligation, rule, start, end, sentence, from: clauseStartBefore(context, sentence, at), head: tokenAt(tokens, end - 1) });
          break;
        }
        case Phrase.Wish:
          if (s.question || WISH_EXCEPT.test(masked.slice(end, end + 40))) break;
          push({ kind: CueKind.Obligation, rule: 'wish', start, end, sentence, from: clauseStartBefore(context, sentence, tokenAt(tokens, start)), head: tokenAt(tokens, end - 1) });
          break;
        case Phrase.Accusing:
          push({ kind: CueKind.Command, rule: 'accusing-why', start, end, sentence, from: clauseStartBefore(context, sentence, tokenAt(tokens, start)) });
          break;
        case Phrase.Hostile:
          push({ kind: CueKind.Hostile, rule: 'rejection', start, end, sentence });
          break;
        case Phrase.Verdict:
        case Phrase.RightWay: {
          if (s.question || hedged(sentence, start)) break;
          const at = tokenAt(tokens, start);
          if (conditionalBefore(tokens, s, at) || (index === Phrase.Verdict && subordinated(tokens, s, at))) break;
          const needs = index === Phrase.Verdict && /\bneed\b/.test(subject.slice(start, end));
          if (needs && explainedAfter(tokens, tokenAt(tokens, end), s.lastToken)) break;
          // "No need for a thanks", "no need to apologise": a courtesy.
          if (needs && COURTESY_NEED.test(masked.slice(end, end + 24))) break;
          push({ kind: CueKind.Judgement, rule: index === Phrase.Verdict ? 'verdict' : 'right-way', start, end, sentence, from: clauseStartBefore(context, sentence, at) });
          break;
        }
        case Phrase.Sed:
          push({ kind: s.question ? CueKind.Option : CueKind.Judgement, rule: 'replacement', start, end, sentence, from: start });
          break;
        case Phrase.OptionQuestion:
          if (s.question && !WH_WORDS.has(tokens[labelsOf(context, sentence).next]?.lower ?? '')) push({ kind: CueKind.Option, start, end, sentence });
          break;
        case Phrase.Invite:
          push({ kind: CueKind.Invite, start, end, sentence });
          break;
        case Phrase.Optional:
          push({ kind: CueKind.Optional, start, end, sentence });
          break;
        case Phrase.Praise: {
          const at = tokenAt(tokens, start);
          const previous = at > s.firstToken ? tokens[at - 1].lower : '';
          if (NEGATING_PRAISE.has(previous)) break;
          push({ kind: CueKind.Praise, start, end, sentence });
          break;
        }
        default: // why not, option, first person, conditional
          push({ kind: CueKind.Option, start, end, sentence });
      }
    }
  }
  if (flags & W.Verdict) verdictWordCues(context, cues);
  if (flags & W.Modal) requirementCues(context, cues, hedged);
  // The rarer checks run only where their words occur at all.
  if (flags & W.Rejection) rejectionCues(context, push);
  if (context.text.includes('>')) correctionCue(context, push);
  const named = cues.length > 0 && (flags & W.Call) !== 0;
  const filtered = cues.length === 0 ? cues : inContext(context, cues, (flags & W.Observe) !== 0);
  return named ? naming(context, filtered) : filtered;
}

const COURTESY_NEED = /^\s*(?:(?:for\s+)?(?:a\s+|any\s+)?(?:thanks|thank you|apolog\w*|sorry)|(?:to\s+)?(?:thank|apologi[sz]e|be sorry|worry))\b/i;
const ALL_YOU_WANT = /\b(?:all|whatever|what|anything|as much as)\s+$/i;
const DOUBT_BEFORE = /\bi (?:don't|do not) (?:really |quite |even )?think\s*$/i;
const NEGATIVE_NEED = /(?:n't|\bnot) (?:need|have to)$/;

/** A reason or a condition later in the sentence ("… if we use uuid_t", "… because …"). */
function explainedAfter(tokens: readonly Token[], from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (REASON_WORDS.has(tokens[i].lower) || CONDITION_WORDS.has(tokens[i].lower)) return true;
  return false;
}

/**
 * "Negotiated" under a quoted line that says "Negociated": a reply of a word or three that respells a
 * word of the quoted lines right above it (up to six) is a bare replacement (TONE.md, rule 9). Only a
 * near miss counts, so an unrelated quote never changes the verdict.
 */
function correctionCue(context: Context, push: (cue: Cue) => void): void {
  const { text, tokens } = context;
  // The reply's first line, without a sign-off after it ("allocated Thanks!").
  const lineEnd = text.indexOf('\n', tokens[0].start);
  // "Reviewed-by: Wei Yang" under "Signed-off-by: Zi Yan" is a tag, not a respelling.
  if (text.slice(tokens[0].start, lineEnd < 0 ? undefined : lineEnd).includes(':')) return;
  let lineTokens = 0;
  while (lineTokens < tokens.length && lineTokens < 8 && (lineEnd < 0 || tokens[lineTokens].start < lineEnd)) lineTokens++;
  const words = tokens.slice(0, withoutTrailingThanks(tokens, 0, lineTokens)).filter((token) => token.kind === Kind.Word);
  if (words.length === 0 || words.length > 3 || words.some((token) => (token.info?.flags ?? 0) & (W.Ack | W.Praise | W.Finite | W.Subject))) return;
  // "div64_ul()" alone under a quoted line of the patch: the name or call to put there instead.
  const only = words[0];
  if (IDENTIFIER_LIKE.test(text.slice(only.start, only.end)) && onlyACall(text.slice(only.end, lineEnd < 0 ? undefined : lineEnd)) && diffLineAbove(text, only.start)) {
    push({ kind: CueKind.Judgement, rule: 'replacement', start: only.start, end: only.end, sentence: 0, from: only.start });
    return;
  }
  const quoted = quotedWordsAbove(text, only.start);
  for (const word of words) {
    const own = word.lower;
    if (own.length < 4 || quoted.has(own)) continue;
    // One letter off in a short word, two in a longer one.
    const limit = own.length >= 6 ? 2 : 1;
    for (const other of quoted) {
      if (Math.abs(other.length - own.length) <= limit && editDistance(own, other, limit) <= limit) {
        push({ kind: CueKind.Judgement, rule: 'replacement', start: words[0].start, end: words[words.length - 1].end, sentence: 0, from: words[0].start });
        return;
      }
    }
  }
}

const CALL_ARGUMENTS = /^\([^()\n]{0,60}\)/;
const EMOJI = /\p{Extended_Pictographic}|\uFE0F|[:;]-?[)D]/gu;

/** Whether the rest of the line after a name holds only call brackets, a full stop, an emoji or a sign-off. */
function onlyACall(rest: string): boolean {
  // Longer than any call and sign-off: something else is said (and no pattern below runs on a long line).
  if (rest.length > 100) return false;
  const words = rest.replace(EMOJI, ' ').replace(CALL_ARGUMENTS, ' ').split(/[\s.!,]+/).filter(Boolean);
  return words.length === 0 || (words.length === 1 && SIGN_OFF_WORDS.has(words[0].toLowerCase()));
}

// snake_case, camelCase, or letters and digits mixed: a name from code, not a word.
const IDENTIFIER_LIKE = /_|[a-z][A-Z]|[a-z]\d|\d[a-z]/;

/** The quoted lines ("> …") right above an offset's line, nearest first, at most `max`: past the blank lines between, then up through the quoted block. */
function quotedLinesAbove(text: string, offset: number, max: number): string[] {
  const lines: string[] = [];
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0 && text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim() === '') end = text.lastIndexOf('\n', end - 1);
  while (end > 0 && lines.length < max) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!/^\s*>/.test(line)) break;
    lines.push(line);
    end = start - 1;
  }
  return lines;
}

/** Whether the nearest non-blank line above an offset quotes an added or removed line of a patch ("> +…"). */
function diffLineAbove(text: string, offset: number): boolean {
  const [nearest] = quotedLinesAbove(text, offset, 1);
  return nearest !== undefined && /^\s*>[\s>]*[+-]/.test(nearest);
}

/** The lower-cased words of the quoted lines (up to six) directly above an offset. */
function quotedWordsAbove(text: string, offset: number): Set<string> {
  const words = new Set<string>();
  for (const line of quotedLinesAbove(text, offset, 6)) for (const word of line.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) words.add(word);
  return words;
}

/** Levenshtein distance, or `limit + 1` once it is sure to exceed `limit`. Words here are short; equal words are excluded before. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** "Rejected because …", "Nacked." opening a sentence: the change is turned down. */
function rejectionCues(context: Context, push: (cue: Cue) => void): void {
  const { tokens, sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    const first = tokens[labelsOf(context, s).next];
    if (first && first.kind === Kind.Word && REJECTION_WORDS.has(first.lower)) push({ kind: CueKind.Hostile, rule: 'rejection', start: first.start, end: first.end, sentence: s });
  }
}

const APPROVAL = /^(?:lgtm|sgtm|ship it)/i;
const COURTESY = /^(?:take your time|thank (?:you|them|him|her)|enjoy|relax|have fun)\b/i;

/**
 * Cues that the comment around them shows to be something else:
 * - an author's reply ("Fixed the two mistakes. Probably needs more testing.") speaks of their own work;
 * - steps to reproduce ("call `Timeout.yo`, then wait to see …") show what happens, they order nothing;
 * - a verb after a suggestion in the same sentence ("I would rather X and keep Y") is the suggestion's;
 * - an approval ("LGTM, but …") carries the verdicts and requirements beside it;
 * - courtesies in the imperative ("Take your time!") are kindness.
 */
function inContext(context: Context, cues: Cue[], observe: boolean): Cue[] {
  const { tokens, sentences } = context;
  const firstWord = tokens.find((token) => token.kind === Kind.Word);
  const authorReply = firstWord !== undefined && ACK_PAST_WORDS.has(firstWord.lower) && firstWord.start === tokens[sentences[0].firstToken].start;
  let observing: Set<number> | undefined;
  for (let i = 1; observe && i < tokens.length; i++) {
    if (!OBSERVE_WORDS.has(tokens[i].lower)) continue;
    const before = tokens[i - 1].lower;
    if (before === 'to' || before === 'and' || before === "you'll" || before === 'will' || before === 'should' || before === 'can') (observing ??= new Set()).add(sentenceAt(sentences, tokens[i].start));
  }
  // "I would rather call X during probe() and keep the clock on": the verb after "and" is still the suggestion's.
  const suggestedFrom = new Map<number, number>();
  for (const cue of cues) {
    const earliest = suggestedFrom.get(cue.sentence);
    if (cue.kind === CueKind.Option && (earliest === undefined || cue.start < earliest)) suggestedFrom.set(cue.sentence, cue.start);
  }
  // "I will rebase that one, and add the fixes": the verbs after the speaker's own "I will" are the speaker's plan.
  let planFrom: Map<number, number> | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!ownPlan(tokens, i)) continue;
    const sentence = sentenceAt(sentences, tokens[i].start);
    if (sentence >= 0 && !planFrom?.has(sentence)) (planFrom ??= new Map()).set(sentence, tokens[i].start);
  }
  // "LGTM, but it is hard to follow": an approval carries the verdicts beside it.
  const approved = cues.some((cue) => cue.kind === CueKind.Praise && APPROVAL.test(context.masked.slice(cue.start, cue.end)));
  const agreeing = cues.some((cue) => (cue.kind === CueKind.Obligation || cue.kind === CueKind.Judgement) && agreesFirst(context, cue));
  if (!authorReply && !observing && suggestedFrom.size === 0 && !planFrom && !approved && !agreeing && !cues.some((cue) => cue.kind === CueKind.Command)) return cues;
  return cues.filter((cue) => {
    if ((authorReply || approved) && (cue.kind === CueKind.Obligation || cue.kind === CueKind.Judgement)) return false;
    if (agreeing && (cue.kind === CueKind.Obligation || cue.kind === CueKind.Judgement) && agreesFirst(context, cue)) return false;
    if (cue.rule === 'imperative' && (observing?.has(cue.sentence) || (suggestedFrom.get(cue.sentence) ?? Infinity) < cue.start || (planFrom?.get(cue.sentence) ?? Infinity) < cue.start)) return false;
    if ((cue.rule === 'imperative' || cue.rule === 'polite-imperative') && cue.head !== undefined && COURTESY.test(context.masked.slice(tokens[cue.head].start, tokens[cue.head].start + 20))) return false;
    if (cue.rule === 'imperative' && cue.head !== undefined && (approvedAfter(context, cue.head) || agreesOrPingsAlone(context, cue) || pastedTrace(context, cue.head))) return false;
    return true;
  });
}

/** "change LGTM!": the word after the verb approves, so the verb names what is approved. */
function approvedAfter(context: Context, head: number): boolean {
  const next = context.tokens[head + 1];
  return next !== undefined && next.kind === Kind.Word && APPROVAL.test(next.lower);
}

/**
 * "Yes, you are right, this shouldn't be FragmentScope", "You are absolutely right - no need for the
 * defaults": a requirement or verdict in a sentence that opens by agreeing is a reply that concedes the
 * point, unless a "but" turns it ("Yes, but this should …").
 */
function agreesFirst(context: Context, cue: Cue): boolean {
  const { masked, sentences } = context;
  const before = masked.slice(sentences[cue.sentence].start, cue.start);
  return AGREEMENT_OPENER.test(before) && !/\b(?:but|however|though|although)\b/i.test(before);
}

/** "Call trace:" of a kernel oops pasted as evidence. */
function pastedTrace(context: Context, head: number): boolean {
  const { tokens } = context;
  return tokens[head].lower === 'call' && tokens[head + 1]?.lower === 'trace';
}

/** "Correct." or "bump." alone: agreement with what was said, or a ping; not an order. */
function agreesOrPingsAlone(context: Context, cue: Cue): boolean {
  const { tokens, sentences } = context;
  const sentence = sentences[cue.sentence];
  const head = cue.head!;
  if (!AGREEMENT_WORDS.has(tokens[head].lower) && !PINGS.has(tokens[head].lower)) return false;
  for (let i = sentence.firstToken; i < sentence.lastToken; i++) if (i !== head && tokens[i].kind === Kind.Word) return false;
  return true;
}

/** "I'll", "I will", "I'm going to": the speaker's own plan starts here. */
function ownPlan(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i].lower;
  if (word.charCodeAt(0) !== 0x69) return false; // "i…"
  const next = tokens[i + 1]?.lower;
  if (word === "i'll" || (word === 'i' && next === 'will')) return true;
  const going = word === "i'm" ? i + 1 : word === 'i' && next === 'am' ? i + 2 : -1;
  return going > 0 && tokens[going]?.lower === 'going' && tokens[going + 1]?.lower === 'to';
}

/** "…, call it "event A"": naming a thing for the discussion, not a command. */
function naming(context: Context, cues: Cue[]): Cue[] {
  const { tokens } = context;
  return cues.filter((cue) => {
    if (cue.rule !== 'imperative' || cue.head === undefined || tokens[cue.head].lower !== 'call') return true;
    const object = tokens[cue.head + 1];
    const name = tokens[cue.head + 2];
    return !(object && /^(?:it|this|that|them)$/.test(object.lower) && name?.kind === Kind.Code);
  });
}

function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  const { index, inside } = spanAt(sentences, offset);
  return inside ? index : -1;
}

function tokenAt(tokens: readonly Token[], offset: number): number {
  return spanAt(tokens, offset).index;
}

const NOT_BLANK = /[^ \n\t\r]/g;

/** The Conventional Comments prefix of the comment's first words, after any quoted mail or greeting (masked as blanks). */
function leadingPrefix(masked: string): ConventionalPrefix | undefined {
  // Masked quotes and greetings are blanks: one native search finds the first character after them.
  NOT_BLANK.lastIndex = 0;
  const offset = NOT_BLANK.test(masked) ? NOT_BLANK.lastIndex - 1 : masked.length;
  if (offset === 0) return parseConventionalPrefix(masked);
  const prefix = parseConventionalPrefix(masked.slice(offset));
  return prefix && { ...prefix, start: prefix.start + offset, end: prefix.end + offset };
}

// A reason or a consequence: "because", "so that", "leaks", "ends up in", "can crash", a security or data-loss risk.
const REASON = /\b(?:because|since|otherwise|so that|as it|which|leaks?|ends? up|crash(?:es)?|breaks?|loses?|lost|data loss|corrupt\w*|secur\w*|vulnerab\w*|expos\w*|overflow\w*|injection|race|deadlock|will|would|can|could|might)\b/i;

/** Whether a blocking comment gives its reason or asks a question, rather than only ordering. */
function explainsItself(body: string): boolean {
  return body.includes('?') || REASON.test(body);
}
