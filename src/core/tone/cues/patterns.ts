/**
 * Phrase patterns, and the index that says where each may match. Each branch starts with \b and a
 * literal word; each pattern is tried only where a word that can begin it starts and, where the pattern
 * lists them, is followed by a word that can come second, anchored there (sticky). The words are read off
 * the patterns themselves (trigger-words.ts), so a new branch needs no list kept by hand. The tests audit
 * every branch for ReDoS.
 */

import { addTrigger, NextWords, POLITE_WORDS, registerTriggersLazily, wordInfo } from '../lexicon';
import { Token } from '../text';
import { triggerPairs } from './trigger-words';

// Up to two adverbs between the subject and the obligation ("you just also need to …"); two optional
// groups rather than a repetition, so the trigger reader can follow them.
const MUST_ADVERB = ' (?:really|probably|definitely|also|still|just|then|now|first|actually|absolutely|clearly|obviously|simply)';
const YOU_MUST = new RegExp(
  [
    `\\byou(?:'ll|'d| will| would)?(?:${MUST_ADVERB})?(?:${MUST_ADVERB})? (?:should(?:n't| not)?|must(?:n't| not)?|needn't|need(?:s)?|have to|has to|ought to|got to|gotta|can't|cannot|can not|better|don't need|do not need|forgot|missed|left out)\\b`,
    "\\byou (?:really |definitely |actually )?want\\b(?! to know)",
    "\\byou(?:'ll| will)(?: (?:also|probably|really|definitely|still))? want to\\b",
  ].join('|'),
  'iy',
);

const WE_ADVERB = ' (?:really|probably|definitely|also|still|just|then|now|first|actually|absolutely|clearly|obviously|simply|likely|certainly)';
const WE_MUST = new RegExp(
  `\\bwe(?:'ll|'d| will| would)?(?:${WE_ADVERB})?(?:${WE_ADVERB})? (?:should(?:n't| not)?|must(?:n't| not)?|needn't|need(?:s)?|have to|ought to|got to|gotta|better|don't need|do not need|don't want|do not want)\\b`,
  'iy',
);

const WISH =
  /\bi(?:'d| would)(?: really| much| rather| also| strongly)? (?:like|love|want|appreciate|prefer)\b|\bi (?:really )?(?:want|need) (?:you|this|that|it|these|those|a|an|the|to see)\b|\bi(?:'m| am) (?:going to|gonna) (?:nak|nack|reject|block|revert|drop)\b|\bi expect (?:you|this|a|an|the)\b/iy;
