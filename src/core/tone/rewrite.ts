/**
 * Supportive rewrites of a flagged clause. They are built from slices of the original text, so code
 * spans, identifiers and the rest of the technical content come through byte for byte; only the
 * framing changes, from telling to asking.
 */

import type { Context, Cue } from './cues';
import { baseOfGerund, gerund, OBJECT_START, VERBS } from './lexicon';
import { Kind, spanAt } from './text';

export interface Rewrite {
  readonly start: number;
  readonly end: number;
  readonly suggestions: string[];
}

const SKIP_AFTER_MODAL = /^(?:also|just|really|probably|definitely|still|then|now|first|actually|simply|absolutely|clearly|obviously|likely|certainly|please|to|be able to)$/;

export function rewrite(context: Context, cue: Cue): Rewrite {
  const { text, tokens, sentences } = context;
  const sentence = sentences[cue.sentence];
  const from = cue.from ?? cue.start;
  const coreEnd = coreEndOf(context, cue.sentence);
  const range = { start: from, end: sentence.end };
  const core = stripTrailingPlease(text.slice(from, coreEnd).trim());
  const after = (index: number | undefined) => (index === undefined ? '' : stripTrailingPlease(text.slice(tokens[index].end, Math.max(tokens[index].end, coreEnd)).trim()));
  const shape = (suggestions: (string | undefined)[]): Rewrite => {
    // At most two, no repeats, each starting in the case the original did.
    const kept: string[] = [];
    for (const suggestion of suggestions) {
      if (!suggestion) continue;
      const cased = matchCase(suggestion, text.charCodeAt(from));
      if (kept.length < 2 && !kept.includes(cased)) kept.push(cased);
    }
    return { start: range.start, end: range.end, suggestions: kept };
  };
  switch (cue.rule) {
    case 'imperative':
    case 'polite-imperative': {
      const head = cue.head ?? wordAfter(context, cue.sentence, cue.end);
      if (head === undefined || tokens[head].kind !== Kind.Word) {
        const rest = stripPlease(core);
        return shape(rest ? [`I'd prefer ${lowerFirst(rest)}, if you agree. What do you think?`] : [`Would you be OK with that? What do you think?`]);
      }
      return shape(asking(verbOf(tokens[head].lower), after(head)));
    }
    case 'request-question': {
      if (cue.head === undefined) return shape(generic(core));
      const word = tokens[cue.head].lower;
      const verb = VERBS.has(word) ? word : baseOfGerund(word);
      const rest = after(cue.head);
      if (!verb) return shape([`What do you think about ${join(word, rest)}?`]);
      return shape([`What do you think about ${join(gerund(verb), rest)}?`, `Would it make sense to ${join(verb, rest)}?`]);
    }
    case 'prohibition': {
      const head = cue.head;
      if (head === undefined) return shape(generic(core));
      const word = tokens[head].lower;
      const verb = baseOfGerund(word) ?? word;
      const rest = after(head);
      return shape([`What do you think about not ${join(gerund(verb), rest)}?`, `I'd suggest not ${join(gerund(verb), rest)}. What do you think?`]);
    }
    case 'you-must':
    case 'we-must': {
      const phrase = text.slice(cue.start, cue.end).toLowerCase();
      const negative = /n't|\bnot\b|cannot|never/.test(phrase);
      let k = (cue.head ?? tokenIndexAt(context, cue.end - 1)) + 1;
      while (k < sentence.lastToken && SKIP_AFTER_MODAL.test(tokens[k].lower)) k++;
      const word = k < sentence.lastToken ? tokens[k].lower : '';
      const headIndex = cue.head ?? tokenIndexAt(context, cue.end - 1);
      const wantsThing = /(?:need|needs|want)$/.test(phrase) && tokens[headIndex + 1]?.lower !== 'to';
      const plainWord = !wantsThing && k < sentence.lastToken && tokens[k].kind === Kind.Word && /^[a-z][a-z-]*$/.test(word) && !OBJECT_START.has(word);
      const verb = VERBS.has(word) ? word : baseOfGerund(word) ?? (word.endsWith('ed') && VERBS.has(word.slice(0, -2)) ? word.slice(0, -2) : plainWord ? word : undefined);
      if (verb && !wantsThing && tokens[k].kind === Kind.Word) {
        const rest = after(k);
        if (negative) return shape([`Could we avoid ${join(gerund(verb), rest)}?`, `What do you think about not ${join(gerund(verb), rest)}?`]);
        return shape(asking(verb, rest, true));
      }
      const rest = k < sentence.lastToken ? text.slice(tokens[k].start, coreEnd).trim() : '';
      if (!rest) return shape(generic(core));
      if (negative) return shape([`I wonder if we need ${rest}. What do you think?`, `Could we do without ${rest}?`]);
      return shape([`What do you think about ${rest}?`, `Would ${rest} help here?`]);
    }
    case 'requirement': {
      const head = cue.head ?? tokenIndexAt(context, cue.start);
      const modal = tokens[head].lower;
      const subject = lowerFirst(stripHedges(text.slice(from, tokens[head].start).trim())) || 'this';
      let k = head + 1;
      if ((modal === 'has' || modal === 'have' || modal === 'ought' || modal === 'needs' || modal === 'need') && tokens[k]?.lower === 'to') k++;
      const predicate = k < sentence.lastToken ? text.slice(tokens[k].start, coreEnd).trim() : '';
      if (!predicate) return shape(generic(core));
      const negative = modal.endsWith("n't");
      const needsThing = (modal === 'needs' || modal === 'need') && tokens[head + 1]?.lower !== 'to';
      if (needsThing) {
        const plural = modal === 'need';
        return shape([`${plural ? 'Do' : 'Does'} ${subject} need ${predicate}?`, `I wonder if ${subject} ${modal} ${predicate}. What do you think?`]);
      }
      return shape([`Should ${subject}${negative ? ' not' : ''} ${predicate}?`, `I wonder if ${subject} should${negative ? ' not' : ''} ${predicate}. What do you think?`]);
    }
    case 'wish': {
      const verbAt = /\b(?:like|love|want|appreciate|prefer|need|expect|going to|gonna)\b/i.exec(text.slice(cue.start, cue.end));
      const rest = text.slice(verbAt ? cue.start + verbAt.index + verbAt[0].length : cue.end, coreEnd).trim();
      const youTo = /^(?:it )?(?:if )?you(?: to)? (\S+)(.*)$/i.exec(rest);
      if (youTo) {
        const word = youTo[1].toLowerCase();
        const verb = VERBS.has(word) ? word : baseOfGerund(word) ?? (VERBS.has(word.replace(/e?d$/, '')) ? word.replace(/e?d$/, '') : VERBS.has(word.replace(/d$/, '')) ? word.replace(/d$/, '') : undefined);
        if (verb) return shape(asking(verb, youTo[2].trim()));
      }
      const thing = rest.replace(/^(?:to see|to have|to get|seeing|having|if|that)\s+/i, '');
      if (!thing) return shape(generic(core));
      return shape([`Would it make sense to have ${thing}?`, `What do you think about ${thing}?`]);
    }
    case 'accusing-why': {
      const phrase = text.slice(cue.start, cue.end).toLowerCase();
      if (/even|actually|ever|really|serious|kidding|joking|thinking|joke|supposed|meant|wtf|hell|heck|earth|fuck|how did this|keep|still|how many|would you|forget|miss/.test(phrase) && !/^why (?:didn't|don't|aren't|haven't|wouldn't) you$/.test(phrase)) {
        const plain = core
          .replace(/\b(?:even|ever|actually|really|seriously|on earth|the (?:hell|heck|fuck))\s+/gi, '')
          .replace(/[?!]+$/, '')
          .trim();
        const question = plain && !/^(?:why would|how many times|how come|how (?:is|was|did) this)\b|\b(?:keep|still)\b/i.test(plain) && !/^(?:seriously|wtf|really|what the \w+|are you (?:serious|kidding|joking)|is this a joke|what were you thinking)$/i.test(plain) && /\s/.test(plain);
        return shape([
          question ? `I'm curious: ${lowerFirst(plain)}? I may be missing some context.` : `I'm not sure I follow the reasoning here. Could you help me understand it?`,
          `What led to this approach? I may be missing some context.`,
        ]);
      }
      let k = tokenIndexAt(context, cue.end - 1) + 1;
      while (k < sentence.lastToken && /^(?:don't|do|not|didn't|doesn't|aren't|isn't|haven't|won't|can't)$/.test(tokens[k].lower)) k++;
      while (k < sentence.lastToken && SKIP_AFTER_MODAL.test(tokens[k].lower)) k++;
      const word = k < sentence.lastToken ? tokens[k].lower : '';
      const verb = VERBS.has(word) ? word : baseOfGerund(word);
      if (!verb) return shape([`What led to this approach? I may be missing some context.`]);
      const rest = after(k);
      return shape([`Could we ${join(verb, rest)}?`, `Was there a reason not to ${join(verb, rest)}?`]);
    }
    case 'verdict': {
      const noNeed = /^(?:there(?:'s| is) )?no need (for|to) (.+)$/i.exec(core);
      if (noNeed) return shape([`Do we need ${noNeed[1] === 'to' ? 'to ' : ''}${noNeed[2]}?`, ...generic(core)]);
      if (/^not (?:really )?(?:needed|necessary|required)$/i.test(core)) return shape(['Is this needed?', ...generic(core)]);
      return shape([inverted(core), ...generic(core)]);
    }
    case 'right-way': {
      const softened = core
        .replace(/(\b(?:is|are)|'s)((?: much| far| way| a lot)?) better\b/i, (_all, verb: string, degree: string) => `${verb === "'s" ? ' ' : ''}might be${degree} better`)
        .replace(/^better(?= to\b)/i, 'it might be better')
        .replace(/^better\b/i, 'it might be better to');
      const first = softened !== core ? `${softened}. What do you think?` : `As far as I know, ${lowerFirst(core)}. Would that work here?`;
      return shape([first, ...generic(core)]);
    }
    case 'defect-label': {
      const label = lowerFirst(core.replace(/^(?:missing)\s+/i, ''));
      const lowered = core.toLowerCase();
      if (/^missing\b/.test(lowered)) return shape([`Could we add the ${label}?`, `I think the ${label} might be missing here. What do you think?`]);
      if (/^(?:unused|useless|unnecessary|unneeded|needless|redundant|superfluous|extra|stray|spurious|leftover|trailing|dead|duplicated?|debug|commented-out|blank|double)\b/.test(lowered)) {
        return shape([`Could we drop the ${lowerFirst(core)}?`, `I noticed ${lowerFirst(core)} here. What do you think?`]);
      }
      if (tokens[tokenIndexAt(context, cue.start)]?.kind === Kind.Code || !/\s/.test(core)) {
        return shape([`What do you think about ${core} here?`, `Maybe ${core} here? Up to you.`]);
      }
      return shape([`Could we fix the ${lowerFirst(core)}?`, `I noticed ${lowerFirst(core)} here. What do you think?`]);
    }
    case 'replacement': {
      const sed = /^s\/([^/\n]*)\/([^/\n]*)\/?[gi]*/.exec(text.slice(cue.start, cue.end));
      if (sed) {
        const tail = text.slice(cue.end, coreEnd).trim();
        return shape([`What do you think about \`${sed[2]}\` instead of \`${sed[1]}\`${tail ? ` ${tail}` : ''}?`, `Maybe ${text.slice(cue.start, cue.end)}${tail ? ` ${tail}` : ''}? Feel free to ignore.`]);
      }
      const arrow = splitArrow(core);
      if (arrow) return shape([`What do you think about ${arrow[1]} instead of ${arrow[0]}?`, `Maybe ${arrow[1]} instead of ${arrow[0]}? Up to you.`]);
      return shape([`What do you think about ${core}?`, `Would ${core} work here?`]);
    }
    case 'rejection':
      return shape([`I'm not convinced by this approach yet. Could we talk through the alternatives?`, `I have some concerns here. What would you think about discussing them first?`]);
    case 'blocking': {
      const open = text.lastIndexOf('(', cue.start);
      const close = text.indexOf(')', cue.end);
      const label = text.slice(0, open).trimEnd();
      return {
        start: 0,
        end: close + 1,
        suggestions: [label.trimStart() ? text.slice(0, open).trimEnd() : label, `${label} (non-blocking)`].map((value) => value.trim() || 'suggestion'),
      };
    }
    default:
      return shape(generic(core));
  }
}

/** "rename this to fooBar" → a question with the same words. */
function asking(word: string, rest: string, collaborative = false): string[] {
  const verb = verbOf(word);
  const could = `Could we ${join(verb, rest)}?`;
  const think = `What do you think about ${join(gerund(verb), rest)}?`;
  return collaborative ? [could, think] : [think, could];
}

function generic(core: string): string[] {
  return [`I might be missing something, but ${lowerFirst(core)}. What do you think?`];
}

const ANTONYMS: Record<string, string> = {
  wrong: 'right',
  incorrect: 'correct',
  'not correct': 'correct',
  'not right': 'right',
  'not needed': 'needed',
  'not necessary': 'needed',
  'not required': 'needed',
  unnecessary: 'needed',
  unneeded: 'needed',
  redundant: 'needed',
  superfluous: 'needed',
  useless: 'needed',
  pointless: 'needed',
  invalid: 'valid',
  broken: 'working',
  confusing: 'clear',
  misleading: 'clear',
};

/** "This check is not needed, kfree() handles NULL" → "Is this check needed? kfree() handles NULL." */
function inverted(core: string): string | undefined {
  const match = /^(this|that|it|these|those|the [^,;:.]{1,40}?|[^\s,;:.]{1,40}) (is|are|looks|seems|'s) (?:a bit |really |very |quite |clearly |completely |totally |just )?(not correct|not right|not needed|not necessary|not required|[a-z]+)\b(.*)$/i.exec(core);
  if (!match) return undefined;
  const antonym = ANTONYMS[match[3].toLowerCase()];
  if (!antonym) return undefined;
  const subject = lowerFirst(match[1]);
  const verb = match[2].toLowerCase();
  const separate = /^\s*[,;:]/.test(match[4]);
  const remainder = match[4].replace(/^\s*[,;:]?\s*/, '').trim();
  const head = verb === 'looks' || verb === 'seems' ? `Does ${subject} ${verb.slice(0, -1)} ${antonym}` : `${verb === 'are' ? 'Are' : 'Is'} ${subject} ${antonym}`;
  if (!remainder) return `${head}?`;
  if (!separate) return `${head} ${remainder}?`;
  return `${head}? ${capitalize(remainder)}${/[.!?]$/.test(remainder) ? '' : '.'}`;
}

// ---------------------------------------------------------------------------------------------------

function coreEndOf(context: Context, index: number): number {
  const { tokens, sentences } = context;
  const sentence = sentences[index];
  let last = sentence.lastToken - 1;
  while (last > sentence.firstToken && tokens[last].kind === Kind.Punct && /^[.!?…;:,]$/.test(tokens[last].lower)) last--;
  return tokens[last].end;
}

/** The first word after an offset in a sentence, past punctuation such as the comma in "please, …". */
function wordAfter(context: Context, index: number, offset: number): number | undefined {
  const { tokens, sentences } = context;
  const sentence = sentences[index];
  for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
    if (tokens[i].start < offset) continue;
    if (tokens[i].kind === Kind.Punct && tokens[i].lower === ',') continue;
    return tokens[i].kind === Kind.Word && !/^(?:no|not|more|less)$/.test(tokens[i].lower) ? i : undefined;
  }
  return undefined;
}

const SHORTHAND: Record<string, string> = { rm: 'remove', mv: 'move', nix: 'remove', pls: 'please' };

function verbOf(word: string): string {
  return SHORTHAND[word] ?? word;
}

function stripPlease(value: string): string {
  return value.replace(/^(?:please|pls|plz|kindly)\b[,\s]*/i, '').trim();
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
  const first = value.charCodeAt(0);
  if (first < 0x41 || first > 0x5a) return value;
  let i = 1;
  for (; i < value.length && i < 40; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x20 || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x0a || code === 0x09) break;
    if (!((code >= 0x61 && code <= 0x7a) || code === 0x27)) return value;
  }
  if (first === 0x49 && (i === 1 || value.charCodeAt(1) === 0x27)) return value; // "I", "I'd"
  return String.fromCharCode(first + 0x20) + value.slice(1);
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** A rewrite starts in the case the original did: "Rename …" → "What …", "rename …" → "what …". */
function matchCase(suggestion: string, original: number): string {
  const first = suggestion.charCodeAt(0);
  const lower = original >= 0x61 && original <= 0x7a;
  if (!lower) return first >= 0x61 && first <= 0x7a ? String.fromCharCode(first - 0x20) + suggestion.slice(1) : suggestion;
  // "I'd …", "I …" and `code` keep their case.
  if (first === 0x60 || (first === 0x49 && (suggestion.charCodeAt(1) === 0x27 || suggestion.charCodeAt(1) === 0x20))) return suggestion;
  return first >= 0x41 && first <= 0x5a ? String.fromCharCode(first + 0x20) + suggestion.slice(1) : suggestion;
}
