/**
 * Finds the signals in one comment: directive patterns (commands, obligations, verdicts …) and
 * supportive ones (option questions, first-person framing, optionality, praise). Deciding what they
 * add up to is analyze.ts's job; this file only finds them, each with its offsets.
 */

import { parseConventionalPrefix } from './conventional';
import {
  AMBIGUOUS_VERBS,
  FILLERS,
  FINITE,
  INFO_VERBS,
  KEYWORD_ONLY,
  NOUN_AFTER,
  OBJECT_START,
  APPROVAL_WORDS,
  PREFIX_LABELS,
  SUBORDINATORS,
  VERBS,
  addTrigger,
  W,
  wordInfo,
} from './lexicon';
import { ToneRuleId } from './rules';
import { Kind, Sentence, spanAt, Token } from './text';

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

/** A sentence's labels ("nit:", "PS3:") and the token after them, computed once per sentence. */
function labelsOf(context: Context, index: number): { next: number; labels: string[] } {
  const cache = (context.labelled ??= []);
  return (cache[index] ??= skipLabels(context, context.sentences[index]));
}

export function isDirectiveKind(kind: CueKind): boolean {
  return kind <= CueKind.Hostile;
}

// ---------------------------------------------------------------------------------------------------
// Phrase patterns. Each branch starts with \b and a literal word; each pattern is tried only where a
// word that can begin it starts (FIRST_WORDS), anchored there. The tests audit every branch for ReDoS.

