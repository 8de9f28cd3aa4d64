/**
 * Supportive rewrites of a flagged clause. They are built from slices of the original text, so code
 * spans, identifiers, links and numbers come through byte for byte; only the framing changes, from
 * telling to asking. A rewrite that could not be sent as it is does harm, so every rule builds one only
 * for shapes it understands, and a last check (`sound`) drops any suggestion that lost a piece of the
 * technical content or picked up a control character. No suggestion at all is a valid answer: the
 * finding, its reason and the label quick fix still help.
 */

import type { Context, Cue } from './cues';
import type { ToneRuleId } from './rules';
import {
  AGREEMENT_OPENER,
  AMBIGUOUS_VERBS,
  ARTICLE_FREE_OPENERS,
  baseOfGerund,
  CLARITY_VERBS,
  CODE_CHANGE_VERBS,
  CONNECTIVES,
  DEFECT_NOUNS,
  DETERMINERS,
  EVALUATIVE_ADJECTIVES,
  gerund,
  INTRANSITIVE_VERBS,
  LOCATION_LABELS,
  MASS_NOUNS,
  MUST_FIX_VERBS,
  NOT_NOUNS,
  OBJECT_START,
  PLACE_WORDS,
  PREFIX_LABELS,
  PROCESS_VERBS,
  REWRITE_FILLERS,
  REWRITE_GREETINGS,
  REWRITE_SUBORDINATORS,
  REMOVAL_VERBS,
  REVIEW_ACTION_VERBS,
  SHORTHAND_VERBS,
  STALE_ADJECTIVES,
  TRY_VERBS,
  VERBS,
  W,
  WAIT_VERBS,
} from './lexicon';
import { Kind, spanAt } from './text';

export interface Rewrite {
  readonly start: number;
  readonly end: number;
  readonly suggestions: string[];
}

/** The clause a rewrite replaces, and how its first letter must be cased. */
interface Clause {
  readonly start: number;
  readonly end: number;
  /** Where the words worth keeping end: the sentence's closing punctuation is dropped. */
  readonly coreEnd: number;
  /** The clause starts a sentence, so the rewrite starts with a capital letter. */
  readonly capital: boolean;
  /** The clause follows a leading condition ("If it can be NULL, …"). */
  readonly afterCondition: boolean;
}

const NO_REWRITE: string[] = [];