export const WISH_EXCEPT = /^ (?:to )?(?:understand|know|hear|learn|ask|discuss|check|think|try|work|pass|succeed|compile|be (?:fine|ok|okay|enough)|point out|mention|confirm|clarify|double-check|see (?:why|how|what|if|whether|where)|get (?:your|some|a second)|have (?:your|a second)|your|some (?:opinions|feedback|input|thoughts)|to see what|release|apply|queue|land|ship|wait|finish|pick (?:it|this|them) up|take (?:it|this|them)|get (?:it|this|them) (?:in|merged|landed|applied))/i;
const ACCUSING =
  /\bwhy (?:didn't|don't|aren't|haven't|can't|won't|weren't|couldn't|shouldn't) you\b|\bwhy (?:did|do|are|would|were|have|could|can|should) you (?:not|keep|still|even|ever)\b|\bhow come you\b|\bwhy (?:would|do|did) (?:anyone|anybody|someone|one) (?:ever|even|want)\b|\bwhy would you\b|\bwhy on earth\b|\bwhy the (?:hell|heck|fuck)\b|\b(?:did|have|do) you (?:even|actually|ever|really) (?:test|tested|try|tried|run|ran|read|compile|compiled|build|built|look|looked|check|checked|understand)\b|\bare you (?:serious|kidding|joking)\b|\bwhat were you thinking\b|\bis this a joke\b|\bwtf\b|\bwhat the (?:hell|heck|fuck)\b|\bhow (?:is|was) this (?:ever |even )?(?:supposed|meant) to\b|\bhow did this (?:ever |even )?(?:pass|get|compile|work)\b|\bseriously ?[?!]|\bdid you (?:forget|miss)\b|\bhow many times (?:do|have|must|should|will) i\b/iy;
const POLITE = new RegExp(`\\b(?:${[...POLITE_WORDS].join('|')})\\b`, 'iy');
export const POLITE_EXCEPT =
  /^[,]? (?:feel free|ignore|disregard|let (?:me|us) know|don't hesitate|do not hesitate|bear with|excuse|see\b|note\b|take (?:a|another) look|correct me|consider\b|enlighten me|share your|tell me what you think|advise|thank\b)/i;
const WHY_NOT = /\bwhy not\b|\bwhy wouldn't (?:you|we)\b|\bany (?:particular )?(?:reason|objection|chance|downside)s?\b|\bis there (?:a|any) (?:reason|way|chance|benefit|advantage|downside)\b|\bwhat about\b|\bhow about\b|\bwhat if\b/iy;
const OPTION =
  /\b(?:you|we) (?:could|can|might|may)\b(?!'t| not\b)|\byou (?:probably|might|may) want\b|\blet's\b|\blet us\b|\bconsider(?:ing)?\b|\bmaybe\b|\bperhaps\b|\bpossibly\b|\balternatively\b|\bone option\b|\banother option\b/iy;
const OPTION_QUESTION =
  /\b(?:should|shouldn't|could|couldn't|can|can't|would|wouldn't|might|may) (?:we|this|it|that|these|those|the|there|one)\b|\b(?:is|isn't) (?:it|this|that|there) (?:really )?(?:possible|worth|better|ok|okay|feasible|cleaner|safe|simpler|easier|right|correct|an option)\b|\b(?:needed|necessary|required|intended|intentional|deliberate|on purpose)\b|\b(?:isn't|aren't|doesn't|don't|won't|wouldn't|shouldn't|can't|couldn't|wasn't) (?:this|it|that|these|those|there|the)\b|\bdoes (?:it|this|that) (?:make sense|need to)\b|\b(?:do|don't) we\b|\bhave you (?:considered|thought|tried|looked)\b|\bdid you (?:consider|think about|try|look at)\b|\bdo you (?:think|want|prefer)\b|\bwould you (?:consider|prefer|be|like)\b|\binstead\b|\brather\b|\b(?:better|simpler|cleaner|clearer|easier|nicer|safer)\b|, (?:no|right|correct|isn't it|wouldn't it|shouldn't it|don't you think)\b/iy;
const FIRST_PERSON =
  /\bi(?:'d| would)\b(?! (?:really |much |rather |also |strongly )?(?:like|love|want|appreciate|need|expect|prefer)\b)|\bi (?:suggest|recommend|propose|wonder|was wondering|am wondering|prefer|personally|tend to|usually|typically|generally|would|lean)\b|\bi(?:'m| am) (?:not (?:sure|convinced|certain|clear|positive|100%)|wondering|curious|confused|unsure|unclear|not following|(?:a bit |a little |slightly |somewhat )?(?:worried|concerned))|\bnot sure\b|\bi (?:don't|do not|didn't|can't|cannot) (?:quite |really |fully )?(?:understand|follow|get|see (?:why|how|what|where|the|a|any)|know (?:if|whether|why|how|what)|remember)\b|\bi (?:may|might|could) be (?:wrong|missing|mistaken|misreading|misunderstanding)\b|\bam i (?:missing|wrong|misreading|reading)\b|\bunless i'm\b|\bif i (?:understand|read|remember|recall)\b|\biiuc\b|\bafaiu\b|\bi (?:find|found) (?:this|it|that)\b|\bi (?:think|guess|believe|feel) (?:we|you|it|this|that) (?:could|can|might|may)\b|\bi (?:don't|do not) (?:really |even )?think you (?:really )?(?:need|have) to\b|\bjust a (?:thought|suggestion|idea)\b|\bfood for thought\b/iy;
// Uncertainty: directive words after it, in the same sentence, are the reviewer's doubt, not an order.
const HEDGE =
  /\b(?:not (?:sure|convinced|certain)|i (?:wonder|was wondering|am wondering)|wondering|i (?:don't|do not) (?:know|understand)|i (?:may|might|could) be (?:wrong|missing|mistaken)|unless i'm|am i missing|correct me if i(?:'m| am) wrong|iiuc|afaiu|i'm curious|curious (?:if|whether|why))\b/iy;
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
    // Starts at "best", not "the": a pattern tried at every "the" would cost a scan per sentence.
    "\\b(?:best|simplest|easiest|cleanest|safest) (?:way|option|approach|fix) (?:would|might|could) be\\b",
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
  /\bnon-?blocking\b|\boptional(?:ly)?\b|\bfeel free\b|\bup to you\b|\byour (?:call|choice|decision)\b|\bif you (?:(?:want|like|wish)(?! to (?:discuss|talk|chat|ask|know))|prefer|feel like|agree|think it|have (?:time|a chance|a moment|a minute)|get (?:a chance|time|the chance)|do (?:another|a new|a further)|respin|re-spin|resend|re-send|repost|re-roll|reroll|need to (?:respin|resend|repost|update)|end up (?:respinning|resending|touching|changing|updating|reworking)|touch this again|send (?:a )?(?:v\d|new version|another))\b|\bif you(?:'re| are) (?:happy|ok|okay|fine|comfortable)(?: with (?:it|this|that))?(?![\w-])|\bno (?:biggie|big deal|strong (?:opinion|feelings?|preference))\b|\bno worries if\b|\bnot (?:a )?(?:big deal|blocker|blocking|critical|must-have|strictly (?:necessary|needed|required))\b|\bnot worth (?:a|another) (?:respin|resend|spin|iteration|version|revision)\b|\bno need to (?:respin|resend|repost|send)\b|\bignore (?:if|me|this if)\b|\b(?:either|both) (?:way|ways|options|approaches|is|are)\b[^.!?\n]{0,20}?\b(?:fine|ok|okay|works)\b|\bfine (?:either way|as is|with (?:me|both))\b|\b(?:that|this|it) works too\b|\bdon't care (?:that |too |very )?much\b|\bnot (?:too |that )?fussed\b|\bif-minor\b|\btake it or leave it\b|\bcan (?:also )?be (?:done|addressed|fixed|handled) (?:later|separately|in a follow-?up)\b|\b(?:fine|ok|okay) (?:to do|as|in) (?:a )?follow-?up\b|\blater is fine\b|\bnot necessarily in this (?:patch|pr|series|change)\b|\bfor (?:a )?future (?:patch|pr|change|series|cleanup)\b|\bno strong opinion\b|\b(?:fine|ok|okay|good enough|acceptable) for now\b|\b(?:i'll )?leave it (?:up )?to you\b|\bnot a must\b/iy;
const PRAISE =
  /\blgtm\b|\bsgtm\b|\b(?:looks?|sounds?) (?:very |really |pretty |quite |all )?(?:good|great|fine|nice|solid|sane|reasonable|clean|correct|right|ok|okay|better)\b|\bnice\b|\bgreat\b|\bgood (?:catch|find|idea|point|call|job|work|stuff|one|spot|change|cleanup|improvement|question|thinking|eye)\b|\bexcellent\b|\bawesome\b|\bamazing\b|\bthanks?\b|\bthank you\b|\bthx\b|\bthnx\b|\bkudos\b|\bwell (?:done|written|spotted)\b|\bneat\b|\bbeautiful\b|\belegant\b|\blove (?:this|it|that|the|how)\b|\b(?:much|way|a lot|so much) (?:better|cleaner|nicer|clearer|simpler|easier|more readable)\b|\bship it\b|\b(?:reviewed|acked|tested)-by:|\bcool\b|\bperfect\b|\bbrilliant\b|\bclever\b|\bnicely\b|\bappreciated?\b|\bgood to go\b|\bcode-review ?\+[12]\b|(?<![\w+])\+1\b|:\+1:|\uD83D[\uDC4D\uDE4F\uDE80\uDCAF]|\uD83C\uDF89|\u2764/iy;
const VERDICT_PHRASE =
  /\bmakes? no sense\b|\bnot (?:quite|entirely|exactly) (?:right|correct)\b|\bnot true\b|\b(?:doesn't|does not|don't|do not) (?:really )?make (?:any |much )?sense\b|\bnot (?:really )?(?:needed|necessary|required|useful|correct|right|ok|okay|acceptable|ideal|great|good|nice|helpful|the (?:right|correct|proper|best) (?:way|place|approach|fix|solution|thing))\b|\b(?:isn't|aren't|wasn't) (?:really )?(?:needed|necessary|required|useful|correct|right|ok|okay|acceptable|ideal|great|good|helpful)\b|\bno (?:need|reason) (?:to|for)\b|\bno point (?:in|to)\b|\b(?:doesn't|does not|don't|do not) belong\b|\b(?:doesn't|does not|don't|do not) (?:look|seem|sound) (?:right|correct|good|ok|okay|useful|necessary|needed)\b|\b(?:doesn't|does not|don't|do not|needn't) need (?:to|a|an|the|this|that|it|any)\b|\bbad idea\b|\b(?:this|it|that|(?:this|the) (?:patch|pr|change|commit|function|method|class|file|test|code|series))(?:'s| is) (?:still |also )?missing\b(?! from\b)|\b(?:has|have|adds?) no (?:value|point|benefit|purpose)\b|\badds? nothing\b|\bdefeats? the (?:whole )?(?:point|purpose)\b|\bwon't fly\b|\boverly (?:long|complex|complicated|verbose|clever|generic|broad|defensive|convoluted|restrictive|strict|large|big)\b|\bpaper(?:ing|s)? over\b|\bband-?aids?\b|\b(?:way |far |much |a bit |a little |way way )?too (?:long|big|complex|complicated|clever|convoluted|verbose|large|much magic|generic|deep)\b|\bnot a good idea\b|\bthe wrong (?:way|place|approach|fix|layer|thing)\b|\bi (?:really |just |honestly )?(?:don't|do not) like\b|\bnot (?:a |the )?(?:big |huge )?fan\b|\bno-go\b|\b(?:pretty |really |very |quite |a bit |rather |kinda |super )?(?:hard|difficult) to (?:read|follow|understand|review|parse)\b|\bi dislike\b|\bi hate\b|\bthat's not how\b|\bi (?:don't|do not) think (?:we|this|that|it|these|those|(?:the|this|that|these|those) [a-z_]{1,30}) (?:really )?(?:need|needs|is needed|are needed|is necessary|is right|is correct|makes sense|belongs|is a good idea|is the right)\b/iy;
const RIGHT_WAY =
  /\b(?:is|are|it's|that's|which is) (?:much |far |way |a lot |definitely |clearly )?(?:better|preferred|preferable|cleaner|simpler|nicer|clearer|safer|more (?:idiomatic|readable|correct|efficient|robust|conventional|common)) (?:to|than|here|for|when|as|in|since|because)\b|\b(?:is|are) (?:the )?(?:preferred|preferable|recommended|idiomatic|canonical|correct|proper|right|standard|usual) (?:way|form|style|approach|pattern|idiom|api|thing|choice|fix|solution|place)\b|\bthe (?:right|correct|proper|preferred|idiomatic|usual|standard|canonical|recommended) (?:way|thing|approach|fix|solution|pattern|idiom|api) (?:is|here is)\b|\b(?:coding |code |naming |kernel |our |house |project |the )?(?:style|convention|naming convention|norm) (?:is|says|requires|here is)\b|\bper (?:the )?(?:coding |code |kernel |our )?(?:style|convention|style ?guide|guidelines?)\b|\bwe (?:always|usually|normally|generally|typically|never|don't|do not|tend to) (?:use|put|write|do|name|prefer|avoid|allow|accept|add|keep|mix|return|call|like|want)\b|\bwe (?:prefer|avoid)\b|\bwe use [^.!?\n]{1,40}? in this (?:codebase|project|file|repo|tree|subsystem|driver|module|package)\b|\bis the norm\b|\bis (?:frowned upon|discouraged|not allowed|forbidden|banned)\b|\bagainst (?:the )?(?:coding )?(?:style|convention|guidelines?)\b|\bis the way to go\b|\bbetter (?:to|use|make|do|call|return|move|put|add|remove|keep|leave|go|just|be|have|check|avoid|not|drop|rename|switch|stick)\b|\b(?:is|are) better[ \t]*(?:[.!]|\n|$)|\b(?:is|are) (?:preferred|preferable|recommended|discouraged) ?[.!]?$/imy;
// Refusals: "NAK", "-2", and a decision not to take the change ("we have decided not to go with this").
const HOSTILE =
  /\bnak\b|\bnack(?:ed)?\b|\bnacked-by\b|\bcode-review ?-2\b|\b(?:we|i)(?:'ve| have)? decided (?:not to (?:go with|merge|accept|take|pursue|include)|against (?:going with|merging|accepting|taking|pursuing|including))\b|\b(?:we|i) (?:won't|will not) (?:be )?(?:merge|merging|accept|accepting|take|taking) (?:this|it|prs?|pull requests?|patches|changes)\b(?![^.!?\n]{0,60}\b(?:until|unless|before|as long as)\b)/iy;
const SED = /(?<![\w/.-])s\/[^/\n]{1,80}\/[^/\n]{0,80}\/?[gi]{0,2}/y;
export const INFO_TARGET = /^[^.?!\n]{0,60}?\bin (?:the|a|your) (?:commit message|commit log|changelog|change log|comment|code|log|description|docs|documentation|readme|cover letter)\b/i;

/** The scanned patterns, in the order findCues runs them (hedges first: they quiet what comes after them). */
export const enum Phrase {
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

const SCANNED: Record<Phrase, RegExp> = {
  [Phrase.Hedge]: HEDGE,
  [Phrase.Polite]: POLITE,
  [Phrase.You]: YOU_MUST,
  [Phrase.We]: WE_MUST,
  [Phrase.Wish]: WISH,
  [Phrase.Accusing]: ACCUSING,
  [Phrase.Hostile]: HOSTILE,
  [Phrase.Verdict]: VERDICT_PHRASE,
  [Phrase.RightWay]: RIGHT_WAY,
  [Phrase.Sed]: SED,
  [Phrase.WhyNot]: WHY_NOT,
  [Phrase.Option]: OPTION,
  [Phrase.FirstPerson]: FIRST_PERSON,
  [Phrase.Conditional]: CONDITIONAL,
  [Phrase.OptionQuestion]: OPTION_QUESTION,
  [Phrase.Invite]: INVITE,
  [Phrase.Optional]: OPTIONAL,
  [Phrase.Praise]: PRAISE,
};

/**
 * Each scanned pattern, indexed by Phrase. A comment costs one map lookup per word rather than one scan
 * per pattern: the words a match can start with are read from each pattern's source on the first
 * analysis, not at load, where they would cost activation about 15 ms. The tests check that this finds
 * exactly what a scan of the whole text finds.
 */
// Integer keys: Object.values lists them in Phrase order.
export const SCANNED_PATTERNS: readonly RegExp[] = Object.values(SCANNED);

/**
 * The same patterns without the `i` flag, for text already lower-cased: case-insensitive matching is
 * markedly slower in V8, and every comment runs these.
 */
export const LOWERCASE_PATTERNS: readonly RegExp[] = SCANNED_PATTERNS.map((pattern) => new RegExp(pattern.source, pattern.flags.replace('i', '')));

registerTriggersLazily(() => {
  SCANNED_PATTERNS.forEach((pattern, index) => {
    for (const [word, next] of triggerPairs(pattern)) addTrigger(word, index, next);
  });
});

/** Where each pattern may match: token starts (and starts of word parts after "-", "." or "'") whose word begins a match. */
export function triggerPositions(tokens: readonly Token[]): number[][] {
  return scanTokens(tokens).positions;
}

/**
 * Trigger positions, and the union of every word's flags (so whole passes can be skipped). A whole token
 * counts only where the next token can be the pattern's second word; the parts of a joined token always do.
 */
export function scanTokens(tokens: readonly Token[]): { positions: number[][]; flags: number } {
  const positions: number[][] = new Array(SCANNED_PATTERNS.length);
  let flags = 0;
  const add = (word: string, at: number) => {
    const hits = wordInfo(word)?.triggers;
    if (hits) for (const index of hits) (positions[index] ??= []).push(at);
  };
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const info = token.info;
    if (info) {
      flags |= info.flags;
      const hits = info.triggers;
      if (hits) {
        const follows = info.follows!;
        for (let h = 0; h < hits.length; h++) {
          // Most tries at a common first word ("the", "is", "i") fail at the second: skip those.
          const next = follows[h];
          if (next === undefined || comesNext(next, tokens[t + 1])) (positions[hits[h]] ??= []).push(token.start);
        }
      }
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

/**
 * The token can be the second word of a match: one of the words, or a word that starts with one and goes on
 * past where the pattern's \b sees a boundary. The patterns' \b knows only ASCII word characters, so a joiner
 * ("don't") or any other letter ("should使用") can follow the pattern's word inside one token.
 */
function comesNext(next: NextWords, token: Token | undefined): boolean {
  if (!token) return false;
  const word = token.lower;
  if (next.closed.has(word)) return true;
  if (token.joined || !isAscii(word)) {
    for (const second of next.closed) if (word.length > second.length && word.startsWith(second) && !ASCII_WORD_CHAR.test(word[second.length])) return true;
  }
  for (const second of next.open) if (word.startsWith(second)) return true;
  return false;
}

const ASCII_WORD_CHAR = /[A-Za-z0-9_]/;

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Every pattern above, for the ReDoS audit in the tests. */
export const CUE_PATTERNS: readonly RegExp[] = [
  YOU_MUST, WE_MUST, WISH, WISH_EXCEPT, ACCUSING, POLITE, POLITE_EXCEPT, WHY_NOT, OPTION, OPTION_QUESTION, FIRST_PERSON, HEDGE,
  CONDITIONAL, INVITE, OPTIONAL, PRAISE, VERDICT_PHRASE, RIGHT_WAY, HOSTILE, SED, INFO_TARGET,
];