const YOU_MUST =
  /\byou(?:'ll|'d| will| would)?(?: (?:really|probably|definitely|also|still|just|then|now|first|actually|absolutely|clearly|obviously|simply))? (?:should(?:n't| not)?|must(?:n't| not)?|needn't|need(?:s)?|have to|has to|ought to|got to|gotta|can't|cannot|can not|better|don't need|do not need|forgot|missed|left out)\b|\byou (?:really |definitely |actually )?want\b(?! to know)/iy;
const WE_MUST =
  /\bwe(?:'ll|'d| will| would)?(?: (?:really|probably|definitely|also|still|just|then|now|first|actually|absolutely|clearly|obviously|simply|likely|certainly))? (?:should(?:n't| not)?|must(?:n't| not)?|needn't|need(?:s)?|have to|ought to|got to|gotta|better|don't need|do not need|don't want|do not want)\b/iy;
const WISH =
  /\bi(?:'d| would)(?: really| much| rather| also)? (?:like|love|want|appreciate|prefer if you|prefer that you)\b|\bi (?:really )?(?:want|need) (?:you|this|that|it|these|those|a|an|the|to see)\b|\bi(?:'m| am) (?:going to|gonna) (?:nak|nack|reject|block|revert|drop)\b|\bi expect (?:you|this|a|an|the)\b/iy;
const WISH_EXCEPT = /^ (?:to )?(?:understand|know|hear|learn|ask|discuss|check|think|try|point out|mention|confirm|clarify|double-check|see (?:why|how|what|if|whether|where)|get (?:your|some|a second)|have (?:your|a second)|your|some (?:opinions|feedback|input|thoughts)|to see what)/i;
const ACCUSING =
  /\bwhy (?:didn't|don't|aren't|haven't|wouldn't|can't|won't|weren't|couldn't|shouldn't) you\b|\bwhy (?:did|do|are|would|were|have|could|can|should) you (?:not|keep|still|even|ever)\b|\bhow come you\b|\bwhy (?:would|do|did) (?:anyone|anybody|someone|one) (?:ever|even|want)\b|\bwhy would you\b|\bwhy on earth\b|\bwhy the (?:hell|heck|fuck)\b|\b(?:did|have|do) you (?:even|actually|ever|really) (?:test|tested|try|tried|run|ran|read|compile|compiled|build|built|look|looked|check|checked|understand)\b|\bare you (?:serious|kidding|joking)\b|\bwhat were you thinking\b|\bis this a joke\b|\bwtf\b|\bwhat the (?:hell|heck|fuck)\b|\bhow (?:is|was) this (?:ever |even )?(?:supposed|meant) to\b|\bhow did this (?:ever |even )?(?:pass|get|compile|work)\b|\bseriously ?[?!]|\bdid you (?:forget|miss)\b|\bhow many times (?:do|have|must|should|will) i\b/iy;
const POLITE = /\b(?:please|pls|plz|kindly)\b/iy;
const POLITE_EXCEPT =
  /^[,]? (?:feel free|ignore|disregard|let (?:me|us) know|don't hesitate|do not hesitate|bear with|excuse|see\b|note\b|take (?:a|another) look|correct me|enlighten me|share your|tell me what you think|advise)/i;
const WHY_NOT = /\bwhy not\b|\bany (?:particular )?(?:reason|objection|chance|downside)s?\b|\bis there (?:a|any) (?:reason|way|chance|benefit|advantage|downside)\b|\bwhat about\b|\bhow about\b|\bwhat if\b/iy;
const OPTION =
  /\b(?:you|we) (?:could|can|might|may)\b(?!'t| not\b)|\byou (?:probably|might|may) want\b|\blet's\b|\blet us\b|\bconsider(?:ing)?\b|\bmaybe\b|\bperhaps\b|\bpossibly\b|\balternatively\b|\bone option\b|\banother option\b/iy;
const OPTION_QUESTION =
  /\b(?:should|shouldn't|could|couldn't|can|can't|would|wouldn't|might|may) (?:we|this|it|that|these|those|the|there|one)\b|\b(?:is|isn't) (?:it|this|that|there) (?:really )?(?:possible|worth|better|ok|okay|feasible|cleaner|safe|simpler|easier|right|correct|an option)\b|\b(?:needed|necessary|required|intended|intentional|deliberate|on purpose)\b|\b(?:isn't|aren't|doesn't|don't|won't|wouldn't|shouldn't|can't|couldn't|wasn't) (?:this|it|that|these|those|there|the)\b|\bdoes (?:it|this|that) (?:make sense|need to)\b|\b(?:do|don't) we\b|\bhave you (?:considered|thought|tried|looked)\b|\bdid you (?:consider|think about|try|look at)\b|\bdo you (?:think|want|prefer)\b|\bwould you (?:consider|prefer|be|like)\b|\binstead\b|\brather\b|\b(?:better|simpler|cleaner|clearer|easier|nicer|safer)\b|, (?:no|right|correct|isn't it|wouldn't it|shouldn't it|don't you think)\b/iy;
const FIRST_PERSON =
  /\bi(?:'d| would)\b(?! (?:really |much |rather |also )?(?:like|love|want|appreciate|need|expect)\b)|\bi (?:suggest|recommend|propose|wonder|was wondering|am wondering|prefer|personally|tend to|usually|typically|generally|would|lean)\b|\bi(?:'m| am) (?:not (?:sure|convinced|certain|clear|positive|100%)|wondering|curious|confused|unsure|unclear|not following|(?:a bit |a little |slightly |somewhat )?(?:worried|concerned))|\bnot sure\b|\bi (?:don't|do not|didn't|can't|cannot) (?:quite |really |fully )?(?:understand|follow|get|see (?:why|how|what|where|the|a|any)|know (?:if|whether|why|how|what)|remember)\b|\bi (?:may|might|could) be (?:wrong|missing|mistaken|misreading|misunderstanding)\b|\bam i (?:missing|wrong|misreading|reading)\b|\bunless i'm\b|\bif i (?:understand|read|remember|recall)\b|\biiuc\b|\bafaiu\b|\bi (?:find|found) (?:this|it|that)\b|\bi (?:think|guess|believe|feel) (?:we|you|it|this|that) (?:could|can|might|may)\b|\bjust a (?:thought|suggestion|idea)\b|\bfood for thought\b/iy;
// Uncertainty: directive words after it, in the same sentence, are the reviewer's doubt, not an order.
const HEDGE =
  /\b(?:not (?:sure|convinced|certain)|i (?:wonder|was wondering|am wondering)|wondering|i (?:don't|do not) (?:know|understand)|i (?:may|might|could) be (?:wrong|missing|mistaken)|unless i'm|am i missing|iiuc|afaiu|i'm curious|curious (?:if|whether|why))\b/iy;
const MODAL = "\\b(?:would|might|could|may|it'd|that'd|this'd)(?: (?:also|probably|maybe|perhaps|still|even|definitely|really|certainly))?";
// One branch per continuation keeps each branch small enough for the ReDoS audit to prove linear.
const CONDITIONAL = new RegExp(
  [
    `${MODAL} be (?:good|nice|better|cleaner|great|clearer|simpler|easier|helpful|useful|preferable|ideal|worth|worthwhile|neat|wise|safer|nicer|best|more|less|enough|fine|ok|okay|cool|neater|sensible|reasonable|appropriate|interesting)\\b`,
    `${MODAL} be (?:a good|an option|an idea|an improvement|an alternative)\\b`,
    `${MODAL} read (?:better|cleaner|nicer|easier|more)\\b`,
    `${MODAL} (?:help|simplify|improve|avoid|benefit|prefer)\\b`,
    `${MODAL} make (?:sense|it|this|that|things|lookups|the code)\\b`,
    `${MODAL} make [a-z]{1,20} (?:cheaper|faster|simpler|easier|cleaner|clearer|safer|nicer)\\b`,
    `${MODAL} work (?:better|too|as well|here)\\b`,
    "\\bcould be\\b",
    "\\bmight be worth\\b",
    "\\b(?:wouldn't|won't|doesn't|would not|will not|does not) hurt\\b",
    "\\bworth (?:considering|adding|a|doing|looking|checking|it|noting|mentioning|trying)\\b",
    "\\bcan be (?:simplified|dropped|removed|replaced|avoided|made|written|done|moved|merged|inlined|shortened|combined|folded|skipped|omitted|reused|static|const|private|final|inline|deleted)\\b",
  ].join('|'),
  'iy',
);
const INVITE =
  /\bwhat do you think\b|\bwdyt\b|\bthoughts ?\?|\bany thoughts\b|\bopinions? ?\?|\bdoes (?:that|this) (?:make sense|sound (?:ok|okay|good|reasonable|right))|\blet me know (?:what|if|how)\b|\bhappy to (?:discuss|be convinced|hear|talk|change my mind)|\bwhat's your (?:take|view|opinion|preference)\b|\bhow (?:do|would) you feel\b|\bopen to (?:other|alternatives|suggestions|ideas)|\bwhat would you (?:prefer|think|say|suggest)\b|\bdo you (?:agree|think|prefer)\b|\bmakes? sense ?\?|\bagree ?\?|\bmy two cents\b|\bmy 2c\b/iy;
const OPTIONAL =
  /\bnon-?blocking\b|\boptional(?:ly)?\b|\bfeel free\b|\bup to you\b|\byour (?:call|choice|decision)\b|\bif you (?:want|like|prefer|wish|feel like|agree|think it|have (?:time|a chance|a moment|a minute)|get (?:a chance|time|the chance)|do (?:another|a new|a further)|respin|re-spin|resend|re-send|repost|re-roll|reroll|need to (?:respin|resend|repost|update)|end up (?:respinning|resending|touching|changing|updating|reworking)|touch this again|send (?:a )?(?:v\d|new version|another))\b|\bno (?:biggie|big deal|strong (?:opinion|feelings?|preference))\b|\bno worries if\b|\bnot (?:a )?(?:big deal|blocker|blocking|critical|must-have|strictly (?:necessary|needed|required))\b|\bnot worth (?:a|another) (?:respin|resend|spin|iteration|version|revision)\b|\bno need to (?:respin|resend|repost|send)\b|\bignore (?:if|me|this if)\b|\b(?:either|both) (?:way|ways|options|approaches|is|are)\b[^.!?\n]{0,20}?\b(?:fine|ok|okay|works)\b|\bfine (?:either way|as is|with (?:me|both))\b|\b(?:that|this|it) works too\b|\bdon't care (?:that |too |very )?much\b|\bnot (?:too |that )?fussed\b|\bif-minor\b|\btake it or leave it\b|\bcan (?:also )?be (?:done|addressed|fixed|handled) (?:later|separately|in a follow-?up)\b|\b(?:fine|ok|okay) (?:to do|as|in) (?:a )?follow-?up\b|\blater is fine\b|\bnot necessarily in this (?:patch|pr|series|change)\b|\bfor (?:a )?future (?:patch|pr|change|series|cleanup)\b|\bno strong opinion\b|\b(?:fine|ok|okay|good enough|acceptable) for now\b|\b(?:i'll )?leave it (?:up )?to you\b|\bnot a must\b/iy;
const PRAISE =
  /\blgtm\b|\bsgtm\b|\b(?:looks?|sounds?) (?:very |really |pretty |quite |all )?(?:good|great|fine|nice|solid|sane|reasonable|clean|correct|right|ok|okay|better)\b|\bnice\b|\bgreat\b|\bgood (?:catch|find|idea|point|call|job|work|stuff|one|spot|change|cleanup|improvement|question|thinking|eye)\b|\bexcellent\b|\bawesome\b|\bamazing\b|\bthanks?\b|\bthank you\b|\bthx\b|\bthnx\b|\bkudos\b|\bwell (?:done|written|spotted)\b|\bneat\b|\bbeautiful\b|\belegant\b|\blove (?:this|it|that|the|how)\b|\b(?:much|way|a lot|so much) (?:better|cleaner|nicer|clearer|simpler|easier|more readable)\b|\bship it\b|\b(?:reviewed|acked|tested)-by:|\bcool\b|\bperfect\b|\bbrilliant\b|\bclever\b|\bnicely\b|\bappreciated?\b|\bgood to go\b|\bcode-review ?\+[12]\b|(?<![\w+])\+1\b|:\+1:|\uD83D[\uDC4D\uDE4F\uDE80\uDCAF]|\uD83C\uDF89|\u2764/iy;
const VERDICT_PHRASE =
  /\bmakes? no sense\b|\b(?:doesn't|does not|don't|do not) make (?:any |much )?sense\b|\bnot (?:really )?(?:needed|necessary|required|useful|correct|right|ok|okay|acceptable|ideal|great|good|nice|helpful|the (?:right|correct|proper|best) (?:way|place|approach|fix|solution|thing))\b|\b(?:isn't|aren't|wasn't) (?:really )?(?:needed|necessary|required|useful|correct|right|ok|okay|acceptable|ideal|great|good|helpful)\b|\bno (?:need|reason) (?:to|for)\b|\bno point (?:in|to)\b|\b(?:doesn't|does not|don't|do not) belong\b|\b(?:doesn't|does not|don't|do not) (?:look|seem|sound) (?:right|correct|good|ok|okay|useful|necessary|needed)\b|\b(?:doesn't|does not|don't|do not|needn't) need (?:to|a|an|the|this|that|it|any)\b|\bbad idea\b|\bpaper(?:ing|s)? over\b|\bband-?aids?\b|\b(?:way |far |much |a bit |a little |way way )?too (?:long|big|complex|complicated|clever|convoluted|verbose|large|much magic|generic|deep)\b|\bnot a good idea\b|\bthe wrong (?:way|place|approach|fix|layer|thing)\b|\bi (?:really |just |honestly )?(?:don't|do not) like\b|\bnot (?:a |the )?(?:big |huge )?fan\b|\bno-go\b|\b(?:pretty |really |very |quite |a bit |rather |kinda |super )?(?:hard|difficult) to (?:read|follow|understand|review|parse)\b|\bi dislike\b|\bi hate\b|\bthat's not how\b|\bi (?:don't|do not) think (?:we|you|this|that|it|these|those|the [a-z_]{1,30}) (?:really )?(?:need|needs|is needed|are needed|is necessary|is right|is correct|makes sense|belongs|is a good idea|is the right)\b/iy;
const RIGHT_WAY =
  /\b(?:is|are|it's|that's|which is) (?:much |far |way |a lot |definitely |clearly )?(?:better|preferred|preferable|cleaner|simpler|nicer|clearer|safer|more (?:idiomatic|readable|correct|efficient|robust|conventional|common)) (?:to|than|here|for|when|as|in|since|because)\b|\b(?:is|are) (?:the )?(?:preferred|preferable|recommended|idiomatic|canonical|correct|proper|right|standard|usual) (?:way|form|style|approach|pattern|idiom|api|thing|choice|fix|solution|place)\b|\bthe (?:right|correct|proper|preferred|idiomatic|usual|standard|canonical|recommended) (?:way|thing|approach|fix|solution|pattern|idiom|api) (?:is|here is)\b|\b(?:coding |code |naming |kernel |our |house |project |the )?(?:style|convention|naming convention|norm) (?:is|says|requires|here is)\b|\bper (?:the )?(?:coding |code |kernel |our )?(?:style|convention|style ?guide|guidelines?)\b|\bwe (?:always|usually|normally|generally|typically|never|don't|do not|tend to) (?:use|put|write|do|name|prefer|avoid|allow|accept|add|keep|mix|return|call|like|want|have)\b|\bwe (?:prefer|avoid)\b|\bwe use [^.!?\n]{1,40}? in this (?:codebase|project|file|repo|tree|subsystem|driver|module|package)\b|\bis the norm\b|\bis (?:frowned upon|discouraged|not allowed|forbidden|banned)\b|\bagainst (?:the )?(?:coding )?(?:style|convention|guidelines?)\b|\bis the way to go\b|\bbetter (?:to|use|make|do|call|return|move|put|add|remove|keep|leave|go|just|be|have|check|avoid|not|drop|rename|switch|stick)\b|\b(?:is|are) better ?[.!]?$|\b(?:is|are) (?:preferred|preferable|recommended|discouraged) ?[.!]?$/imy;
const HOSTILE = /\bnak\b|\bnack(?:ed)?\b|\bnacked-by\b|\bcode-review ?-2\b/iy;
const SED = /(?<![\w/.-])s\/[^/\n]{1,80}\/[^/\n]{0,80}\/?[gi]{0,2}/y;
const INFO_TARGET = /^[^.?!\n]{0,60}?\bin (?:the|a|your) (?:commit message|commit log|changelog|change log|comment|code|log|description|docs|documentation|readme|cover letter)\b/i;

/**
 * The words a match of each pattern can start with. A pattern is tried only where one of its words
 * starts a token, anchored there (sticky), so a comment costs one map lookup per word rather than one
 * scan per pattern. The tests check that this finds exactly what a scan of the whole text finds.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/);
export const FIRST_WORDS = {
  hedge: words(`not i wondering unless am iiuc afaiu i'm curious`),
  polite: words(`please pls plz kindly`),
  you: words(`you you'll you'd`),
  we: words(`we we'll we'd`),
  wish: words(`i'd i i'm`),
  accusing: words(`why how did have do are what is wtf seriously`),
  hostile: words(`nak nack nacked nacked-by code-review`),
  verdict: words(`make makes doesn't does don't do not isn't aren't wasn't no bad paper papering papers band-aid bandaid band-aids bandaids
    way far much too the i needn't that's pretty really very quite rather kinda super hard difficult a no-go`),
  rightWay: words(`is are it's that's which the coding code naming kernel our house project style convention norm per we against better`),
  sed: words(`s`),
  whyNot: words(`why any is what how`),
  option: words(`you we let's let consider considering maybe perhaps possibly alternatively one another`),
  optionQuestion: words(`should shouldn't could couldn't can can't would wouldn't might may is isn't needed necessary required intended
    intentional deliberate on aren't doesn't don't won't wasn't does do have did instead rather better simpler cleaner clearer easier nicer safer ,`),
  firstPerson: words(`i'd i i'm not am unless if iiuc afaiu just food`),
  conditional: words(`would might could may it'd that'd this'd wouldn't won't doesn't does will worth can`),
  invite: words(`what wdyt thoughts any opinion opinions does let happy what's how open do make makes agree my`),
  optional: words(`non-blocking nonblocking optional optionally feel up your if no not ignore either both fine that this it don't if-minor take can
    ok okay later for good acceptable i'll leave`),
  praise: words(`lgtm sgtm look looks sound sounds nice great good excellent awesome amazing thank thanks thx thnx kudos well neat beautiful
    elegant love much way a so ship reviewed-by acked-by tested-by cool perfect brilliant clever nicely appreciate appreciated code-review
    + : \u{1F44D} \u{1F389} \u{1F64F} \u{1F4AF} \u{1F680} \u2764`),
} as const;

/** Each scanned pattern with the words it can start with, in the order findCues runs them (hedges first). */
export const TRIGGERED_PATTERNS: readonly (readonly [RegExp, readonly string[]])[] = [
  [HEDGE, FIRST_WORDS.hedge],
  [POLITE, FIRST_WORDS.polite],
  [YOU_MUST, FIRST_WORDS.you],
  [WE_MUST, FIRST_WORDS.we],
  [WISH, FIRST_WORDS.wish],
  [ACCUSING, FIRST_WORDS.accusing],
  [HOSTILE, FIRST_WORDS.hostile],
  [VERDICT_PHRASE, FIRST_WORDS.verdict],
  [RIGHT_WAY, FIRST_WORDS.rightWay],
  [SED, FIRST_WORDS.sed],
  [WHY_NOT, FIRST_WORDS.whyNot],
  [OPTION, FIRST_WORDS.option],
  [FIRST_PERSON, FIRST_WORDS.firstPerson],
  [CONDITIONAL, FIRST_WORDS.conditional],
  [OPTION_QUESTION, FIRST_WORDS.optionQuestion],
  [INVITE, FIRST_WORDS.invite],
  [OPTIONAL, FIRST_WORDS.optional],
  [PRAISE, FIRST_WORDS.praise],
];

/**
 * The same patterns without the `i` flag, for text already lower-cased: case-insensitive matching is
 * markedly slower in V8, and every comment runs these.
 */
const LOWERCASE_PATTERNS: readonly RegExp[] = TRIGGERED_PATTERNS.map(([pattern]) => new RegExp(pattern.source, pattern.flags.replace('i', '')));

TRIGGERED_PATTERNS.forEach(([, first], index) => {
  for (const word of first) addTrigger(word, index);
});

/** Where each pattern may match: token starts (and starts of word parts after "-", "." or "'") whose word begins a match. */
export function triggerPositions(tokens: readonly Token[]): number[][] {
  return scanTokens(tokens).positions;
}

/** Trigger positions, and the union of every word's flags (so whole passes can be skipped). */
function scanTokens(tokens: readonly Token[]): { positions: number[][]; flags: number } {
  const positions: number[][] = new Array(TRIGGERED_PATTERNS.length);
  let flags = 0;
  const add = (word: string, at: number) => {
    const hits = wordInfo(word)?.triggers;
    if (hits) for (const index of hits) (positions[index] ??= []).push(at);
  };
  for (const token of tokens) {
    const info = token.info;
    if (info) {
      flags |= info.flags;
      const hits = info.triggers;
      if (hits) for (const index of hits) (positions[index] ??= []).push(token.start);
    }
    if (token.joined) {
      // Each part of "lgtm.thanks" or "non-blocking" may start a match too, in text order.
      const word = token.lower;
      let partStart = 0;
      for (let i = 0; i <= word.length; i++) {
        const char = word[i];
        if (i < word.length && char !== '-' && char !== '.' && char !== "'") continue;
        if (partStart > 0 || i < word.length) add(word.slice(partStart, i), token.start + partStart);
        partStart = i + 1;
      }
    }
  }
  return { positions, flags };
}

/** Every pattern above, for the ReDoS audit in the tests. */
export const CUE_PATTERNS: readonly RegExp[] = [
  YOU_MUST, WE_MUST, WISH, WISH_EXCEPT, ACCUSING, POLITE, POLITE_EXCEPT, WHY_NOT, OPTION, OPTION_QUESTION, FIRST_PERSON, HEDGE,
  CONDITIONAL, INVITE, OPTIONAL, PRAISE, VERDICT_PHRASE, RIGHT_WAY, HOSTILE, SED, INFO_TARGET,
];

// ---------------------------------------------------------------------------------------------------

function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  const { index, inside } = spanAt(sentences, offset);
  return inside ? index : -1;
}

function tokenAt(tokens: readonly Token[], offset: number): number {
  return spanAt(tokens, offset).index;
}

const enum P {
  Hedge,
  Polite,
  You,
  We,
  Wish,
  Accusing,
  Hostile,
  Verdict,
  RightWay,
  Sed,
  WhyNot,
  Option,
  FirstPerson,
  Conditional,
  OptionQuestion,
  Invite,
  Optional,
  Praise,
}

export function findCues(context: Context): Cue[] {
  const cues: Cue[] = [];
  const { sentences, tokens, masked } = context;
  if (sentences.length === 0) return cues;
  let hedgeAt: Int32Array | undefined;
  const hedged = (sentence: number, offset: number) => hedgeAt !== undefined && hedgeAt[sentence] >= 0 && hedgeAt[sentence] < offset;
  const push = (cue: Cue) => cues.push(cue);

  // --- Conventional Comments prefix of the whole comment.
  const prefix = parseConventionalPrefix(masked);
  if (prefix) {
    const first = 0;
    if (prefix.label === 'praise') push({ kind: CueKind.Praise, start: prefix.start, end: prefix.end, sentence: first });
    if (prefix.decorations.includes('blocking')) {
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
  // Lower-casing keeps offsets only when no character changes length (a few, like "İ", do).
  const lower = masked.toLowerCase();
  const lowered = lower.length === masked.length;
  const subject = lowered ? lower : masked;
  for (let index = 0; index < positions.length; index++) {
    const at = positions[index];
    if (!at) continue;
    const pattern = lowered ? LOWERCASE_PATTERNS[index] : TRIGGERED_PATTERNS[index][0];
    let covered = -1;
    for (const start of at) {
      if (start < covered) continue;
      pattern.lastIndex = start;
      const match = pattern.exec(subject);
      if (!match || match[0].length === 0) continue;
      const end = start + match[0].length;
      covered = end;
      const sentence = sentenceAt(sentences, start);
      if (sentence < 0) continue;
      const s = sentences[sentence];
      switch (index as P) {
        case P.Hedge:
          hedgeAt ??= new Int32Array(sentences.length).fill(-1);
          if (hedgeAt[sentence] < 0) hedgeAt[sentence] = start;
          break;
        case P.Polite: {
          if (POLITE_EXCEPT.test(masked.slice(end, end + 40))) break;
          // "Could you please explain …?" asks for information, unless it asks for it in the commit message.
          const next = tokenAt(tokens, end);
          if (s.question && next < s.lastToken && INFO_VERBS.has(tokens[next].lower) && !INFO_TARGET.test(masked.slice(tokens[next].end, s.end))) break;
          push({ kind: CueKind.Command, rule: 'polite-imperative', start, end, sentence, from: clauseStartBefore(context, sentence, tokenAt(tokens, start)) });
          break;
        }
        case P.You:
        case P.We: {
          if (s.question || hedged(sentence, start)) break;
          const at = tokenAt(tokens, start);
          if (subordinated(tokens, s, at)) break;
          const phrase = match[0].toLowerCase();
          if (index === P.You && /\bshould be able\b/i.test(masked.slice(start, end + 9))) break;
          if (phrase.endsWith('better') && !/^(?:you|we)(?:'d| had) better/.test(phrase)) break;
          const rule = index === P.You ? 'you-must' : 'we-must';
          push({ kind: CueKind.Obligation, rule, start, end, sentence, from: clauseStartBefore(context, sentence, at), head: tokenAt(tokens, end - 1) });
          break;
        }
        case P.Wish:
          if (s.question || WISH_EXCEPT.test(masked.slice(end, end + 40))) break;
          push({ kind: CueKind.Obligation, rule: 'wish', start, end, sentence, from: clauseStartBefore(context, sentence, tokenAt(tokens, start)), head: tokenAt(tokens, end - 1) });
          break;
        case P.Accusing:
          push({ kind: CueKind.Command, rule: 'accusing-why', start, end, sentence, from: clauseStartBefore(context, sentence, tokenAt(tokens, start)) });
          break;
        case P.Hostile:
          push({ kind: CueKind.Hostile, rule: 'rejection', start, end, sentence });
          break;
        case P.Verdict:
        case P.RightWay: {
          if (s.question || hedged(sentence, start)) break;
          const at = tokenAt(tokens, start);
          if (conditionalBefore(tokens, s, at) || (index === P.Verdict && subordinated(tokens, s, at))) break;
          push({ kind: CueKind.Judgement, rule: index === P.Verdict ? 'verdict' : 'right-way', start, end, sentence, from: clauseStartBefore(context, sentence, at) });
          break;
        }
        case P.Sed:
          push({ kind: s.question ? CueKind.Option : CueKind.Judgement, rule: 'replacement', start, end, sentence, from: start });
          break;
        case P.OptionQuestion:
          if (s.question && !WH_WORDS.has(tokens[labelsOf(context, sentence).next]?.lower ?? '')) push({ kind: CueKind.Option, start, end, sentence });
          break;
        case P.Invite:
          push({ kind: CueKind.Invite, start, end, sentence });
          break;
        case P.Optional:
          push({ kind: CueKind.Optional, start, end, sentence });
          break;
        case P.Praise: {
          const at = tokenAt(tokens, start);
          const previous = at > s.firstToken ? tokens[at - 1].lower : '';
          if (previous === 'not' || previous === "doesn't" || previous === "don't" || previous === "isn't" || previous === 'no' || previous === 'never') break;
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
  return cues;
}

// ---------------------------------------------------------------------------------------------------
// Clause heads.

const POLITE_WORDS = new Set(['please', 'pls', 'plz', 'kindly']);
const HEDGE_WORDS = new Set(['maybe', 'perhaps', 'possibly']);
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'this', 'that', 'these', 'those', 'there', 'people', 'u']);
const PROHIBITION_EXCEPT = new Set(['worry', 'know', 'think', 'care', 'see', 'understand', 'get', 'remember', 'recall', 'like', 'mind', 'believe', 'have', 'feel', 'follow', 'disagree', 'agree', 'need', 'want', 'really']);
const REQUEST_MODALS = new Set(['can', 'could', 'would', 'will', "wouldn't", "won't", "can't", "couldn't"]);
const REQUEST_SKIP = new Set(['please', 'pls', 'plz', 'kindly', 'also', 'just', 'maybe', 'perhaps', 'possibly', 'quickly', 'then', 'instead', 'still', 'now', 'actually', 'simply']);
const OPEN_TO = new Set(['ok', 'okay', 'open', 'willing', 'fine', 'opposed', 'against', 'happy', 'interested', 'comfortable', 'up', 'able']);
const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '-', '–', '—', '|']);
const CLAUSE_WORDS = new Set(['but', 'otherwise']);
const NO_EXCEPT = new Set(['worries', 'worry', 'problem', 'problems', 'idea', 'objection', 'objections', 'strong', 'biggie', 'big', 'rush', 'thanks', 'way', 'longer', 'need', 'more', 'further', 'comments', 'comment', 'opinion', 'preference', 'issue', 'issues', 'change', 'changes', 'concerns', 'doubt', 'clue']);
const PREPOSITIONS = new Set(['for', 'in', 'on', 'at', 'from', 'with', 'to', 'into', 'of']);
const PINGS = new Set(['ping', 'ptal', 'update', 'updates', 'status', 'news', 'eta', 'any', 'bump', 'hello', 'hi', 'anyone']);
const WH_WORDS = new Set(['why', 'what', 'how', 'when', 'where', 'who', 'which', 'whose', 'huh']);
const CONTRACTION = /'(?:re|s|m|ve|ll|d)$|n't$/;
const ACK_PAST_WORDS = new Set(['done', 'fixed', 'removed', 'added', 'changed', 'updated', 'renamed', 'dropped', 'moved', 'addressed', 'resolved', 'rebased', 'applied', 'queued', 'merged', 'reverted', 'squashed', 'split', 'replaced', 'reworded', 'folded']);

function isIdentifier(text: string, token: Token): boolean {
  if (token.kind === Kind.Code) return true;
  if (token.kind !== Kind.Word) return false;
  const raw = text.slice(token.start, token.end);
  return /[_\d]|[a-z][A-Z]|^[A-Z]{2,}$|\./.test(raw) || text[token.end] === '(';
}

const NO_LABELS: string[] = [];
const NIT_LEAD = new Set(['just', 'a', 'one', 'small', 'minor', 'tiny', 'another', 'super', 'micro', 'little', 'quick', 'final', 'last', 'drive-by']);
const NIT_WORDS = new Set(['nit', 'nits', 'nitpick', 'minor', 'typo']);

/** The label words at the start of a sentence ("nit:", "PS3:", "Line 42:", "suggestion (non-blocking):"). */
function skipLabels(context: Context, sentence: Sentence): { next: number; labels: string[] } {
  const { tokens } = context;
  let labels: string[] = NO_LABELS;
  let i = sentence.firstToken;
  const end = sentence.lastToken;
  // Most sentences have no label: look for its ":" or " - " before doing any more work.
  let closer = false;
  for (let j = i; j < end && j - i < 12 && !closer; j++) closer = tokens[j].kind === Kind.Punct && (tokens[j].lower === ':' || tokens[j].lower === '-');
  for (let round = 0; closer && round < 3 && i < end; round++) {
    // A label is up to four words (or a bracketed decoration list) closed by ":" or " - ".
    let j = i;
    const words: string[] = [];
    while (j < end && j - i < 8) {
      const token = tokens[j];
      if (token.kind === Kind.Punct && (token.lower === ':' || (token.lower === '-' && words.length > 0 && j + 1 < end && tokens[j + 1].start > token.end))) break;
      if (token.kind === Kind.Punct && token.lower === '(') {
        while (j < end && tokens[j].lower !== ')') j++;
        j++;
        continue;
      }
      if (token.kind !== Kind.Word) {
        if (words.length > 0 && (token.lower === ',' || token.lower === '/' || token.lower === '.' || token.lower === '#')) {
          j++;
          continue;
        }
        j = end;
        break;
      }
      words.push(token.lower);
      j++;
    }
    if (j >= end || words.length === 0 || words.length > 4) break;
    const [head] = words;
    const known =
      words.some((word) => PREFIX_LABELS.has(word)) ||
      /^(?:ps|v|l|r|line|patchset|patch|set|rev|file|re)\d*$/.test(head) ||
      (words.length === 1 && /^[a-z]+$/.test(head) && !VERBS.has(head) && !FINITE.has(head) && j + 1 < end);
    if (!known) break;
    labels = labels === NO_LABELS ? words : labels.concat(words);
    i = j + 1;
  }
  // "just a nit, but", "one nit:", "small nit -"
  let k = i;
  while (k < end && k - i < 4 && tokens[k].kind === Kind.Word && NIT_LEAD.has(tokens[k].lower)) k++;
  if (k < end && tokens[k].kind === Kind.Word && NIT_WORDS.has(tokens[k].lower)) {
    let m = k + 1;
    while (m < end && (tokens[m].lower === ',' || tokens[m].lower === ':' || tokens[m].lower === '-' || tokens[m].lower === 'but' || tokens[m].lower === 'here')) m++;
    if (m > k + 1 && m < end) {
      labels = labels === NO_LABELS ? [tokens[k].lower] : labels.concat(tokens[k].lower);
      i = m;
    }
  }
  return { next: i, labels };
}

/** All capitals, with at least one letter; read without allocating. */
function isShouted(text: string, token: Token): boolean {
  let letters = 0;
  for (let i = token.start; i < token.end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x41 && code <= 0x5a) letters++;
    else if (code > 0x7f) {
      const char = text[i];
      if (char !== char.toUpperCase()) return false;
      if (char !== char.toLowerCase()) letters++;
    }
  }
  return letters > 0;
}

function sentenceCues(context: Context, index: number, push: (cue: Cue) => void): void {
  const { text, tokens } = context;
  const sentence = context.sentences[index];
  const { next: contentStart, labels } = labelsOf(context, index);
  const end = sentence.lastToken;

  if (labels.length > 0 && labels.includes('praise')) push({ kind: CueKind.Praise, start: sentence.start, end: tokens[contentStart - 1]?.end ?? sentence.start, sentence: index });
  if (labels.length > 0 && (labels.includes('optional') || labels.includes('non-blocking') || labels.includes('nonblocking'))) {
    push({ kind: CueKind.Optional, start: sentence.start, end: tokens[contentStart - 1]?.end ?? sentence.start, sentence: index, wide: true });
  }

  // Whole-sentence shouting ("PLEASE STOP ADDING THIS").
  let words = 0;
  let shouted = 0;
  let english = 0;
  for (let i = sentence.firstToken; i < end; i++) {
    const token = tokens[i];
    if (token.kind !== Kind.Word) continue;
    words++;
    if (token.end - token.start < 2 || !isShouted(text, token)) break;
    shouted++;
    if ((token.info?.flags ?? 0) & W.Shout) english++;
  }
  if (words >= 3 && shouted === words && english >= 2) {
    push({ kind: CueKind.Hostile, rule: 'rejection', start: sentence.start, end: sentence.end, sentence: index });
    return;
  }

  if (contentStart >= end) return;
  // Terse labels and bare replacements are short by definition; longer sentences skip the check.
  if (end - contentStart <= 16) terseCues(context, index, contentStart, labels, push);

  // Clause heads: the sentence's first word after its labels, and the first word after a clause break.
  clauseHead(context, index, contentStart, true, push);
  for (let i = contentStart + 1; i < end; i++) {
    const token = tokens[i];
    if (token.kind === Kind.Punct) continue;
    const previous = tokens[i - 1];
    const startsClause =
      (previous.kind === Kind.Punct && CLAUSE_BREAK.has(previous.lower)) ||
      (token.kind === Kind.Word && CLAUSE_WORDS.has(token.lower)) ||
      (i - 2 === contentStart && tokens[i - 2].lower === '@' && tokens[i - 2].end === previous.start);
    if (startsClause) clauseHead(context, index, i, false, push);
  }
}

/** Looks at the head of one clause: a command, a prohibition, a request, "let's", "consider" … */
function clauseHead(context: Context, index: number, at: number, sentenceStart: boolean, push: (cue: Cue) => void): void {
  const { text, tokens } = context;
  const sentence = context.sentences[index];
  const end = sentence.lastToken;
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
    if (SUBJECTS.has(verb) && sentence.question) return;
    if (PROHIBITION_EXCEPT.has(verb) || verb === 'mind' || verb === 'forget' || SUBJECTS.has(verb)) {
      if (verb !== 'forget') return;
    }
    if (word === 'never' && !VERBS.has(verb) && verb !== 'forget') return;
    if (tokens[verbAt].kind !== Kind.Word) return;
    push({ kind: CueKind.Command, rule: 'prohibition', start: rewriteFrom, end: tokens[verbAt - 1].end, sentence: index, from: rewriteFrom, head: verbAt });
    return;
  }

  // Requests: "Would you mind …", "Can you …".
  if ((word === 'do' || word === 'would') && nextWord === 'you' && i + 2 < end && tokens[i + 2].lower === 'mind') {
    push({ kind: CueKind.Command, rule: 'request-question', start: head.start, end: tokens[i + 2].end, sentence: index, from: rewriteFrom, head: i + 3 < end ? i + 3 : undefined });
    return;
  }
  if (REQUEST_MODALS.has(word) && (nextWord === 'you' || nextWord === 'u')) {
    let j = i + 2;
    while (j < end && REQUEST_SKIP.has(tokens[j].lower)) j++;
    if (j >= end || tokens[j].kind !== Kind.Word) return;
    const verb = tokens[j].lower;
    if (verb === 'be' && j + 1 < end && OPEN_TO.has(tokens[j + 1].lower)) return;
    if (verb === 'consider' || verb === 'prefer' || verb === 'think' || verb === 'agree' || verb === 'like' || verb === 'live' || verb === 'imagine') return;
    if (INFO_VERBS.has(verb) && !INFO_TARGET.test(text.slice(tokens[j].end, sentence.end))) return;
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
    if (word === 'need' && nextWord !== 'to' && !OBJECT_START.has(nextWord) && next.kind !== Kind.Code) return;
    if (!expectation(tokens, hasTo || wantsTo ? i + 2 : i + 1, end)) {
      push({ kind: CueKind.Obligation, rule: 'requirement', start: head.start, end: head.end, sentence: index, from: rewriteFrom, head: i });
    }
    return;
  }

  if (!VERBS.has(word) || head.kind !== Kind.Word) return;
  if (!isCommand(context, i, end, sentenceStart)) return;
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
  if (next && next.kind === Kind.Punct && (nextWord === ':' || nextWord === '=' || nextWord === '(' || nextWord === '.' && next.end === (tokens[i + 2]?.start ?? -1))) return false;
  if (text[tokens[i].end] === '(' || text[tokens[i].start - 1] === '.' || text[tokens[i].start - 1] === '_') return false;
  // Special verbs that are commands only in a few phrases.
  switch (word) {
    case 'look':
      return nextWord === 'at' || nextWord === 'into' || nextWord === 'over' || nextWord === 'through';
    case 'have':
      return nextWord === 'a' && i + 2 < end && /^(?:look|go|think|read)$/.test(tokens[i + 2].lower);
    case 'go':
      return nextWord === 'with' || nextWord === 'for' || nextWord === 'back' || nextWord === 'through';
    case 'do':
      return !!next && !/^(?:we|you|i|they|u|people)$/.test(nextWord) && nextWord !== 'not' && (OBJECT_START.has(nextWord) || nextWord === 'so');
    case 'think':
      return nextWord === 'about' || nextWord === 'through';
    case 'be':
      return nextWord === 'careful' || nextWord === 'consistent' || nextWord === 'explicit' || nextWord === 'sure' || nextWord === 'more';
    case 'get':
      return nextWord === 'rid' || OBJECT_START.has(nextWord) || next?.kind === Kind.Code;
    case 'keep':
      if (nextWord === 'up' || nextWord === 'in') return false; // "keep up the good work", "keep in mind"
      break;
    case 'try':
      if (!next) return false;
      break;
  }
  if (!next) return !ambiguous && sentenceStart;
  if (FINITE.has(nextWord) || nextWord === 'of' || nextWord === "'s" || ACK_PAST_WORDS.has(nextWord)) return false;
  if (next.kind === Kind.Punct && nextWord !== '`' && nextWord !== '"' && nextWord !== "'" && nextWord !== '<' && nextWord !== '-' && nextWord !== '/') {
    return !ambiguous && sentenceStart && /^[.!]$/.test(nextWord);
  }
  const confirmed = OBJECT_START.has(nextWord) || isIdentifier(text, next) || next.kind === Kind.Code || /^["'<-]$/.test(nextWord);
  if (ambiguous && sentenceStart && PREPOSITIONS.has(nextWord)) {
    // "Fix for the leak is in #123": a noun phrase, then its verb.
    for (let k = i + 2; k < end && k < i + 8; k++) {
      if (tokens[k].kind === Kind.Punct && tokens[k].lower !== '`') break;
      if (FINITE.has(tokens[k].lower) && !/^(?:already|still|never|always)$/.test(tokens[k].lower)) return false;
    }
  }
  if (ambiguous) {
    if (NOUN_AFTER.has(nextWord)) return false;
    if (!confirmed) {
      if (!sentenceStart) return false;
      // "Fix typo", "update docs": a plain noun, then nothing that looks like a verb.
      const after = i + 2 < end ? tokens[i + 2] : undefined;
      if (after && after.kind === Kind.Word && (FINITE.has(after.lower) || /(?:ed|s)$/.test(after.lower) && !OBJECT_START.has(after.lower))) return false;
      if (nextWord.endsWith('ed') || nextWord.endsWith('ing') || nextWord.endsWith('s') && !/ss$/.test(nextWord) && i + 2 < end && tokens[i + 2].kind === Kind.Word) return false;
    }
    return true;
  }
  if (!sentenceStart && !confirmed) {
    // Mid-sentence, a plain word after the verb is weak evidence: "…, and use cases differ".
    if (NOUN_AFTER.has(nextWord) || nextWord.endsWith('ed') || nextWord.endsWith('ing')) return false;
  }
  return true;
}

/** "should work", "should be fine", "should never happen": an expectation, not a requirement. */
const EXPECT_VERBS = new Set(['work', 'works', 'matter', 'happen', 'fix', 'solve', 'address', 'resolve', 'help', 'pass', 'compile', 'build', 'cover', 'apply', 'hold', 'suffice', 'behave', 'do', 'take', 'land', 'go', 'get', 'have']);
const EXPECT_BE = new Set(['fine', 'ok', 'okay', 'safe', 'enough', 'sufficient', 'possible', 'harmless', 'fixed', 'addressed', 'resolved', 'done', 'gone', 'working', 'good', 'covered', 'the', 'able', 'rare', 'impossible', 'unreachable', 'true', 'false', 'zero', 'there', 'available', 'correct', 'reachable', 'ready', 'visible', 'noticeable', 'identical', 'equivalent', 'equal']);
const PLACEMENT = new Set(['into', 'in', 'to', 'under', 'inside', 'before', 'after', 'with', 'elsewhere', 'upstream', 'first']);
const EXPECT_SKIP = new Set(['now', 'already', 'still', 'also', 'probably', 'hopefully', 'all', 'just', 'really', 'definitely', 'then']);

function expectation(tokens: readonly Token[], i: number, end: number): boolean {
  const limit = Math.min(end, i + 4);
  while (i < limit && EXPECT_SKIP.has(tokens[i].lower)) i++;
  if (i >= end) return true;
  const word = tokens[i].lower;
  if (word === 'never' || word === 'not') {
    const after = i + 1 < end ? tokens[i + 1].lower : '';
    return after === 'happen' || after === 'matter' || after === 'occur' || after === 'be' && i + 2 < end && /^(?:possible|reachable|a|an|an issue|the case|hit)$/.test(tokens[i + 2].lower) || after === 'hit' || after === 'trigger';
  }
  // "should go away" expects; "should go into the header" says where the code belongs.
  if (word === 'go' && i + 1 < end && PLACEMENT.has(tokens[i + 1].lower)) return false;
  if (EXPECT_VERBS.has(word)) return word !== 'do' && word !== 'have' || (i + 1 < end && /^(?:it|the|that|this|been)$/.test(tokens[i + 1].lower) && word === 'do') ;
  if (word === 'be' && i + 1 < end) {
    const next = tokens[i + 1].lower;
    return next === 'the' ? i + 2 < end && tokens[i + 2].lower === 'case' : EXPECT_BE.has(next);
  }
  return false;
}

/** Terse labels ("whitespace damage", "nit: const"), bare replacements ("a -> b", "X instead of Y") and bare keywords. */
function terseCues(context: Context, index: number, contentStart: number, labels: string[], push: (cue: Cue) => void): void {
  const { tokens } = context;
  const sentence = context.sentences[index];
  const end = sentence.lastToken;
  let words = 0;
  let codes = 0;
  let verbs = 0;
  let defect = false;
  let ack = false;
  let arrowAt = -1;
  let insteadAt = -1;
  for (let i = contentStart; i < end; i++) {
    const token = tokens[i];
    if (token.kind === Kind.Code) {
      codes++;
      continue;
    }
    if (token.kind === Kind.Punct) {
      const arrow =
        (token.lower === '-' || token.lower === '=') && i + 1 < end && tokens[i + 1].lower === '>' && tokens[i + 1].start === token.end;
      if ((arrow || token.lower === '→') && arrowAt < 0) {
        const before = context.text[token.start - 1];
        const after = context.text[(arrow ? tokens[i + 1].end : token.end)];
        if ((before === ' ' || before === '\t') && (after === ' ' || after === '\t')) arrowAt = i;
      }
      continue;
    }
    words++;
    const word = token.lower;
    const flags = token.info?.flags ?? 0;
    if (flags & (W.Finite | W.Subject) || (token.joined && word.includes("'") && CONTRACTION.test(word))) verbs++;
    // A verb rules out a terse label or a bare replacement; only a question still needs the rest (for an arrow).
    if (verbs > 0 && !sentence.question) return;
    if (flags & (W.Defect | W.Verdict)) defect = true;
    if (flags & (W.Ack | W.Praise)) ack = true;
    // "complains about", "added to": an -s or -ed word before a determiner or preposition is a verb.
    if (i > contentStart && i + 1 < end && (word.endsWith('ed') || (word.endsWith('s') && !word.endsWith('ss'))) && (tokens[i + 1].info?.flags ?? 0) & W.ObjectStart) {
      if (!sentence.question) return;
      verbs++;
    }
    if (word === 'instead' && i + 1 < end && tokens[i + 1].lower === 'of') insteadAt = i;
  }
  const first = tokens[contentStart];
  const start = first.start;
  const last = tokens[end - 1];
  const endOffset = (last.lower === '.' || last.lower === '!') && end - 1 > contentStart ? tokens[end - 2].end : last.end;
  if (sentence.question) {
    if (arrowAt >= 0 || (words + codes >= 1 && words + codes <= 3 && verbs === 0 && !WH_WORDS.has(first.lower) && !PINGS.has(first.lower))) push({ kind: CueKind.Option, start, end: endOffset, sentence: index });
    return;
  }
  if (arrowAt >= 0 && arrowAt - contentStart <= 6 && end - arrowAt <= 8 && verbs === 0) {
    push({ kind: CueKind.Judgement, rule: 'replacement', start, end: endOffset, sentence: index, from: start });
    return;
  }
  const noThing = first.lower === 'no' && words >= 2 && words + codes <= 5 && !NO_EXCEPT.has(tokens[contentStart + 1]?.lower ?? '');
  if (verbs > 0 || (ack && !noThing)) return;
  if (insteadAt >= 0 && words + codes <= 10 && !VERBS.has(first.lower)) {
    push({ kind: CueKind.Judgement, rule: 'replacement', start, end: endOffset, sentence: index, from: start });
    return;
  }
  if (noThing) defect = true;
  if (defect) for (let k = contentStart; k + 1 < end; k++) if (tokens[k].lower === 'my' && tokens[k + 1].lower === 'bad') return;
  const labelHint = labels.some((label) => /^(?:nit|nits|nitpick|minor|typo|style|spelling|grammar|whitespace|cosmetic|trivial)$/.test(label));
  const firstIsCommand = VERBS.has(first.lower) && !AMBIGUOUS_VERBS.has(first.lower);
  if (firstIsCommand) return;
  if (labels.includes('praise')) return;
  for (let k = contentStart; k < end; k++) if (APPROVAL_WORDS.has(tokens[k].lower)) return;
  if ((defect && words + codes <= 5) || (labelHint && words + codes <= 4 && words + codes > 0 && !/^(?:same|ditto|here|also|again)$/.test(first.lower))) {
    // "typo: …" names the defect in its label, so the label is part of what a rewrite replaces; "nit: …" does not.
    const labelIsDefect = !defect && labels.some((label) => /^(?:typo|spelling|grammar|whitespace|style)$/.test(label));
    push({ kind: CueKind.Judgement, rule: 'defect-label', start: labelHint && !defect ? sentence.start : start, end: endOffset, sentence: index, from: labelIsDefect ? sentence.start : start });
    return;
  }
  if (labels.length === 0 && words === 1 && codes === 0 && end - contentStart <= 2 && KEYWORD_ONLY.has(first.lower) && context.sentences.length === 1) {
    push({ kind: CueKind.Judgement, rule: 'defect-label', start, end: endOffset, sentence: index, from: start });
  }
}

// ---------------------------------------------------------------------------------------------------
// Context checks.

/** Is the token inside a subordinate clause ("if you need to …", "because we must …")? */
function subordinated(tokens: readonly Token[], sentence: Sentence, at: number): boolean {
  for (let i = at - 1, steps = 0; i >= sentence.firstToken && steps < 8; i--, steps++) {
    const word = tokens[i].lower;
    if (tokens[i].kind === Kind.Punct && (word === ',' || word === ';' || word === ':' || word === '(')) return false;
    if (SUBORDINATORS.has(word)) return true;
  }
  return false;
}

/** Is a verdict conditional ("would be wrong") or negated earlier in its clause? */
function conditionalBefore(tokens: readonly Token[], sentence: Sentence, at: number): boolean {
  for (let i = at - 1, steps = 0; i >= sentence.firstToken && steps < 6; i--, steps++) {
    const word = tokens[i].lower;
    if (tokens[i].kind === Kind.Punct && (word === ',' || word === ';' || word === ':')) return false;
    if (word === 'would' || word === 'might' || word === 'could' || word === 'may' || word.endsWith("'d") || word === 'if') return true;
  }
  return false;
}

/** Where the clause around a token starts, after any labels and fillers: the start of a rewrite. */
function clauseStartBefore(context: Context, index: number, at: number): number {
  const { tokens } = context;
  const sentence = context.sentences[index];
  const { next: contentStart } = labelsOf(context, index);
  let i = Math.min(at, sentence.lastToken - 1);
  // Bounded, so that a run of cues in one endless sentence costs linear time.
  const floor = Math.max(contentStart, at - 40);
  while (i > floor && !(tokens[i - 1].kind === Kind.Punct && CLAUSE_BREAK.has(tokens[i - 1].lower))) i--;
  while (i < at && FILLERS.has(tokens[i].lower) && !POLITE_WORDS.has(tokens[i].lower)) i++;
  return tokens[Math.max(i, sentence.firstToken)].start;
}

/** Verdict words in statements, found word by word (the phrase patterns miss "This is wrong."). */
function verdictWordCues(context: Context, cues: Cue[]): void {
  const { tokens, sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    if (sentence.question) continue;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      const token = tokens[i];
      if (!((token.info?.flags ?? 0) & W.Verdict)) continue;
      const previous = i > sentence.firstToken ? tokens[i - 1].lower : '';
      if (previous === 'not' || previous.endsWith("n't") || previous === 'nothing' || previous === 'no' || previous === 'never' || previous === 'my' || previous === 'too' && token.lower === 'bad') continue;
      if (conditionalBefore(tokens, sentence, i) || subordinated(tokens, sentence, i)) continue;
      cues.push({ kind: CueKind.Judgement, rule: 'verdict', start: token.start, end: token.end, sentence: s, from: clauseStartBefore(context, s, i) });
    }
  }
}

/** Statements that set a requirement with "should/must/needs/has to", whatever the subject. */
function requirementCues(context: Context, cues: Cue[], hedgedBefore: (sentence: number, offset: number) => boolean): void {
  const { tokens, sentences } = context;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    if (sentence.question) continue;
    for (let i = sentence.firstToken + 1; i < sentence.lastToken; i++) {
      if (!((tokens[i].info?.flags ?? 0) & W.Modal)) continue;
      const word = tokens[i].lower;
      const nextWord = i + 1 < sentence.lastToken ? tokens[i + 1].lower : '';
      const modal =
        word === 'should' || word === "shouldn't" || word === 'must' || word === "mustn't" || word === 'needs' ||
        (word === 'need' && (nextWord === 'to' || /ing$/.test(nextWord))) ||
        ((word === 'wants' || word === 'want') && nextWord === 'to' && tokens[i + 2]?.lower === 'be') ||
        ((word === 'has' || word === 'have' || word === 'ought') && nextWord === 'to');
      if (!modal) continue;
      // The subject: skip adverbs back to it.
      let j = i - 1;
      while (j > sentence.firstToken && j > i - 6 && /^(?:really|probably|definitely|also|still|then|now|just|maybe|perhaps|likely|certainly|clearly|obviously|actually|always|never|all|both|only)$/.test(tokens[j].lower)) j--;
      const subject = tokens[j].lower;
      if (/^(?:you|we|i|they|he|she|people|one|users|user|you'll|we'll|i'll|who|what|which|that's|it's|there's|don't|doesn't|didn't|no)$/.test(subject)) continue;
      if (word === 'must' && nextWord === 'have') continue; // "must have been" is a guess
      if ((word === 'has' || word === 'have') && /^(?:i|you|we|they)$/.test(subject)) continue;
      if (word === 'needs' && !/^(?:to|a|an|the|more|some|rebase|rebasing|fixing|work|updating|tests?|comments?|docs|documentation|another|its|it|this|that)$/.test(nextWord) && tokens[i + 1]?.kind !== Kind.Code) continue;
      if (subordinated(tokens, sentence, i) || hedgedBefore(s, tokens[i].start)) continue;
      if ((word === 'want' || word === 'need') && /^(?:you|we|i|they|people|users)$/.test(subject)) continue;
      const after = word === 'has' || word === 'have' || word === 'ought' || word === 'wants' || word === 'want' ? i + 2 : i + 1;
      if ((word === 'should' || word === "shouldn't") && expectation(tokens, after, sentence.lastToken)) continue;
      if (i > 0 && tokens[i - 1].kind === Kind.Punct && tokens[i - 1].lower !== ')' && tokens[i - 1].lower !== '`') continue;
      const end = word === 'has' || word === 'have' || word === 'ought' || word === 'wants' || word === 'want' || ((word === 'needs' || word === 'need') && nextWord === 'to') ? tokens[i + 1].end : tokens[i].end;
      cues.push({ kind: CueKind.Obligation, rule: 'requirement', start: tokens[i].start, end, sentence: s, from: clauseStartBefore(context, s, i), head: i });
      break;
    }
  }
}