// A subject a question can move past: "this", "the timeout", "these two calls", `buf_len`, fooBar.
// An identifier has an inner capital, "_" or "." (fooBar, do_install, foo.c) or is all capitals (NULL): a
// capital that only starts the sentence ("Problems should be solved") makes no name.
const PLAIN_SUBJECT = /^(?:this|that|it|these|those|there|(?:the|this|that|these|those) [\w`'.-]+(?: [\w`'.-]+){0,3}|`[^`\n]+`|"[^"\n]+"|[\w.]*[_.][\w.]*|\w+[A-Z][\w.]*|[A-Z][A-Z\d]+)$/;
// Hedges between the modal and its verb ("should probably just use"): a question does not keep them.
const PREDICATE_HEDGES = /^(?:probably|just|really|also|definitely|still|actually|simply|maybe|perhaps|clearly|likely|first)$/;
const CONTENT_ADVERBS = new Set(['just', 'also', 'still', 'first']);
const TRAILING_EMOJI = /(\s*(?:\p{Extended_Pictographic}\uFE0F?|:[a-z_+-]+:)+)([?.])$/u;
const SLASH_COMMAND_LINE = /^[ \t]*\/[a-z][\w-]*[ \t]*$/m;
// An @name the words are addressed to; every one of them in a span.
const MENTION = /(?:^|[\s(])@[a-z\d][\w-]*/i;
const MENTIONS = new RegExp(MENTION.source, 'gi');

// Words in the rest of a clause that make a question frame wrong: a second order ("rename it and don't
// …"), or the reviewer speaking of themselves ("send me the logs" has no "we" form).
const SECOND_ORDER = /\b(?:please|pls|don't|do not|never|must|mustn't|should|shouldn't|have to|has to|need to|needs to)\b/i;
const SELF = /\b(?:me|my|mine|myself|us)\b/i;
// "you" in the words makes a "we" frame wrong, and "Have you considered …" reads as a reproach.
const YOU = /\b(?:you|your|yours|yourself|yourselves)\b/i;
// Steps and second clauses ("… and then push it", ", what is …"): a question frame swallows them.
// An "otherwise" with no comma before it runs into the next clause ("Wrap this otherwise that's fine"), and
// "either … or" makes a yes-or-no question of a choice. A consequence ("… or else res is undefined", "… or
// these changes are lost", "… or it's getting merged"), a verdict in a relative clause ("… which isn't
// possible"), an opinion ("… in my opinion …") or a "but" with a clause of its own ("… but at least now
// we're correct") is a second statement a question swallows.
const SEQUENCE =
  /\bthen\b|\band (?:we|i|you)(?:'ll| will)?\b|,\s*(?:what|how|why|where|which|who|looks?|seems?)\b|\bor otherwise\b|[^,;\s]\s+otherwise\b|\beither\b[^.?!]*\bor\b|\s(?:-{1,2}|[–—])\s|[:]\s|\bor else\b|\bor (?:the|these|those|this|that|it|they|we|you)\b[^.?!]{0,60}?\b(?:won't|will not|wouldn't|can't|cannot|might|may)\b|\bwhich (?:isn't|is not|aren't|are not|wasn't|won't|doesn't|don't|can't|cannot)\b|\bin my (?:opinion|view)\b|\bbut (?:apart from|other than|besides|otherwise|at least|now|then|we|i|it|this|that|they)\b|\bor (?:it's|it is|it'll|this is|that's|we'll|i'll)\b/i;
const TRAILING_HEDGE = /\b(?:as far as i (?:can|could) (?:see|tell)|as far as i know|afaik|afaict|iiuc|if i'm not mistaken|if i understand)\b/i;
// "check #326", "check now", "check again": a look asked for, which no "we" frame fits.
const LOOK_ONLY = /^(?:#\d+|now|again|it|this|that|it out|this out|that out|please)?\s*[.!]*$|^#\d+\b/i;
// A second verb joined to the first ("add a test or share it"), which a gerund frame would leave unchanged.
const SECOND_VERB = /\b(?:and|or)\s+[a-z]+\s+(?:it|this|that|them|these|those|the|a|an|some|any|your|our)\b/i;
// The reviewer's own doing, outside code and quotes ("… commit i've removed python 3.2 stuff"): a second statement.
const FIRST_PERSON = /\b(?:i've|i'm|i'll|i'd)\b/i;
// Code written as prose (";", "=", a line of a snippet): rewriting it would change the code.
const CODE_OUTSIDE_SPANS = /;(?=\S|$)|=|[{}]/;
// Where one clause hands over to an independent one: "Use foo; bar is gone", "Drop this, it is unused".
const CLAUSE_BREAK = /;\s|,\s+(?=(?:it|this|that|these|those|there|they|otherwise)\b)/i;

// Rules whose rewrites blind reads of real comments found usable wherever the clause stands: a request
// that already asks ("Can you add …?"), 35 of 36 usable inside a longer comment. The other rules' rewrites
// held up when the flagged clause was the comment (nine in ten usable) and failed far more often inside a
// longer one, where the words around lean on the statement: a reason after it, an argument, an approval
// ("Please use spaces instead of tabs." after a policy, "We need a slightly different approach."):
// "please …" 18 of 23 and "we should …" 10 of 16 there.
const REWRITTEN_ANYWHERE: ReadonlySet<ToneRuleId | undefined> = new Set<ToneRuleId>(['request-question']);
// Words outside the clause that still leave it standing alone: a greeting, a name, a thanks.
const ASIDE_WORDS = 2;

export function rewrite(context: Context, cue: Cue): Rewrite {
  if (cue.rule === 'blocking') return blockingRewrite(context, cue);
  const clause = clauseOf(context, cue);
  // "/close" and a reason: the words explain a step a bot has taken, which no question can reopen.
  if (clause && SLASH_COMMAND_LINE.test(context.text)) return { start: clause.start, end: clause.end, suggestions: NO_REWRITE };
  const inArgument = clause !== undefined && !REWRITTEN_ANYWHERE.has(cue.rule) && !standsAlone(context, clause, cue.sentence);
  if (!clause || inArgument || fragmentFollows(context, cue.sentence)) return { start: clause?.start ?? cue.from ?? cue.start, end: clause?.end ?? context.sentences[cue.sentence].end, suggestions: NO_REWRITE };
  if (agreesBefore(context, cue, clause) || hedgedAfter(context, cue, clause) || remindsAgain(context, cue, clause)) return { start: clause.start, end: clause.end, suggestions: NO_REWRITE };
  let candidates = suggestionsFor(context, cue, clause);
  // After a condition ("If it is unused, …") a second "what if" reads wrong; "could we" follows well.
  if (clause.afterCondition) candidates = candidates.filter((candidate) => !candidate?.startsWith('What if'));
  // "I'd suggest X. What do you think?" ends on its question, which would cut it from a reason in the next
  // sentence: there the suggestion ends with itself, and the comment's own words follow.
  if (statementFollows(context, cue.sentence)) candidates = candidates.map((candidate) => candidate?.replace(/ What do you think\?$/, ''));
  const original = context.text.slice(clause.start, clause.end);
  const pieces = protectedPieces(original);
  const kept: string[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    // "… rather than a test 🤔" → "… rather than a test? 🤔": the emoji closes the comment, the mark the question.
    const cased = (clause.capital ? capitalize(candidate) : lowerFirst(candidate)).replace(TRAILING_EMOJI, '$2$1');
    if (kept.length < 2 && !kept.includes(cased) && sound(original, cased, pieces)) kept.push(cased);
  }
  return { start: clause.start, end: clause.end, suggestions: kept };
}

function suggestionsFor(context: Context, cue: Cue, clause: Clause): (string | undefined)[] {
  const { text, tokens } = context;
  const restAfter = (index: number) => stripTrailingPlease(text.slice(tokens[index].end, Math.max(tokens[index].end, clause.coreEnd)).trim());
  switch (cue.rule) {
    case 'imperative':
    case 'polite-imperative': {
      const head = cue.head ?? wordAfter(context, cue.sentence, cue.end);
      if (head === undefined) return NO_REWRITE;
      // "@sam please check …" and "Please test that one" ask one person for a step of theirs: "What if we …"
      // would take it over, and "Would it be possible to …?" keeps it theirs.
      const asksSomeone = MENTION.test(lineBefore(text, clause.start)) || TRY_VERBS.has(tokens[head].lower);
      return command(tokens[head].lower, restAfter(head), asksSomeone ? ['possible'] : [], keptAdverbs(context, clause.start, tokens[head].start));
    }
    case 'request-question': {
      if (cue.head === undefined || /^(?:will|won't)$/i.test(text.slice(cue.start, cue.end).split(/\s+/)[0])) return NO_REWRITE;
      // The comment already asks, and asks the author: "Would it be possible to …?" keeps both, where "Could
      // we …?" would take over a step only the author can take ("Can you share it?", "Can you rebase?").
      // "can you also add …", "can you just update a test?": the adverb says how much is asked, and stays.
      return command(tokens[cue.head].lower, restAfter(cue.head), ['possible', 'gerund'], keptAdverbs(context, clause.start, tokens[cue.head].start, true));
    }
    case 'prohibition': {
      if (cue.head === undefined) return NO_REWRITE;
      const verb = verbOf(tokens[cue.head].lower);
      const rest = restAfter(cue.head);
      // "Don't forget to add a test" asks for the test, not for avoiding forgetting.
      if (tokens[cue.head].lower === 'forget') {
        const to = /^to\s+(\S+)\s*(.*)$/s.exec(rest);
        return to ? command(to[1].toLowerCase(), to[2]) : NO_REWRITE;
      }
      // "Don't make us dig through …": the reviewers in the words leave no "we" to ask with; "Don't make
      // spam PRs" is about the author's conduct, which no "we" question fits.
      // "Don't delete them yet" asks to wait, which "Could we avoid deleting them yet?" garbles.
      // "Do not update." has lost its object: "Could we avoid updating?" would not say what.
      if (!rest || SELF.test(rest) || YOU.test(rest) || AUTHORS_OWN.test(rest) || /\b(?:yet|for now)$/i.test(rest)) return NO_REWRITE;
      if (verb && PROCESS_VERBS.has(verb) && rest && fitsFrame(rest) && !joinsStatement(rest)) return [suggestion(`not ${join(gerund(verb), rest)}`)];
      if (!verb || !CODE_CHANGE_VERBS.has(verb) || !fitsFrame(rest)) return NO_REWRITE;
      // "Don't use X, this capitalization is not used anywhere": the reason is a sentence of its own after the question.
      const [avoided, reason] = splitClause(rest);
      return [`Could we avoid ${join(gerund(verb), avoided)}?${reason}`, reason ? `I'd suggest not ${join(gerund(verb), avoided)}.${reason}` : suggestion(`not ${join(gerund(verb), avoided)}`)];
    }
    case 'you-must':
    case 'we-must':
      return obligation(context, cue, clause);
    case 'requirement':
      return requirement(context, cue, clause);
    case 'wish': {
      const words = text.slice(cue.start, clause.coreEnd);
      const verbAt = /\b(?:like|love|want|appreciate|prefer|expect)\b/i.exec(words);
      if (!verbAt) return NO_REWRITE;
      const rest = stripTrailingPlease(words.slice(verbAt.index + verbAt[0].length).trim());
      const youTo = /^you to (\S+)\s*(.*)$/is.exec(rest);
      if (youTo) return command(youTo[1].toLowerCase(), youTo[2]);
      const thing = /^(?:to see|to have|seeing|having)\s+(.+)$/is.exec(rest);
      // "a test", "more docs": a thing to add. "symmetry in …" or "that the functions are …" is no thing a question can offer.
      if (!thing || !fitsFrame(thing[1]) || !DETERMINERS.has(thing[1].split(/\s/)[0].toLowerCase())) return NO_REWRITE;
      return [`What do you think about adding ${thing[1]}?`];
    }
    case 'accusing-why':
      return accusingWhy(context, cue, clause);
    case 'verdict': {
      const core = text.slice(clause.start, clause.coreEnd).trim();
      const noNeed = /^(?:there(?:'s| is) )?no need (for|to) (.+)$/is.exec(core);
      if (noNeed) {
        if (!fitsFrame(noNeed[2]) || YOU.test(noNeed[2]) || joinsStatement(noNeed[2])) return NO_REWRITE;
        // "no need for saving the order" asks "Do we need to save the order?": "need" takes no gerund. A
        // gerund with no object is a noun ("no need for padding here": "Do we need padding here?").
        const [first, ...others] = noNeed[2].split(' ');
        const base = noNeed[1] === 'for' && DETERMINERS.has(others[0]?.toLowerCase() ?? '') ? baseOfGerund(first.toLowerCase()) : undefined;
        if (base) return [`Do we need to ${[base, ...others].join(' ')}?`];
        return [`Do we need ${noNeed[1] === 'to' ? 'to ' : ''}${noNeed[2]}?`];
      }
      if (/^not (?:really )?(?:needed|necessary|required)$/i.test(core)) return ['Is this needed?'];
      // "I believe this change is not required" → "Is this change needed?"
      return [inverted(stripHedges(core))];
    }
    case 'right-way': {
      const core = text.slice(clause.start, clause.coreEnd).trim();
      const softened = core
        .replace(/(\b(?:is|are)|'s)((?: much| far| way| a lot)?) better\b/i, (_all, verb: string, degree: string) => `${verb === "'s" ? ' ' : ''}might be${degree} better`)
        .replace(/^better(?= (?:not )?to\b)/i, 'it might be better')
        .replace(/^better\b/i, 'it might be better to');
      // "It's better than nothing" accepts what is there; it proposes nothing.
      if (softened === core || /,|\b(?:i|i've|i'll|we've)\b|\bthan nothing\b/i.test(core) || /\bto(?: actually| really)?$/i.test(core) || core.split(/\s+/).length > 12) return NO_REWRITE;
      return [`${softened}. What do you think?`];
    }
    case 'defect-label':
      return defectLabel(text.slice(clause.start, clause.coreEnd).trim());
    case 'replacement': {
      const sed = /^s\/([^/\n]*)\/([^/\n]*)\/?[gi]*$/.exec(text.slice(cue.start, clause.coreEnd).trim());
      // "s/filed/field/g" fixes every one: the question says so.
      if (sed) return sed[1].trim() && sed[2].trim() ? [`Maybe "${sed[2]}" instead of "${sed[1]}"${/g[i]*$/.test(sed[0]) ? ' throughout' : ''}?`] : NO_REWRITE;
      const arrow = splitArrow(text.slice(clause.start, clause.coreEnd).trim());
      // "In subject, reprresentor -> representor": the words before the comma say where, not what.
      // "one small typo "Restar" -> "Restart"": words around a quoted old text are a lead-in, not the text.
      if (arrow && (/[,:;]/.test(arrow[0]) || (/(["`'])[^"`']*\1/.test(arrow[0]) && /[a-z]/i.test(arrow[0].replace(/"[^"]*"|`[^`]*`|'[^']*'/g, ''))))) return NO_REWRITE;
      return arrow ? [`Maybe ${arrow[1]} instead of ${arrow[0]}?`, `What do you think about ${arrow[1]} instead of ${arrow[0]}?`] : NO_REWRITE;
    }
    case 'rejection':
      // A stock line in place of "NAK" would hide what the reviewer means; the flag and its reason say enough.
      return NO_REWRITE;
    default:
      return NO_REWRITE;
  }
}

/** A command's verb and the words after it, as a question in the frame that fits the verb. */
function command(word: string, rest: string, order: readonly Frame[] = [], adverbs = ''): string[] {
  const verb = verbOf(word);
  // "Add/remove tests": the verb is a pair, which no frame can split.
  if (!verb || rest.startsWith('/') || !fitsFrame(rest) || SELF.test(rest) || YOU.test(rest)) return NO_REWRITE;
  // "Check the output" asks the author to look at something, not to add a check; "merge this PR" is
  // asked of a maintainer, and no frame fits it.
  if ((verb === 'check' && (READ_OBJECT.test(rest) || LOOK_ONLY.test(rest))) || REVIEW_ACTION_VERBS.has(verb) || (verb === 'merge' && MERGE_REQUEST.test(rest))) return NO_REWRITE;
  // "Please hold off on merging": a maintainer's call about the merge, which no question to the author fits.
  if (WAIT_VERBS.has(verb)) return NO_REWRITE;
  // "rebase needed": the verb is the noun of a terse note, which no frame can ask about.
  if (/^(?:needed|required|necessary|pending)\b/i.test(rest)) return NO_REWRITE;
  // "Ensure to rebase": a verb that takes no "to", which the question would repeat.
  if ((verb === 'ensure' || verb === 'make') && /^(?:sure\s+)?to\b/i.test(rest)) return NO_REWRITE;
  // "update X because Y": the reason would end up inside the question, which then asks about it too.
  if (/\bbecause\b/i.test(rest)) return NO_REWRITE;
  // A step of the author's own process ("run checkpatch", "open an issue", "expand the commit message")
  // is no joint change to the work: "could we …" would not fit, but the reviewer can offer it as a
  // suggestion. Pointers and how-to steps ("read the docs", "save and exit") get nothing.
  const prose = outsideQuotes(rest);
  const code = CODE_CHANGE_VERBS.has(verb);
  if (!code || AUTHORS_OWN.test(prose)) {
    if (!(code || PROCESS_VERBS.has(verb)) || !rest || joinsStatement(rest) || /\b(?:and|but)\s+[a-z]+/i.test(prose)) return NO_REWRITE;
    const object = REMOVAL_VERBS.has(verb) && lacksArticle(rest) ? `the ${rest}` : rest;
    if (order[0] === 'possible') return [framed('possible', verb, object, adverbs)];
    return [suggestion(`${adverbs}${gerund(verb)} ${object}`)];
  }
  if (!rest && INTRANSITIVE_VERBS.has(verb)) return NO_REWRITE;
  // "Make sure the content is centered" is a check the code must pass: "Could we make sure …?", never "What if …".
  const mustFix = MUST_FIX_VERBS.has(verb) || (verb === 'make' && /^sure\b/i.test(rest));
  const object = rest || 'this';
  // "keep it this way" says nothing a question could keep, and "keep an eye on memory" warns rather than
  // proposes; "rename to X" needs its object back.
  // "Make it so" and "do so" are a go-ahead, with no object a question could name.
  if (/^(?:(?:it|this|that)\s+)?(?:this way|that way|as is|as it is|so)$/i.test(rest) || (verb === 'keep' && /^an eye\b/i.test(rest))) return NO_REWRITE;
  // "Move to top row of table": a place with its articles left out, which a question would have to guess.
  if (verb === 'move' && /^to\b/i.test(object) && lacksArticle(object.replace(/^to\s+/i, '').replace(/\s+of\s+/i, ' '))) return NO_REWRITE;
  // "remove before merging": the object left out is the line under review, so it comes back as "this".
  const placeOnly = REMOVAL_VERBS.has(verb) && NOT_NOUNS.has(object.split(/\s/)[0].toLowerCase());
  // "update to the latest addon" upgrades what the reader runs, not "this".
  const upgrade = /^to (?:the )?(?:latest|newest|current|new|next)\b/i.test(object);
  const [head, tail] = splitClause(placeOnly || (!upgrade && /^to\b/i.test(object) && (verb === 'rename' || verb === 'change' || verb === 'move' || verb === 'add' || verb === 'set' || verb === 'bump' || verb === 'update')) ? `this ${object}` : object);
  // "Just remove this one, it is fine, yes": what follows approves, and stands on nothing once the step is a question.
  if (/^\s*(?:it|this|that)(?:'s| is) (?:fine|ok|okay)\b|\byes\b/i.test(tail)) return NO_REWRITE;
  if (joinsStatement(head)) return NO_REWRITE;
  // "Drop description" is a terse label; a full question needs its article: "Could we drop the description?".
  // "Remove unused": an adjective whose noun was left out takes no article either.
  const article = REMOVAL_VERBS.has(verb) && /^[a-z][a-z-]*(?: [a-z][a-z-]*)?$/.test(head) && !/ed$/.test(head) && !DETERMINERS.has(head.split(' ')[0]) && !/^(?:it|this|that|these|those|them)\b/.test(head);
  // Other verbs can't guess the article a note left out ("add newline eof", "use Github username"): no rewrite.
  if (!article && lacksArticle(head)) return NO_REWRITE;
  const reasoned = /\b(?:to be (?:in line|consistent)|for consistency|consistent with|so that|so (?:i|we|you|it) can|because|since)\b/i.test(head);
  // The frame fits the verb: clarity for renames (unless the reviewer gave another reason), "could we"
  // for fixes and removals, "what if" for the rest.
  const picked =
    order.length > 0 && !article
      ? order
      : CLARITY_VERBS.has(verb) && !reasoned && !article
        ? // "Would it be clearer to …" gives a reason the reviewer may not have had (one in four usable, blind).
          (['whatIf', 'clear'] as const)
        : article || REMOVAL_VERBS.has(verb) || mustFix
          ? (['could', 'wonder'] as const)
          : (['whatIf', 'could'] as const);
  // "adding such a test or share it": a second verb would need its own gerund, so that frame is left out.
  const frames = SECOND_VERB.test(head) ? picked.filter((frame) => frame !== 'gerund') : picked;
  return article ? frames.map((frame) => framed(frame, verb, `the ${head}`, adverbs)) : frames.map((frame) => framed(frame, verb, head, adverbs) + tail);
}

/** The reviewer's own suggestion, with the question that hands it over: "I'd suggest running …. What do you think?" */
function suggestion(action: string): string {
  return `I'd suggest ${action}. What do you think?`;
}

type Frame = 'clear' | 'whatIf' | 'could' | 'wonder' | 'gerund' | 'possible';

/** `adverbs` are the ones that carry content ("also ", "still "): "Could we also remove this?". */
function framed(frame: Frame, verb: string, object: string, adverbs = ''): string {
  switch (frame) {
    case 'clear':
      return `Would it be clearer to ${adverbs}${verb} ${object}?`;
    case 'whatIf':
      return `What if we ${adverbs}${verb} ${object}?`;
    case 'could':
      return `Could we ${adverbs}${verb} ${object}?`;
    case 'wonder':
      return `I wonder whether we could ${adverbs}${verb} ${object}.`;
    case 'gerund':
      return `What do you think about ${adverbs}${gerund(verb)} ${object}?`;
    case 'possible':
      return `Would it be possible to ${adverbs}${verb} ${object}?`;
  }
}

/** The content adverbs between two offsets, each followed by a space: "also ", "still first ". */
function keptAdverbs(context: Context, from: number, to: number, keepJust = false): string {
  let kept = '';
  for (let k = tokenIndexAt(context, from); k < context.tokens.length; k++) {
    const token = context.tokens[k];
    if (token.start >= to) break;
    // A command's "just" ("Just remove this") is its bluntness, which the question drops; a request's stays.
    if (token.start >= from && token.kind === Kind.Word && CONTENT_ADVERBS.has(token.lower) && (keepJust || token.lower !== 'just')) kept += `${token.lower} `;
  }
  return kept;
}

/** "You should rename this" / "We need to handle the error" → a question about the same action. */
function obligation(context: Context, cue: Cue, clause: Clause): string[] {
  const { text, tokens, sentences } = context;
  const sentence = sentences[cue.sentence];
  // "I don't think we should X" says the opposite of "we should X": no frame keeps that. "Now you need to
  // write tests" orders a step after another: the question would lose the "now".
  const before = text.slice(sentence.start, cue.start);
  if (/\b(?:don't|do not|doesn't|not sure|no need)\b/i.test(before) || /^\W*(?:now|then|next)\b/i.test(before)) return NO_REWRITE;
  const phrase = text.slice(cue.start, cue.end).toLowerCase();
  // "You cannot write code about the inode there": a constraint of the code, which no question softens;
  // "You forgot to set X" reports a bug, which a "what if" would turn into an idea.
  if (/\b(?:can't|cannot|can not|forgot|missed|left out)\b/.test(phrase)) return NO_REWRITE;
  let negative = /n't|\bnot\b|cannot|never/.test(phrase);
  let k = (cue.head ?? tokenIndexAt(context, cue.end - 1)) + 1;
  const adverbsFrom = tokens[k]?.start ?? cue.end;
  while (k < sentence.lastToken && /^(?:also|just|really|probably|definitely|still|then|now|first|actually|simply|absolutely|clearly|obviously|likely|certainly|to|not|never)$/.test(tokens[k].lower)) {
    if (tokens[k].lower === 'not' || tokens[k].lower === 'never') negative = true;
    k++;
  }
  if (k >= sentence.lastToken || tokens[k].kind !== Kind.Word || tokens[k].start >= clause.coreEnd) return NO_REWRITE;
  const word = tokens[k].lower;
  const rest = stripTrailingPlease(text.slice(tokens[k].end, Math.max(tokens[k].end, clause.coreEnd)).trim());
  // "You want to zero all members" often explains what the code does; no question keeps that.
  if (/\bwants?\b/.test(phrase)) return NO_REWRITE;
  const wantsThing = /(?:need|needs)$/.test(phrase) && tokens[k - 1]?.lower !== 'to';
  if (wantsThing) {
    // "We need a rebase" → "Could we get a rebase?" for a step of the author's own. Any other need stays as
    // written: "Would it help to have …?" turned a requirement into a maybe (one in four usable, blind).
    const thing = text.slice(tokens[k].start, clause.coreEnd).trim();
    // "we need a different tag though, left a comment": a second statement and a "though" that answers another.
    if (!DETERMINERS.has(word) || !fitsFrame(thing) || YOU.test(thing) || joinsStatement(thing) || /\bthough\b/i.test(thing)) return NO_REWRITE;
    // "You don't need the count check here" → "Do we need the count check here?": the doubt stays, the verdict goes.
    if (negative) return [`Do we need ${thing}?`];
    return authorsStep(thing) ? [`Could we get ${thing}?`] : NO_REWRITE;
  }
  const verb = VERBS.has(word) ? word : undefined;
  if (!verb) return NO_REWRITE;
  if (negative) return fitsFrame(rest) && CODE_CHANGE_VERBS.has(verb) && !YOU.test(rest) && !joinsStatement(rest) ? [`Could we avoid ${join(gerund(verb), rest)}?`] : NO_REWRITE;
  return command(verb, rest, [], keptAdverbs(context, adverbsFrom, tokens[k].start));
}

/** "This should be static." → "Should this be static?"; "Needs a test." → "Does this need a test?" */
function requirement(context: Context, cue: Cue, clause: Clause): string[] {
  const { text, tokens, sentences } = context;
  const sentence = sentences[cue.sentence];
  const head = cue.head ?? tokenIndexAt(context, cue.start);
  const modal = tokens[head].lower;
  const subjectText = stripHedges(text.slice(clause.start, tokens[head].start).trim());
  // Only plain subjects turn into a question ("this", "the timeout", `buf`); "that would", "first the
  // contributor" and "you usually" do not.
  if (subjectText && !PLAIN_SUBJECT.test(subjectText) && !PLAIN_SUBJECT.test(lowerFirst(subjectText))) return NO_REWRITE;
  // A subject holding a verb or a relative clause ("that means the plugin", "the only commit that really") is a clause.
  if (/\b(?:would|could|will|can|may|might|shall|does|did|is|are|was|were|means|meant|says|said|that|which|who)\b/i.test(subjectText.replace(/^that\b\s*/i, ''))) return NO_REWRITE;
  // "Patches should be sent to the list": a project's rule for all patches, which a question would doubt.
  if (/^(?:patches|commits|prs|pull requests|changes)$/i.test(subjectText)) return NO_REWRITE;
  // "The correct name should be `zid`": the subject already says which is right, and a question can't doubt it.
  if (/\b(?:correct|right|proper|expected)\b/i.test(subjectText)) return NO_REWRITE;
  // "@sam should be set as author": the name before the modal is its subject, which "this" would replace.
  if (!subjectText && MENTION.test(lineBefore(text, clause.start))) return NO_REWRITE;
  const subject = subjectText ? lowerFirst(subjectText) : 'this';
  // "shouldn't be necessary", "mustn't block": a negative requirement has no question that keeps it. "It
  // must be called if …" states a rule of the code: "Should it …?" would doubt it.
  if (modal.endsWith("n't") || modal === 'must' || tokens[head + 1]?.lower === 'not') return NO_REWRITE;
  let k = head + 1;
  if (/^(?:has|have|ought|needs|need)$/.test(modal) && tokens[k]?.lower === 'to') k++;
  // Stance adverbs go ("should probably be"); those that carry content stay ("should just be 2 lines").
  const kept: string[] = [];
  while (k < sentence.lastToken && PREDICATE_HEDGES.test(tokens[k].lower)) {
    if (CONTENT_ADVERBS.has(tokens[k].lower)) kept.push(tokens[k].lower);
    k++;
  }
  if (k >= sentence.lastToken || tokens[k].start >= clause.coreEnd) return NO_REWRITE;
  const predicate = text.slice(tokens[k].start, clause.coreEnd).trim();
  // A predicate that trails off ("needs to be", "… like") introduces what follows; a comma joins a second clause.
  if (!fitsFrame(predicate) || /,/.test(predicate) || /\b(?:be|like|to|in|as|indeed)$/i.test(predicate) || YOU.test(predicate)) return NO_REWRITE;
  // "That needs to go in first anyway", "… needs validation anyway (…)": a word that ties the sentence to its
  // context does not survive as a question; "… too to me": the reviewer's own view.
  if (/\b(?:anyway|anyhow|regardless)\b/i.test(predicate) || SELF.test(predicate)) return NO_REWRITE;
  const needsThing = (modal === 'needs' || modal === 'need') && tokens[head + 1]?.lower !== 'to';
  if (needsThing) {
    // "needs rebase on next": a note's bare noun, whose article a question would have to guess.
    const first = predicate.split(/\s+/)[0];
    if (/^[a-z]+$/.test(first) && !DETERMINERS.has(first) && !MASS_NOUNS.has(first) && !isPlural(first) && !first.endsWith('ing')) return NO_REWRITE;
    // "Needs a rebase", "needs a changelog entry": a step of the author's that is not in doubt, so it is asked for.
    if (authorsStep(predicate)) return [`Could ${subject} get ${predicate}?`];
    // "Needs a test" says one is wanted: "Does this need a test?" would doubt it (blind reads), "Could we
    // add a test?" asks for it and leaves the how to the author.
    if (!subjectText && /^(?:a|an|some|more)\s/i.test(predicate)) return [`Could we add ${predicate}?`];
    // "This needs a comment" keeps its subject: "Does this need a comment?", whatever the modal's form.
    const plural = subjectText !== '' && (modal === 'need' || /^(?:these|those|they)\b/i.test(subjectText));
    return [`${plural ? 'Do' : 'Does'} ${subject} need ${predicate}?`, `I wonder whether ${subject} ${plural ? 'need' : 'needs'} ${predicate}.`];
  }
  const verb = tokens[k].lower;
  // "Need to benchmark to make sure …" has no subject but the team ("Needs to …" has "this"): "Should we benchmark …?".
  if (!subjectText && verb !== 'be' && /^(?:need|have)$/.test(modal)) return CODE_CHANGE_VERBS.has(verb) ? [`Should we ${predicate}?`] : NO_REWRITE;
  // "Should update this to our fork": "this" is the object, so the one who acts is the team, not "this".
  if (!subjectText && verb !== 'be' && /^\S+\s+(?:this|it|these|them)\b/i.test(predicate)) return CODE_CHANGE_VERBS.has(verb) ? [`Should we ${predicate}?`] : NO_REWRITE;
  // "… though", "… already", "… again" at the end tie it to what was said before, as well.
  if (/\b(?:though|already|again)$/i.test(predicate)) return NO_REWRITE;
  // "should release note the change": a verb that is also a noun, then a word that takes the object, is a compound verb.
  const second = tokens[k + 1];
  if (AMBIGUOUS_VERBS.has(verb) && second?.kind === Kind.Word && !OBJECT_START.has(second.lower) && OBJECT_START.has(tokens[k + 2]?.lower ?? '') && second.start < clause.coreEnd) return NO_REWRITE;
  // "There should be a way to do that" says it ought to be possible; "Should there be a way?" asks whether it is wanted.
  if (/^there$/i.test(subjectText) && /^be (?:a|an|some) (?:\w+ )?way\b/i.test(predicate)) return NO_REWRITE;
  // "This should be merged now": the maintainers' step, which no question to the author fits.
  // "4.32.0 should be published now" expects a release, too.
  if (/^be (?:merged|landed|applied|picked up|backported|closed|reverted|published|released|tagged|deployed|uploaded)\b/i.test(predicate)) return NO_REWRITE;
  // "There should be no tests in TODO blocks": "Should there be no …?" doubts the rule it states.
  if (/^be (?:no|none)\b/i.test(predicate)) return NO_REWRITE;
  // "should have been deployed" looks back; "must be something wrong" guesses: neither is a request.
  if (verb === 'have' || /^(?:something|somewhere|a bug|an issue)\b/i.test(predicate.replace(/^be\s+/, ''))) return NO_REWRITE;
  if (!(VERBS.has(verb) || verb === 'go' || verb === 'stay' || verb === 'live' || verb === 'belong') || (/s$/.test(verb) && verb !== 'pass')) return NO_REWRITE;
  // "It should be included by foo.h. So you can just include bar.h": what follows is built on the statement.
  if (/^\s*so\b/i.test(text.slice(sentence.end, sentence.end + 8))) return NO_REWRITE;
  const adverbs = kept.length > 0 ? `${kept.join(' ')} ` : '';
  return [`Should ${subject} ${adverbs}${predicate}?`, `I wonder whether ${subject} should ${adverbs}${predicate}.`];
}

function accusingWhy(context: Context, cue: Cue, clause: Clause): string[] {
  const { text, tokens, sentences } = context;
  const sentence = sentences[cue.sentence];
  const phrase = text.slice(cue.start, cue.end).toLowerCase();
  // Only "Why didn't you X?" has a question that keeps its point without the blame; a rhetorical jab has none.
  if (!/^why (?:didn't|don't|aren't|haven't|doesn't|isn't|not) (?:you|we)$/.test(phrase)) return NO_REWRITE;
  let k = tokenIndexAt(context, cue.end - 1) + 1;
  while (k < sentence.lastToken && /^(?:just|simply|also|even|directly)$/.test(tokens[k].lower)) k++;
  const word = k < sentence.lastToken ? tokens[k].lower : '';
  const verb = VERBS.has(word) ? word : baseOfGerund(word);
  const rest = k < sentence.lastToken ? stripTrailingPlease(text.slice(tokens[k].end, Math.max(tokens[k].end, clause.coreEnd)).trim()) : '';
  // "Why didn't you push to master?" asks for the reason; the rewrite asks too, without the blame.
  // "… instead of asking to be there forever": a second clause to weigh, which the question would tangle.
  if (!verb || !fitsFrame(rest) || SELF.test(rest) || /\binstead of\b/i.test(rest)) return NO_REWRITE;
  return [`Was there a reason not to ${join(verb, rest)}?`];
}

function defectLabel(core: string): string[] {
  // "duplicated #417" points at another issue: "drop the duplicated #417" would drop the wrong one.
  if (/[,;:/"#]|\b(?:no|not|see)\b/i.test(core) || /\b(?:awful|terrible|horrible|ugly|stupid|silly|crap|crappy|garbage|insane|ridiculous|gross|bogus|nonsense)\b/i.test(core)) return NO_REWRITE;
  const trailingMissing = /^(.+?)\s+missing$/is.exec(core);
  if (trailingMissing) return [`Could we add the missing ${lowerFirst(trailingMissing[1])}?`];
  const missing = /^missing\s+(.+)$/is.exec(core);
  if (missing) {
    const thing = missing[1];
    return [`Could we add ${withArticle(thing)}?`, `Is ${withArticle(thing)} missing here?`];
  }
  const words = core.split(/\s+/);
  const first = words[0].toLowerCase();
  if (words.length >= 2 && EVALUATIVE_ADJECTIVES.has(first)) {
    // "useless braces" → "Are the braces needed?": the question keeps the doubt, not the verdict.
    const thing = words.slice(1).join(' ');
    return [`${isPlural(thing) ? 'Are' : 'Is'} the ${thing} needed?`];
  }
  if (words.length >= 2 && STALE_ADJECTIVES.has(first)) return [`Could we drop the ${lowerFirst(core)}?`, `Do we still need the ${lowerFirst(core)}?`];
  if (words.length >= 2 && words.length <= 4 && DEFECT_NOUNS.has(words[words.length - 1].toLowerCase())) return [`Could we fix the ${lowerFirst(core)}?`];
  return NO_REWRITE;
}

// Only doubts a question can hand over. "This patch is wrong" or "CI is broken" reports a fault:
// "Is this patch right?" would pretend the reviewer doesn't know.
const ANTONYMS: Record<string, string> = {
  'not needed': 'needed',
  'not necessary': 'needed',
  'not required': 'needed',
  unnecessary: 'needed',
  unneeded: 'needed',
  redundant: 'needed',
  superfluous: 'needed',
  useless: 'needed',
  pointless: 'needed',
  confusing: 'clear',
  misleading: 'clear',
};

/** "This check is not needed, kfree() handles NULL" → "Is this check needed? kfree() handles NULL." */
// What follows a verdict and leans on it: a reason ("because …"), a "but", or the reviewer's own doing ("This
// is not needed, I fixed it"), which settles it; a question would cut it loose or reopen it.
const JOINED_TO_VERDICT = /^(?:because|since|as|so|which|and|but|or|i|i've|i'll|we've)\b/i;

function inverted(core: string): string | undefined {
  if (/[/"]/.test(core)) return undefined;
  const match = /^(this|that|it|these|those|(?:the|this|that|these|those) [^,;:.]{1,40}?|[^\s,;:.]{1,40}) (is|are|looks|seems|'s) (?:a bit |really |very |quite |clearly |completely |totally |just )?(not needed|not necessary|not required|[a-z]+)\b(.*)$/is.exec(core);
  if (!match) return undefined;
  const antonym = ANTONYMS[match[3].toLowerCase()];
  if (!antonym) return undefined;
  // "Comma is not needed" has dropped its article; the question puts it back. Pronouns and code need none.
  const bareNoun = /^[A-Za-z][a-z]+$/.test(match[1]) && !/^(?:this|that|it|these|those)$/i.test(match[1]);
  const subject = bareNoun ? `the ${match[1].toLowerCase()}` : lowerFirst(match[1]);
  const verb = match[2].toLowerCase();
  const separate = /^\s*[,;:]/.test(match[4]);
  const remainder = match[4].replace(/^\s*[,;:]?\s*/, '').trim();
  // "This seems redundant" asks whether it is needed, not whether it seems so.
  const head = (verb === 'looks' || verb === 'seems') && antonym !== 'needed' ? `Does ${subject} ${verb.slice(0, -1)} ${antonym}` : `${verb === 'are' ? 'Are' : 'Is'} ${subject} ${antonym}`;
  // "CI is broken :(": an emoticon is no second sentence.
  if (!/[\p{L}\p{N}]/u.test(remainder)) return `${head}?`;
  // "This is confusing for new users" → "Is this clear for new users?"; a second clause, after a comma,
  // stays a statement: "Is this needed here? In my opinion the problem is …".
  if (!separate) {
    const comma = remainder.indexOf(', ');
    const inside = comma < 0 ? remainder : remainder.slice(0, comma);
    const after = comma < 0 ? '' : remainder.slice(comma + 2).trim();
    // "redundant if not counter-productive": the second judgement has no place in the question.
    if (!fitsFrame(inside) || !/^(?:for|in|on|here|there|when|if|with|without|at)\b/i.test(inside) || /^(?:if not|or even)\b/i.test(inside)) return undefined;
    if (!after) return `${head} ${inside}?`;
    if (JOINED_TO_VERDICT.test(after)) return undefined;
    return `${head} ${inside}? ${capitalize(after)}${/[.!?]$/.test(after) ? '' : '.'}`;
  }
  if (JOINED_TO_VERDICT.test(remainder)) return undefined;
  return `${head}? ${capitalize(remainder)}${/[.!?]$/.test(remainder) ? '' : '.'}`;
}

function blockingRewrite(context: Context, cue: Cue): Rewrite {
  const { text } = context;
  const open = text.lastIndexOf('(', cue.start);
  const close = text.indexOf(')', cue.end);
  const label = text.slice(0, open).trim() || 'suggestion';
  return { start: 0, end: close + 1, suggestions: [label, `${label} (non-blocking)`] };
}

// ---------------------------------------------------------------------------------------------------
// The clause a rewrite replaces.

/**
 * From the start of the sentence's content (after a label such as "nit:", a greeting or a list
 * marker) to the sentence's end. Fillers before the flagged words ("Also, I think …") are replaced with
 * them. Anything else before them stays standing next to the rewrite, so there is no clause to
 * replace, unless it is a leading condition ("If it can be NULL, …"), which a question can follow.
 */
function clauseOf(context: Context, cue: Cue): Clause | undefined {
  const { text, tokens, sentences } = context;
  const sentence = sentences[cue.sentence];
  const from = cue.from ?? cue.start;
  const clauseFirst = pastConnectives(context, contentStart(context, sentence.firstToken, sentence.lastToken), sentence.lastToken);
  // The words before the flagged ones ("Yes, use …", "Like I said you should …", "If yes then please …")
  // must be fillers; only a requirement's subject and a verdict's clause are part of what is replaced.
  const keepsClause = cue.rule === 'requirement' || cue.rule === 'verdict' || cue.rule === 'right-way' || cue.rule === 'defect-label' || cue.rule === 'replacement';
  const fromToken = tokenIndexAt(context, keepsClause ? from : Math.max(from, cue.start));
  let fillersOnly = true;
  for (let j = clauseFirst; j < fromToken; j++) {
    const token = tokens[j];
    if (token.kind === Kind.Punct ? token.lower === ',' : REWRITE_FILLERS.has(token.lower)) continue;
    fillersOnly = false;
    break;
  }
  let start: number;
  let capital = false;
  const afterCondition = !fillersOnly;
  if (fillersOnly) {
    start = tokens[clauseFirst]?.start ?? from;
    // A sentence start takes a capital; after "nit:" the original's case stays; after "Hi Sam," none; after
    // "..." that goes on from a quote, the writer's lower case stays too.
    const before = text.slice(Math.max(0, start - 200), start);
    const original = text.charCodeAt(start);
    const continues = /(?:\.\.\.|…)\s*$/.test(before) && original >= 0x61 && original <= 0x7a;
    capital = !continues && (/(?:^|[.!?\n])[\s*>_-]*$/.test(before) || (/:\s*$/.test(before) && original >= 0x41 && original <= 0x5a));
  } else if (REWRITE_SUBORDINATORS.has(tokens[clauseFirst].lower) && tokens[fromToken - 1]?.lower === ',') {
    // "If so, make it …": the question starts after the comma, never at a filler before it.
    start = tokens[fromToken].start;
  } else {
    return undefined;
  }
  const coreEnd = coreEndOf(context, cue.sentence);
  if (coreEnd <= start) return undefined;
  const span = text.slice(start, sentence.end);
  // Only one whole sentence is replaced: a list item (often a step of a how-to), a lead-in to an example
  // ("… like:") or a sentence cut from the one around it would splice the question into the middle of
  // something.
  // A line break inside is a soft wrap, as in mail, once the sentence is known to start and end whole.
  if (/\n\s*\n|\n\s*(?:[-*+>•]|\d{1,3}[.)])\s|\n[ \t]{2,}/.test(span) || startsMidSentence(text, start, sentence.start) || endsMidSentence(text, sentence.end)) return undefined;
  if (/^(?:and|then|or)\b/i.test(span) || /^\s*(?:[-*+•]|\d{1,3}[.)])\s/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start + 1))) return undefined;
  return { start, end: sentence.end, coreEnd, capital, afterCondition };
}

/** Past a leading connective and its comma ("Moreover, …", "Of course, …"): it stays, and the question follows it. */
function pastConnectives(context: Context, first: number, last: number): number {
  const { tokens } = context;
  const width = tokens[first].lower === 'of' && tokens[first + 1]?.lower === 'course' ? 2 : CONNECTIVES.has(tokens[first].lower) ? 1 : 0;
  return width > 0 && first + width < last - 1 && tokens[first + width].lower === ',' ? first + width + 1 : first;
}

/** Whether the text before a clause, on its line and the line above, leaves it in the middle of a sentence. */
function startsMidSentence(text: string, start: number, sentenceStart: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (lineStart < sentenceStart) return false;
  // The line above ends without a full stop: this line continues its sentence ("it's not\ncorrect.").
  const previousEnd = lineStart - 1;
  if (previousEnd <= 0) return false;
  const previousLine = text.slice(text.lastIndexOf('\n', previousEnd - 1) + 1, previousEnd).trim();
  return previousLine !== '' && !/^>/.test(previousLine) && /[\w,]$/.test(previousLine);
}

/** Whether a sentence's end is not a real end: "… like:" introduces an example, "… in\nDocumentation/…" runs on. */
function endsMidSentence(text: string, end: number): boolean {
  const last = text.slice(Math.max(0, end - 4), end).trimEnd();
  // "… like:", and "just call this: .." where the dots open the next line's markup.
  if (/:\s*\.*$/.test(last)) return true;
  // The next sentence only continues this one ("… the docs. Whether via …", "… descriptive: "Add …"").
  if (/^\s*(?:["'`]|(?:whether|because|since|which|so that|or|and|but|as well)\b)/i.test(text.slice(end, end + 40))) return true;
  // A lower-case word after it on the same line (".. this is the old format", "... will just throw a PR up"):
  // the writer's sentence goes on, and a new question mark would leave it starting in lower case.
  if (!last.endsWith('?') && /^[ \t]+[a-z]/.test(text.slice(end, end + 2))) return true;
  if (/[.!?]$/.test(last)) return false;
  // No full stop: only the end of the comment or a blank line ends the sentence for sure; a single line
  // break may be a wrap ("… where all the other\nHDMI0 nodes are.").
  const after = /^[ \t]*(\n?)[ \t]*(\S)/.exec(text.slice(end, end + 200));
  if (after === null) return false;
  if (after[1] === '\n') return !/[>*#-]|\d/.test(after[2]);
  return true;
}

function isLabel(context: Context, from: number, colon: number): boolean {
  for (let k = from; k < colon; k++) {
    const word = context.tokens[k].lower;
    if (context.tokens[k].kind === Kind.Punct) continue;
    if (PREFIX_LABELS.has(word) || LOCATION_LABELS.has(word.replace(/\d+$/, ''))) return true;
  }
  return false;
}

/** The first token of a sentence's own words: past list markers, a "label:" and a greeting. */
function contentStart(context: Context, first: number, last: number): number {
  const { tokens } = context;
  let i = first;
  // "- ", "* ", "1. ", "2) "
  if (i < last && tokens[i].kind === Kind.Punct && /^[-*+•]$/.test(tokens[i].lower)) i++;
  if (i + 1 < last && /^\d{1,3}$/.test(tokens[i].lower) && /^[.)]$/.test(tokens[i + 1].lower)) i += 2;
  // A comma or colon left after a masked @mention ("@sam, …").
  while (i < last && (tokens[i].lower === ',' || tokens[i].lower === ':')) i++;
  // "nit:", "PS3:", "suggestion (non-blocking):", "Hi Sam,": only known labels, so that "Please include
  // the reference: …" is not read as one.
  for (let j = i; j < Math.min(last, i + 6); j++) {
    if (tokens[j].lower === ':' && j > i) {
      if (isLabel(context, i, j)) i = j + 1;
      break;
    }
    if (tokens[j].lower === ',' && REWRITE_GREETINGS.has(tokens[i].lower)) {
      i = j + 1;
      break;
    }
    if (tokens[j].kind === Kind.Punct && tokens[j].lower !== '(' && tokens[j].lower !== ')' && tokens[j].lower !== '-') break;
  }
  return Math.min(i, last - 1);
}

function coreEndOf(context: Context, index: number): number {
  const { text, sentences } = context;
  const sentence = sentences[index];
  // Read on the original text: a link hidden from the analysis still ends the clause's words.
  let end = sentence.end;
  // The sentence's own closing marks; a ";" may close a line of code ("})();"), so it stays.
  while (end > sentence.start && /[\s.!?…:,]/.test(text[end - 1])) end--;
  return end;
}

// ---------------------------------------------------------------------------------------------------
// The last check on every suggestion.

// What a rewrite must carry over verbatim from the span it replaces: inline code, links, numbers and
// identifiers (snake_case, camelCase, dotted paths, calls, code punctuation such as "})();").
const INLINE_CODE = /`[^`\n]+`/g;
const LINK = /\b(?:(?:https?|ftp|file):\/\/|www\.)\S+/g;
const IDENTIFIER = /\d|_|[a-z][A-Z]|\w\.\w|\(\)|[{}()[\];]{2,}/;

// Control characters other than line breaks and tabs: a rewrite must never carry one (or a NUL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A suggestion is sound when it keeps every protected piece of the original and adds no control character. */
function sound(original: string, suggestion: string, pieces: readonly string[] = protectedPieces(original)): boolean {
  if (CONTROL.test(suggestion) || (suggestion.includes('undefined') && !original.includes('undefined'))) return false;
  if ((suggestion.split('`').length - 1) % 2 !== 0) return false;
  for (const piece of pieces) if (!suggestion.includes(piece)) return false;
  return true;
}

// Only text with one of these can hold a protected piece; most review sentences have none.
const MAY_PROTECT = /[`\d_(){}[\];]|\w\.\w|[a-z][A-Z]|:\/\/|www\.|@/;

/** The pieces of a span that every rewrite of it must keep, found once per span. */
function protectedPieces(original: string): string[] {
  if (!MAY_PROTECT.test(original)) return [];
  const pieces: string[] = [...(original.match(INLINE_CODE) ?? [])];
  const prose = original.replace(INLINE_CODE, ' ');
  for (const link of prose.match(LINK) ?? []) pieces.push(link.replace(/[.,;:!?)\]]+$/, ''));
  // "@rhaschke do you mind …": the person asked stays in the question.
  for (const mention of prose.match(MENTIONS) ?? []) pieces.push(mention.trim());
  // Word by word: one cheap test per word instead of a pattern tried at every character.
  for (const word of prose.replace(LINK, ' ').split(/\s+/)) {
    // Code punctuation ("})();") stays whole, but the full stop after "kfree()." ends the sentence.
    let bare = /[{}()[\];]{2,}/.test(word) ? word.replace(/[.,:!?]+$/, '') : word.replace(/^["'(<[]+|[.,;:!?"'>\]]+$/g, '');
    // "(see foo_bar)": the bracket closes the aside; "kfree()" keeps its own.
    if (bare.endsWith(')') && !bare.includes('(')) bare = bare.slice(0, -1);
    if (bare && IDENTIFIER.test(bare)) pieces.push(bare);
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers.

/** True when the words can sit inside a question frame: no second order, no break into another clause's question. */
function fitsFrame(rest: string): boolean {
  // "add the following so that …": what "the following" points at sits below, past the question.
  if (/\bthe following\b|\bas follows\b/i.test(rest)) return false;
  // "…, or move after "---"": a second verb whose object was left out.
  const alternative = /,\s*or\s+([a-z]+)\b/i.exec(rest);
  if (alternative && VERBS.has(alternative[1].toLowerCase())) return false;
  const instead = /\b(?:instead of|rather than)\s+(.+)$/i.exec(rest);
  if (instead && lacksArticle(instead[1].trimEnd())) return false;
  // "(but we can fix that later)": an aside with a clause of its own.
  if (/\((?:but|or|which|that|we|you)\b|\(i\s/i.test(rest)) return false;
  if (runsOn(rest)) return false;
  // "Can you change this to" and a block below: the object comes after the question would end.
  if (/\b(?:to|with|as|like|into|from|by|of)\s*$/i.test(rest)) return false;
  // "(`REVISION=1` in this case.)": a sentence of its own in brackets, which a question mark can't follow.
  if (/[.!?]\)\s*$/.test(rest)) return false;
  return !SECOND_ORDER.test(rest) && !/[?]/.test(rest) && !SEQUENCE.test(rest) && !CODE_OUTSIDE_SPANS.test(outsideQuotes(rest)) && !FIRST_PERSON.test(outsideQuotes(rest)) && !/[:;]-?[)(DP]|\n\s*(?:[-*+>•]|\d{1,3}[.)])/.test(rest);
}

/**
 * "keep this in mind for future ref might be a prob with X": a second clause with its own modal, after a
 * noun and with no word that joins it ("whether", "so", "because" …), run on without a stop. A question
 * would swallow it.
 */
function runsOn(rest: string): boolean {
  // "reword the commit it sounds ambiguous": a subject and its verb straight after the object.
  // "don't change things in `x` we try to keep them verbatim": the same, with the team as the subject.
  const clause = /\b(?:it|this|that|they)\s+(?:sounds|looks|seems|is|was|isn't|wasn't|doesn't|has|won't)\b|\b(?:we|i)\s+(?:try|tried|want|wanted|keep|kept|prefer|use|used|don't|do not|can't|cannot|are|were|had|have)\b/i.exec(rest);
  if (clause && clause.index > 0 && !/[;,:.)]\s*$/.test(rest.slice(0, clause.index)) && !RUN_ON_JOINS.test(rest.slice(0, clause.index))) return true;
  const modal = /\b(?:might|may|could|would|will)\s+(?:be|not|have|cause|break)\b/i.exec(rest);
  if (modal === null || modal.index === 0) return false;
  const before = rest.slice(0, modal.index);
  // A pronoun right before the modal is its subject in a clause of its own ("make sure it will not break").
  if (/\b(?:it|this|that|they|we|you|there|which|who)\s+$/i.test(before)) return false;
  return !RUN_ON_JOINS.test(before);
}

// Words that join a clause to what goes before it: a clause after one of them is no run-on.
const RUN_ON_JOINS = /\b(?:whether|if|that|so|because|since|when|as|where|why|what|how|who|which|case|unless|until|otherwise|and|or|but|sure|ensure|check|verify|think|know|see)\b/i;

// What the author writes or keeps about the change, not in it (their commit message, PR, branch): "we"
// would be wrong for it.
const AUTHORS_OWN = /\b(?:commit (?:message|log|title)s?|(?:subject|title)(?: lines?| prefix(?:es)?)?|change ?log|(?:pr|patch|commit) description|commits?|cover letter|sign-?offs?|signed-off-by|prs?|pull requests?|patch(?:es| series)?|series|(?:with|on|onto) (?:the )?(?:latest )?(?:master|main|upstream))\b/i;

/** A rebase, a changelog entry, a better commit message: a step of the author's whose need is not in doubt. */
function authorsStep(thing: string): boolean {
  return AUTHORS_OWN.test(thing) || /\b(?:rebase|(?:changes?|news|release) (?:entry|note|notes|file)|entry)\b/i.test(thing);
}

// "Merge this PR": a request to a maintainer; "merge these two helpers" is a change.
const MERGE_REQUEST = /^$|^(?:(?:this|the|my|our|your)\s+)?(?:pr|pull request|branch|change|patch|series|it|this)\b|^(?:on|when|after|once|if|despite|without|anyway|now|as is)\b/i;

// What one checks by reading it: "Check the output" means "look at it".
const READ_OBJECT = /^(?:(?:the|this|that|these|those|our|my|your)\s+)?(?:output|logs?|docs|documentation|links?|page|thread|discussion|results?|ci|build|comments?|e-?mail|mail|messages?|description|readme|history|changelog|guide|guidelines|manual|wiki|examples?|out)\b/i;

/**
 * A singular noun phrase with no article, as terse notes write it: "newline eof", "Github username",
 * "`@Deprecated` annotation". A full question needs the article back, and guessing it goes wrong.
 */
function lacksArticle(words: string): boolean {
  // "fix tab here": the place after a short note's noun says nothing of its article.
  let list = words.trim().split(/\s+/);
  if (list.length <= 3 && /^(?:here|there)$/i.test(list[list.length - 1])) list = list.slice(0, -1);
  // "add empty line after this": the noun before a place has lost its article all the same.
  const place = list.findIndex((word, index) => index >= 2 && PLACE_WORDS.has(word.toLowerCase()));
  if (place > 0) list = list.slice(0, place);
  if (list.length === 0 || list.length > 4) return false;
  const first = list[0].toLowerCase();
  const last = list[list.length - 1];
  if (DETERMINERS.has(first) || ARTICLE_FREE_OPENERS.has(first)) return false;
  if (!/^[a-z][a-z-]*$/.test(last) || isPlural(last) || MASS_NOUNS.has(last)) return false;
  // "check API dump": an acronym in front of the noun is a word of the note too.
  return list.every((word) => /^(?:[A-Za-z][a-z-]*|[A-Z]{2,5}|`[^`]+`)$/.test(word) && !NOT_NOUNS.has(word.toLowerCase()));
}

/** The next sentence of the paragraph, on the same line or the next, is a statement (a reason, a remark). */
function statementFollows(context: Context, index: number): boolean {
  const { text, sentences } = context;
  const next = sentences[index + 1];
  return next !== undefined && next.paragraph === sentences[index].paragraph && !next.question && !text.slice(sentences[index].end, next.start).includes('\n\n');
}

/** The next sentence of the paragraph is a fragment ("Broken indentation. Everywhere."): it leans on this one. */
function fragmentFollows(context: Context, index: number): boolean {
  const { text, tokens, sentences } = context;
  const next = sentences[index + 1];
  // Only on the same line: a name under the comment signs it, and "For example:" introduces what follows.
  if (!next || text.slice(sentences[index].end, next.start).includes('\n') || text.charCodeAt(next.end - 1) === 0x3a) return false;
  let words = 0;
  for (let i = next.firstToken; i < next.lastToken; i++) {
    const token = tokens[i];
    if (token.kind === Kind.Punct) continue;
    if (token.kind !== Kind.Word || (token.info?.flags ?? 0) & (W.Ack | W.Praise | W.Finite | W.Subject | W.Head | W.Modal) || VERBS.has(token.lower)) return false;
    words++;
  }
  return words > 0 && words <= 2;
}

/** The words with inline code and quoted strings on one line taken out. */
function outsideQuotes(words: string): string {
  return words.replace(/`[^`\n]*`|'[^'\n]*'|"[^"\n]*"/g, '');
}

/** A comma that joins another statement ("call `id` on it, rails helpers do it anyway"): it needs its own sentence. */
function joinsStatement(words: string): boolean {
  return /,\s+(?!(?:since|because|as|so|which|unless|if|when|e\.g|i\.e|like|for example|or|and|but)\b)\S+\s+\S+/i.test(words);
}

/** Splits "drop this, it is unused" into the clause and the statement that follows it. */
function splitClause(words: string): [string, string] {
  const at = CLAUSE_BREAK.exec(words);
  if (!at || at.index === 0) return [words, ''];
  const tail = words.slice(at.index + at[0].length).trim();
  if (!tail) return [words.slice(0, at.index).trim(), ''];
  return [words.slice(0, at.index).trim(), ` ${capitalize(tail)}${/[.!?]$/.test(tail) ? '' : '.'}`];
}

/** "null check" → "a null check"; "tests", "documentation" and "the header" stay as they are. */
function withArticle(thing: string): string {
  // "repo name in those links": the noun before a place decides.
  const words = thing.split(/\s+/);
  const place = words.findIndex((word, index) => index >= 1 && (PLACE_WORDS.has(word.toLowerCase()) || word.toLowerCase() === 'to'));
  const first = words[0].toLowerCase();
  const last = (place > 0 ? words[place - 1] : words[words.length - 1]).toLowerCase();
  if (DETERMINERS.has(first) || isPlural(last) || MASS_NOUNS.has(last) || /^[`"'(]/.test(thing)) return thing;
  return `${/^[aeiou]/i.test(thing) ? 'an' : 'a'} ${thing}`;
}

function isPlural(thing: string): boolean {
  const last = thing.split(/\s+/).pop()!.toLowerCase();
  // "parenthesis", "analysis": singular, whatever the "s".
  return /[^su]s$/.test(last) && !/is$/.test(last);
}

function verbOf(word: string): string | undefined {
  const verb = SHORTHAND_VERBS.get(word) ?? word;
  return VERBS.has(verb) ? verb : baseOfGerund(verb);
}

/**
 * "Of course, it should be consistent.", "Yes, we should add it": the statement agrees with the author, and
 * a question would turn the agreement into doubt. A request that already asks keeps its rewrite.
 */
function agreesBefore(context: Context, cue: Cue, clause: Clause): boolean {
  if (cue.rule === 'request-question' || cue.rule === 'polite-imperative') return false;
  const before = context.text.slice(context.sentences[cue.sentence].start, clause.start);
  return AGREEMENT_OPENER.test(before) || /^\W*(?:of course|sure|absolutely|correct)\b/i.test(before);
}

/** "… as far as I can see", "… AFAIK": the reviewer's own hedge, which a suggestion in their voice can't hold. */
function hedgedAfter(context: Context, cue: Cue, clause: Clause): boolean {
  return TRAILING_HEDGE.test(context.text.slice(cue.end, clause.coreEnd));
}

/** "You still need to add a label": a request made before, which a fresh question would forget. */
function remindsAgain(context: Context, cue: Cue, clause: Clause): boolean {
  return (cue.rule === 'you-must' || cue.rule === 'requirement') && /\bstill\b/i.test(context.text.slice(clause.start, cue.end));
}

/** The clause is the comment's own words, but for a greeting, a name or a thanks (quotes and code are masked out already). */
function standsAlone(context: Context, clause: Clause, sentence: number): boolean {
  // A leading condition ("If it can be NULL, check it.") belongs to the clause it conditions.
  const from = clause.afterCondition ? context.sentences[sentence].start : clause.start;
  let aside = 0;
  for (const token of context.tokens) {
    if (token.kind !== Kind.Word || (token.start >= from && token.end <= clause.end)) continue;
    if ((token.info?.flags ?? 0) & (W.Ack | W.Praise) || REWRITE_GREETINGS.has(token.lower)) continue;
    if (++aside > ASIDE_WORDS) return false;
  }
  return true;
}

/** The first word after an offset in a sentence, past punctuation such as the comma in "please, …". */
function wordAfter(context: Context, index: number, offset: number): number | undefined {
  const { tokens, sentences } = context;
  const sentence = sentences[index];
  for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
    if (tokens[i].start < offset) continue;
    if (tokens[i].kind === Kind.Punct && tokens[i].lower === ',') continue;
    return tokens[i].kind === Kind.Word ? i : undefined;
  }
  return undefined;
}

/** "I think this" → "this": hedges in front of a subject do not belong in a question. */
function stripHedges(value: string): string {
  let result = value;
  for (let round = 0; round < 4; round++) {
    const next = result.replace(/^(?:i (?:think|guess|believe|feel|suppose)|imo|imho|in my opinion|probably|maybe|perhaps|also|so|and|but|then|tbh|honestly|(?:i'm )?pretty sure)\b[,\s]*/i, '');
    if (next === result) break;
    result = next;
  }
  return result;
}

/** The words before an offset on its own line ("@sam " before "please check …"). */
function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

function tokenIndexAt(context: Context, offset: number): number {
  return Math.min(spanAt(context.tokens, offset).index, context.tokens.length - 1);
}

/** "a -> b" → ["a", "b"], found with indexOf so a long line costs one pass. */
function splitArrow(core: string): [string, string] | undefined {
  for (const arrow of [' -> ', ' => ', ' → ', ' --> ']) {
    const at = core.indexOf(arrow);
    if (at > 0) return [core.slice(0, at).trim(), core.slice(at + arrow.length).trim()];
  }
  return undefined;
}

const TRAILING_PLEASE = /(?:^|[,\s]+)(?:please|pls|plz|thanks|thank you|thx)\s*$/i;

function stripTrailingPlease(value: string): string {
  const trimmed = value.trimEnd();
  // please, pls, plz, thanks, thank you, thx: only these last letters can end one.
  const last = trimmed.charCodeAt(trimmed.length - 1) | 0x20;
  if (last !== 0x65 && last !== 0x73 && last !== 0x7a && last !== 0x75 && last !== 0x78) return trimmed.trim();
  // Only the last few characters can hold the word; looking no further keeps this linear.
  const tail = trimmed.slice(-24);
  const match = TRAILING_PLEASE.exec(tail);
  return match ? trimmed.slice(0, trimmed.length - tail.length + match.index).trim() : trimmed.trim();
}

function join(first: string, rest: string): string {
  return rest ? `${first} ${rest}` : first;
}

/** Lower-cases the first letter of an ordinary capitalised word; "Signed-off-by", "DCHECK", "I" and `code` keep their case. */
function lowerFirst(value: string): string {
  if (value.length === 0) return value;
  const first = value.charCodeAt(0);
  if (first < 0x41 || first > 0x5a) return value;
  let i = 1;
  for (; i < value.length && i < 40; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x20 || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x0a || code === 0x09 || code === 0x3f || code === 0x2e) break;
    if (!((code >= 0x61 && code <= 0x7a) || code === 0x27)) return value;
  }
  if (first === 0x49 && (i === 1 || value.charCodeAt(1) === 0x27)) return value; // "I", "I'd"
  return String.fromCharCode(first + 0x20) + value.slice(1);
}

/** Upper-cases the first letter of a plain word; `kfree()`, `foo_bar` and `x.y` keep their case. */
function capitalize(value: string): string {
  // A contraction is a word ("that's", "we're"); a name goes on with ".", "(", "-" or "_" and keeps its case.
  if (!/^[a-z]+(?:'(?:s|re|ll|ve|d|t|m))?(?![\w(.'-])/.test(value)) return value;
  return value.charAt(0).toUpperCase() + value.slice(1);
}
