/** Clause heads: commands ("Rename this"), prohibitions, requests ("Can you …?"), and supportive heads ("let's", "suggest"). */

import {
  ACK_PAST_WORDS,
  AMBIGUOUS_VERBS,
  baseOfGerund,
  BE_COMPLEMENTS,
  CLAUSE_TAKING_VERBS,
  CODE_CHANGE_VERBS,
  DEFECT_COMPOUND_NOUNS,
  DEMONSTRATIVES,
  DO_SUBJECTS,
  FINITE,
  FINITE_ADVERBS,
  HAVE_A_NOUNS,
  HEDGE_WORDS,
  INFO_OBJECTS,
  INFO_VERBS,
  JOINING_WORDS,
  LINKING_VERBS,
  NEGATIVE_MODALS,
  NOUN_AFTER,
  OBJECT_START,
  OPEN_TO,
  OPINION_VERBS,
  POLITE_WORDS,
  PREPOSITIONS,
  PROCESS_VERBS,
  PROHIBITION_EXCEPT,
  REQUEST_MODALS,
  REPAIR_VERBS,
  REPORT_PARTICIPLES,
  REQUEST_SKIP,
  RETRACTED_REMARKS,
  REVIEW_ACTION_VERBS,
  SIGN_OFF_WORDS,
  SUBJECTS,
  SUBORDINATORS,
  VERBS,
  W,
} from '../lexicon';
import { Kind, Token } from '../text';
import { Context, Cue, CueKind } from './cue';
import { INFO_TARGET, POLITE_EXCEPT } from './patterns';
import { expectation } from './requirements';
import { withoutTrailingThanks } from './terse-labels';

/** Looks at the head of one clause: a command, a prohibition, a request, "let's", "consider" … */
export function clauseHead(context: Context, index: number, at: number, sentenceStart: boolean, push: (cue: Cue) => void): void {
  const { text, tokens } = context;
  const sentence = context.sentences[index];
  // "fix ci Thanks!": a sign-off that ends the sentence is not part of the clause.
  const end = withoutTrailingThanks(tokens, at, sentence.lastToken);
  const from = tokens[at].start;
  let i = at;
  let polite = -1;
  let hedge = false;
  const fillerEnd = Math.min(end, at + 8);
  while (i < fillerEnd) {
    const word = tokens[i].lower;
    if (POLITE_WORDS.has(word)) polite = i;
    else if (HEDGE_WORDS.has(word)) hedge = true;
    else if (!((tokens[i].info?.flags ?? 0) & W.Filler || (tokens[i].kind === Kind.Punct && (word === ',' || word === '-')))) break;
    i++;
  }
  if (i >= fillerEnd) return;
  const head = tokens[i];
  if (!((head.info?.flags ?? 0) & W.Head)) return;
  const word = head.lower;
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  const nextWord = next?.lower ?? '';
  const rewriteFrom = polite >= 0 ? tokens[polite].start : head.start;

  // Prohibitions: "Don't …", "Do not …", "Never …".
  if (word === "don't" || word === 'dont' || (word === 'do' && nextWord === 'not') || word === 'never') {
    const verbAt = word === 'do' ? i + 2 : i + 1;
    if (verbAt >= end) return;
    const verb = tokens[verbAt].lower;
    const subject = SUBJECTS.has(verb) || DEMONSTRATIVES.has(verb);
    // "Don't worry", "don't you think": no prohibition; "Don't forget to …" is one.
    if (verb !== 'forget' && (PROHIBITION_EXCEPT.has(verb) || verb === 'mind' || subject)) return;
    if (word === 'never' && !VERBS.has(verb) && verb !== 'forget') return;
    if (tokens[verbAt].kind !== Kind.Word) return;
    push({ kind: CueKind.Command, rule: 'prohibition', start: rewriteFrom, end: tokens[verbAt - 1].end, sentence: index, from: rewriteFrom, head: verbAt });
    return;
  }

  // Requests: "Would you mind …", "Can you …".
  if ((word === 'do' || word === 'would') && nextWord === 'you' && i + 2 < end && tokens[i + 2].lower === 'mind') {
    // "Would you mind reviewing …" asks a reviewer for a review, not the author for a change.
    if (i + 3 < end && REVIEW_ACTION_VERBS.has(baseOfGerund(tokens[i + 3].lower) ?? '')) return;
    push({ kind: CueKind.Command, rule: 'request-question', start: head.start, end: tokens[i + 2].end, sentence: index, from: rewriteFrom, head: i + 3 < end ? i + 3 : undefined });
    return;
  }
  // "Couldn't you just use …?" proposes, as "Shouldn't we …?" does (TONE.md, rule 2).
  if (NEGATIVE_MODALS.has(word) && (nextWord === 'you' || nextWord === 'u') && sentence.question) {
    push({ kind: CueKind.Option, start: head.start, end: next!.end, sentence: index });
    return;
  }
  if (REQUEST_MODALS.has(word) && (nextWord === 'you' || nextWord === 'u')) {
    let j = i + 2;
    while (j < end && REQUEST_SKIP.has(tokens[j].lower)) j++;
    if (j >= end || tokens[j].kind !== Kind.Word) return;
    const verb = tokens[j].lower;
    if (verb === 'be' && j + 1 < end && OPEN_TO.has(tokens[j + 1].lower)) return;
    if (OPINION_VERBS.has(verb) || REVIEW_ACTION_VERBS.has(verb)) return;
    if (INFO_VERBS.has(verb) && !INFO_TARGET.test(text.slice(tokens[j].end, sentence.end))) return;
    if (asksForInformation(tokens, j, end)) return;
    push({ kind: CueKind.Command, rule: 'request-question', start: head.start, end: tokens[j].end, sentence: index, from: rewriteFrom, head: j });
    return;
  }
  if (word === 'mind' && sentence.question) {
    push({ kind: CueKind.Command, rule: 'request-question', start: head.start, end: head.end, sentence: index, from: rewriteFrom, head: i + 1 < end ? i + 1 : undefined });
    return;
  }

  // Supportive heads.
  if (word === "let's" || word === 'lets' || (word === 'let' && nextWord === 'us')) {
    push({ kind: CueKind.Option, start: head.start, end: head.end, sentence: index });
    return;
  }
  if (word === 'feel' && nextWord === 'free') return; // the OPTIONAL pattern has it
  if (word === 'suggest' || word === 'recommend' || word === 'propose' || word === 'suggestion') {
    push({ kind: CueKind.Option, start: head.start, end: head.end, sentence: index });
    return;
  }
  if (word === 'consider' || word === 'considering') return; // the OPTION pattern has it

  // "could drop the else", "might want to …": an option with the subject dropped.
  if (sentenceStart && (word === 'could' || word === 'can' || word === 'might' || word === 'may') && next && next.kind === Kind.Word && (VERBS.has(nextWord) || nextWord === 'also' || nextWord === 'just' || nextWord === 'want')) {
    push({ kind: CueKind.Option, start: head.start, end: head.end, sentence: index });
    return;
  }

  // Requirements with the subject dropped: "Should be static.", "Needs a comment.", "Need to free this".
  const hasTo = (word === 'has' || word === 'have') && nextWord === 'to';
  const wantsTo = (word === 'wants' || word === 'want') && nextWord === 'to' && i + 2 < end && tokens[i + 2].lower === 'be';
  if (sentenceStart && !sentence.question && (word === 'should' || word === 'must' || word === 'needs' || word === 'need' || word === "shouldn't" || hasTo || wantsTo) && next) {
    if (word === 'need' && nextWord !== 'to' && !OBJECT_START.has(nextWord) && next.kind !== Kind.Code && !/[._]|\(\)/.test(text.slice(next.start, next.end + 2))) return;
    if (!expectation(tokens, hasTo || wantsTo ? i + 2 : i + 1, end)) {
      push({ kind: CueKind.Obligation, rule: 'requirement', start: head.start, end: head.end, sentence: index, from: rewriteFrom, head: i });
    }
    return;
  }

  if (!VERBS.has(word) || head.kind !== Kind.Word) return;
  // ", just return": "just" in front of a verb that ends its clause makes it a command, even one that is also a noun.
  const after = tokens[i + 1];
  const justBare = i > at && tokens[i - 1].lower === 'just' && (i + 1 >= end || after.kind === Kind.Punct || SIGN_OFF_WORDS.has(after.lower) || after.lower === 'thank');
  // "…, just merge master first": "just" at the head of a clause makes the verb a command before its object too.
  const justObject = i > at && tokens[i - 1].lower === 'just' && (CODE_CHANGE_VERBS.has(word) || PROCESS_VERBS.has(word)) && after?.kind === Kind.Word && !FINITE.has(after.lower) && !((after.info?.flags ?? 0) & W.Subject);
  if (!justBare && !justObject && !isCommand(context, i, end, sentenceStart)) return;
  // "Please provide some insight into …" asks for information, as a request question would; "please take a
  // look and let us know" invites, as the phrase pattern already knows.
  if (polite >= 0 && (asksForInformation(tokens, i, end) || POLITE_EXCEPT.test(text.slice(tokens[polite].end, tokens[polite].end + 40)))) return;
  if (hedge || (sentence.question && polite < 0)) {
    push({ kind: CueKind.Option, start: head.start, end: head.end, sentence: index });
    return;
  }
  if (polite >= 0) {
    push({ kind: CueKind.Command, rule: 'polite-imperative', start: tokens[polite].start, end: head.end, sentence: index, from: rewriteFrom, head: i });
  } else {
    push({ kind: CueKind.Command, rule: 'imperative', start: head.start, end: head.end, sentence: index, from, head: i });
  }
}

/** Is this verb-like word the verb of a command, not a noun ("Test fails") or a label ("Fix:")? */
function isCommand(context: Context, i: number, end: number, sentenceStart: boolean): boolean {
  const { text, tokens } = context;
  const word = tokens[i].lower;
  const raw = text.slice(tokens[i].start, tokens[i].end);
  if (raw.length > 1 && raw === raw.toUpperCase() && /[A-Z]/.test(raw) && raw !== 'OK') return false; // an identifier or a shout, not a verb
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  const nextWord = next?.lower ?? '';
  const ambiguous = AMBIGUOUS_VERBS.has(word);
  if (nextWord === 'by' || (word === 'make' && nextWord === 'sense')) return false;
  // "Ping me if that doesn't work out", "tell us what you think": the writer offers to hear back.
  if ((word === 'ping' || word === 'tell' || word === 'notify' || word === 'message' || word === 'email') && (nextWord === 'me' || nextWord === 'us')) return false;
  // "Copy/paste 🤦", "Search/replace.": two verbs and nothing to do them to name a thing, not a step.
  if (nextWord === '/' && i + 2 < end && tokens[i + 2].kind === Kind.Word && (i + 3 >= end || tokens[i + 3].kind === Kind.Punct)) return false;
  if (next && next.kind === Kind.Punct && (nextWord === ':' || nextWord === '=' || nextWord === '(' || (nextWord === '.' && next.end === (tokens[i + 2]?.start ?? -1)))) return false;
  if (text[tokens[i].end] === '(' || text[tokens[i].start - 1] === '.' || text[tokens[i].start - 1] === '_') return false;
  // Special verbs that are commands only in a few phrases.
  switch (word) {
    case 'look':
      return nextWord === 'at' || nextWord === 'into' || nextWord === 'over' || nextWord === 'through';
    case 'have':
      return nextWord === 'a' && i + 2 < end && HAVE_A_NOUNS.has(tokens[i + 2].lower);
    case 'go':
      return nextWord === 'with' || nextWord === 'for' || nextWord === 'back' || nextWord === 'through';
    case 'do':
      return !!next && !DO_SUBJECTS.has(nextWord) && nextWord !== 'not' && (OBJECT_START.has(nextWord) || nextWord === 'so');
    case 'think':
      return nextWord === 'about' || nextWord === 'through';
    case 'be':
      return BE_COMPLEMENTS.has(nextWord);
    case 'get':
      return nextWord === 'rid' || OBJECT_START.has(nextWord) || next?.kind === Kind.Code;
    case 'keep':
      if (nextWord === 'up' || nextWord === 'in') return false; // "keep up the good work", "keep in mind"
      break;
    case 'try':
      if (!next) return false;
      break;
    // "cc @sam" copies someone in; "Correct me if I'm wrong" hedges; "ignore this" takes back the reviewer's own remark.
    case 'cc':
      return false;
    case 'open':
      // "Open to changing the order": the adjective of a writer who is willing.
      if (nextWord === 'to') return false;
      break;
    case 'free':
      // "free to merge": the adjective that gives leave.
      if (nextWord === 'to') return false;
      break;
    case 'correct':
      // "Correct fix in #372": the adjective.
      if (nextWord === 'me' || nextWord === 'fix' || nextWord === 'fixes' || nextWord === 'way' || nextWord === 'version') return false;
      break;
    case 'ignore':
      if ((nextWord === 'this' || nextWord === 'that' || nextWord === 'me' || nextWord === 'it') && (i + 2 >= end || tokens[i + 2].kind === Kind.Punct)) return false;
      // "Ignore this comment", "ignore my previous remark": the same, said of the remark by name.
      if ((nextWord === 'this' || nextWord === 'that' || nextWord === 'my') && i + 2 < end && RETRACTED_REMARKS.has(tokens[i + 2].lower)) return false;
      break;
  }
  if (!next) return !ambiguous && sentenceStart;
  if (FINITE.has(nextWord) || nextWord === 'of' || nextWord === "'s" || ACK_PAST_WORDS.has(nextWord)) return false;
  // "Rebase completed.": a noun and the participle that reports on it, and nothing after.
  if (REPORT_PARTICIPLES.has(nextWord) && (i + 2 >= end || tokens[i + 2].kind === Kind.Punct)) return false;
  if (next.kind === Kind.Punct && nextWord !== '`' && nextWord !== '"' && nextWord !== "'" && nextWord !== '<' && nextWord !== '-' && nextWord !== '/') {
    return !ambiguous && sentenceStart && /^[.!]$/.test(nextWord);
  }
  const confirmed = OBJECT_START.has(nextWord) || isIdentifier(text, next) || next.kind === Kind.Code || /^["'<-]$/.test(nextWord);
  if (sentenceStart && namesAStep(tokens, i, end)) return false;
  if (ambiguous && sentenceStart && PREPOSITIONS.has(nextWord)) {
    // "Fix for the leak is in #123": a noun phrase, then its verb.
    for (let k = i + 2; k < end && k < i + 8; k++) {
      if (tokens[k].kind === Kind.Punct && tokens[k].lower !== '`') break;
      if (FINITE.has(tokens[k].lower) && !FINITE_ADVERBS.has(tokens[k].lower)) return false;
    }
  }
  if (ambiguous) {
    if (NOUN_AFTER.has(nextWord) || (DEFECT_COMPOUND_NOUNS.has(nextWord) && !REPAIR_VERBS.has(word))) return false;
    // "Copy/paste error", "read/write path": two verbs naming the noun after them.
    if (nextWord === '/' && i + 3 < end && tokens[i + 2].kind === Kind.Word && NOUN_AFTER.has(tokens[i + 3].lower)) return false;
    if (!confirmed) {
      if (!sentenceStart) return false;
      // "Fix typo", "update docs": a plain noun, then nothing that looks like a verb.
      const after = i + 2 < end ? tokens[i + 2] : undefined;
      if (after && after.kind === Kind.Word && (FINITE.has(after.lower) || (/(?:ed|s)$/.test(after.lower) && !OBJECT_START.has(after.lower)))) return false;
      if (nextWord.endsWith('ed') || nextWord.endsWith('ing') || (nextWord.endsWith('s') && !/ss$/.test(nextWord) && i + 2 < end && tokens[i + 2].kind === Kind.Word)) return false;
    }
    return true;
  }
  if (!sentenceStart && !confirmed) {
    // Mid-sentence, a plain word after the verb is weak evidence: "…, and use cases differ".
    if (NOUN_AFTER.has(nextWord) || nextWord.endsWith('ed') || nextWord.endsWith('ing')) return false;
  }
  return true;
}

/**
 * "remove orphan files has the same pattern": the verb and its object are the subject of a later verb, so
 * they name a step rather than ask for it. A joining word, a subject or a mark ends the search first
 * ("Remove the code that is unused", "Drop this, it is dead"), and verbs that take a clause keep it
 * ("Check the value is not null").
 */
function namesAStep(tokens: readonly Token[], i: number, end: number): boolean {
  if (CLAUSE_TAKING_VERBS.has(tokens[i].lower)) return false;
  for (let k = i + 1; k < end && k <= i + 6; k++) {
    const token = tokens[k];
    if (token.kind === Kind.Punct) return false;
    if (token.kind !== Kind.Word) continue;
    if (LINKING_VERBS.has(token.lower)) return k > i + 1;
    if (SUBORDINATORS.has(token.lower) || SUBJECTS.has(token.lower) || DEMONSTRATIVES.has(token.lower) || JOINING_WORDS.has(token.lower)) return false;
  }
  return false;
}

function isIdentifier(text: string, token: Token): boolean {
  if (token.kind === Kind.Code) return true;
  if (token.kind !== Kind.Word) return false;
  const raw = text.slice(token.start, token.end);
  return /[_\d]|[a-z][A-Z]|^[A-Z]{2,}$|\./.test(raw) || text[token.end] === '(';
}

/** "provide a reproducer", "share the logs": the author is asked for information, not for a change. */
export function asksForInformation(tokens: readonly Token[], verbAt: number, end: number): boolean {
  const verb = tokens[verbAt].lower;
  if (verb !== 'provide' && verb !== 'share' && verb !== 'post' && verb !== 'send' && verb !== 'give' && verb !== 'attach') return false;
  for (let k = verbAt + 1; k < Math.min(end, verbAt + 6); k++) if (INFO_OBJECTS.has(tokens[k].lower)) return true;
  return false;
}
