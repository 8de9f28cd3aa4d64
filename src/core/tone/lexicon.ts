/** Word lists for the tone check. Lower case; apostrophes straight. */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Base-form verbs that open a command in review comments. Nouns that are also verbs ("test", "fix",
 * "return") are in AMBIGUOUS_VERBS and need more evidence (see the analyzer).
 */
export const VERBS = set(`
  add adjust align allocate alphabetize alphabetise annotate append apply assert avoid bail batch be break bump
  cache call capitalize capitalise cast catch change check clamp clarify clean clear collapse combine comment commit
  compute convert copy correct create cut deal declare dedupe dedup default defer define delete deprecate describe
  destroy detect document double-check downgrade drop dump duplicate emit enable disable encapsulate ensure escape
  expand explain export expose extend extract factor fill filter fix flatten flip fold follow format free gate
  generalize generalise get group guard handle hide hoist ignore import include increase decrease indent initialize initialise
  init inline insert introduce invert isolate keep kill leave lift limit link lint list load lock log loop lowercase
  make map mark match memoize mention merge migrate mock move name negate normalize normalise nuke null omit open
  optimize optimise order pad parameterize pass pin plumb pop populate prefer prefix prepend preserve print propagate
  protect provide prune pull push put qualify raise read rebase rebuild recheck record reduce refactor reference
  register reinstate release reload remove rename reorder rephrase replace report reset reshuffle resend resolve restore
  restrict restructure retain rethink retry return reuse revert review reword rewrite rework run sanitize sanitise
  save scope send separate serialize set shorten show shrink simplify skip sort specify split squash start stash
  stick stop store strip stub submit subtract swap switch sync tag tighten trim tweak type unexport uninline unify
  unlock unset unwrap update upgrade uppercase use utilize utilise validate verify wrap write zero
  try think look have go do take give wait stay bring pick choose ask grab hold cap bound route ping cc cite spell
  sign tidy fetch poll consolidate deduplicate elide warn await hardcode hard-code parametrize parametrise measure
  benchmark profile investigate figure find grep bisect re-run reindent re-indent dedent turn toggle gate box quote
  encode decode parse justify rm mv nix kill stop fold collapse unroll unify lift bundle hook wire plumb thread
  test double-check file allow place rearrange relocate regroup reformat implement reopen compare depend rely publish unquote
`);

/** Verbs that are just as often nouns or adjectives at the start of a sentence ("Test fails", "Return value"). */
export const AMBIGUOUS_VERBS = set(`
  break cache call cast catch change check clean clear comment copy cut default double-check dump export factor fill
  filter fix format free group guard handle import increase decrease init link lint list load lock log loop map mark
  match merge mock name null open order pad pass pin pop print pull push raise read record reference release report
  reset return review run save scope set show sort split start stash stop store stub switch sync tag test type update
  zero dedup document limit lowercase uppercase order wrap use move take hold cap box quote hook thread bundle
  measure profile turn toggle gate ping sign fold file commit inline
`);

/** Gerunds that the spelling rules get wrong or cannot know (consonant doubling). */
const DOUBLING = set(`
  drop put split stop strip wrap unwrap swap flip skip set unset reset get cut let run rerun pin plan ship commit submit
  omit emit admit refer prefer trim chop map tag log plug unplug begin forget debug nuke pad stub dump
`);
const IRREGULAR_GERUND: Record<string, string> = { be: 'being', nuke: 'nuking', dump: 'dumping', pad: 'padding', stub: 'stubbing', see: 'seeing', free: 'freeing' };

export function gerund(verb: string): string {
  const known = IRREGULAR_GERUND[verb];
  if (known) return known;
  if (DOUBLING.has(verb)) return verb + verb[verb.length - 1] + 'ing';
  if (verb.endsWith('ie')) return verb.slice(0, -2) + 'ying';
  if (verb.endsWith('ee') || verb.endsWith('ye') || verb.endsWith('oe')) return verb + 'ing';
  if (verb.endsWith('e') && verb.length > 2) return verb.slice(0, -1) + 'ing';
  return verb + 'ing';
}

const BASE_OF_GERUND = new Map<string, string>();
for (const verb of VERBS) BASE_OF_GERUND.set(gerund(verb), verb);

/** "using" → "use", for the verbs the check knows. */
export function baseOfGerund(word: string): string | undefined {
  return BASE_OF_GERUND.get(word);
}

/** Finite verbs and auxiliaries: after a verb-like first word they show it was a noun ("Check is redundant"). */
export const FINITE = set(`
  is are was were 's 're isn't aren't wasn't weren't has have had hasn't haven't hadn't does did doesn't didn't
  will would should could can may might must shall won't wouldn't shouldn't couldn't can't cannot mustn't
  looks seems sounds appears needs makes works fails failed passes passed breaks broke happens happened causes
  caused returns returned calls gets got goes went uses takes leads belongs lives stays remains exists occurs triggers
  crashes hangs leaks compiles builds runs ran reads writes holds matches means shows says said contains depends
  already still never always done fixed removed added changed updated renamed dropped moved
`);

/** Commands to a CI or merge bot, as a sentence's words: no request of the author ("@ci-bot retest this please"). */
export const BOT_COMMANDS = set(`
  test_this test_this_please retest_this retest_this_please ok_to_test add_to_whitelist bors_r bors_try bors_retry
  bors_delegate
`);

/** Defects named after a verb-like word, making a label, not a command ("comment typo"), unless the verb repairs them ("fix typo"). */
export const DEFECT_COMPOUND_NOUNS = set(`typo typos mistake mistakes`);
export const REPAIR_VERBS = set(`fix correct resolve address handle`);

/** Nouns that follow a verb-like first word to make a compound noun ("Return value", "Test case"). */
export const NOUN_AFTER = set(`
  value values code codes type types statement statements case cases suite suites coverage failure failures result
  results error errors site sites path paths chain stack graph order ordering contention list lists message messages
  level levels line lines output entry entries miss misses count counts size sizes name names point points script
  scripts log logs file files flag flags time times mode modes data set sets table tables helper helpers function
  functions method methods handler handlers logic semantics side sides step steps bit bits map maps lock locks
  request requests report reports notes note rate request number numbers status state states page pages target
  targets hook hooks loop loops run runs job jobs call calls frame frames id ids
`);

/** Words that may sit between the start of a clause and its verb without changing the clause. */
export const FILLERS = set(`
  also and but so then just now again additionally plus instead otherwise here similarly likewise anyway still ok okay
  oh ah hmm hmmm well yeah yes sure right actually honestly simply btw fwiw imo imho iow tbh afaict afaik iirc
  ideally alternatively finally first firstly second secondly lastly next meanwhile overall generally basically
  e.g eg i.e ie nb ps only however always
`);

/** Words that follow a command's verb but not a noun: a determiner, pronoun, particle or preposition. */
export const OBJECT_START = set(`
  the this that these those a an it them its all any some each every both your our my their his her one
  up out down off in into on onto over away back to for from with at here there instead again too as before after
  only just also by above below under around through between within without inside outside
  early late first last more less everything anything something nothing
`);

/** Verbs that ask for information rather than a change ("Could you explain …?"). */
export const INFO_VERBS = set(`
  explain clarify elaborate tell share confirm remind point describe expand comment say help walk enlighten
  check double-check verify test summarize summarise
`);

/** What a reviewer asks to be given, not changed: "can you provide a reproducer?" asks for information. */
export const INFO_OBJECTS = set(`
  reproducer reproduction repro details detail information info logs log context example examples steps link backtrace
  trace output numbers benchmark benchmarks results dmesg config screenshot screenshots insight insights rationale
  background explanation
`);

/** Subordinators: an obligation after one of these describes a condition, not an order ("if you need to …"). "in case" and "so that" are checked as pairs: a bare "so" opens a main clause ("… so it should be …"). */
export const SUBORDINATORS = set(`
  if when whether unless because since as once until where which why what how who whatever whenever before
  after while than though although whereas
`);

/** Words that mark an evaluative verdict in a statement. */
const VERDICT_WORDS = set(`
  wrong useless unnecessary unneeded needless needlessly unnecessarily pointless redundant superfluous ugly terrible
  horrible awful invalid nonsense nonsensical bogus silly stupid dumb crap crappy garbage incorrect hacky gross
  overkill overengineered over-engineered convoluted unreadable misleading confusing unacceptable meaningless
  broken bad insane ridiculous sloppy messy clunky inconsistent bizarre pointless nasty icky yuck hack kludge untrue
  irrelevant nuisance
`);

/** Words that make a short verbless phrase a defect label ("unused variable", "whitespace damage"). */
const DEFECT_WORDS = set(`
  typo typos missing unused useless unnecessary unneeded needless redundant superfluous extra stray spurious leftover
  leftovers trailing whitespace indentation indent misaligned alignment wrong bad broken duplicate duplicated dup
  dupe dead unrelated bogus damage damaged leak leaks memleak overflow misspelled misspelling misspelt spelling
  grammar magic checkpatch debug commented-out unreachable overkill inconsistent incorrect invalid unbalanced
  mismatch mismatched blank newline parens parentheses braces brackets semicolon spacing style naming nonsense
  deadlock race uaf use-after-free off-by-one ugly pointless noise cruft stale outdated obsolete unchecked
  uninitialized uninitialised unhandled unsafe long period punctuation capitalization capitalisation capitalized
  space spaces tab tabs tabs/spaces unexpected
`);

/** Words of approval: a short phrase with one of them ("clear naming") praises, it does not name a defect. */
export const APPROVAL_WORDS = set(`clear clearer clean cleaner readable nice nicer great good neat elegant excellent solid tidy lovely perfect`);

/** Language keywords that, alone as a comment, ask for that keyword ("const", "static"). */
export const KEYWORD_ONLY = set(`const static final inline volatile unsigned private readonly noexcept constexpr override explicit`);

/** Acknowledgements: a comment made only of these is neutral. */
const ACKS = set(`
  done fixed ack acked ok okay sure agreed yes yep yeah no nope noted rebased updated applied queued merged removed
  renamed changed dropped added addressed resolved will do fix thx
`);

/** Conventional Comments labels, and the looser review prefixes that work the same way ("nit:", "PS3:"). */
export const PREFIX_LABELS = set(`
  praise nitpick nit nits suggestion issue todo question thought chore note minor typo style optional trivial
  cosmetic bikeshed fyi btw aside general comment nb ps polish quibble meta followup follow-up unrelated
  non-blocking nonblocking blocking tangent offtopic off-topic drive-by same ditto
`);

// ---------------------------------------------------------------------------------------------------
// Cue vocabulary: the word classes the cue finders (cues/) test tokens against.

/** Subjects: a phrase with one has its verb, so it is no terse label; "Don't you …?" is no prohibition. */
export const SUBJECTS = set(`i you we they he she it there people u`);

/** Subjects too, in "Don't these …?", but not enough to give a terse label a verb ("this typo"). */
export const DEMONSTRATIVES = set(`this that these those`);

/** After "do", one of these makes a question ("Do we …?"), not a command ("Do the …"). */
export const DO_SUBJECTS = set(`i you we they u people`);

/** Words before "should/must/needs" that make it no requirement on the code: people (you-must, we-must have them), questions, contractions. */
export const NON_REQUIREMENT_SUBJECTS = set(`
  you we i they he she people one users user you'll we'll i'll who what which that's it's there's don't doesn't didn't no
`);

/** Adverbs between a subject and its modal ("this really should …"): skipped to find the subject. */
export const ADVERBS_BEFORE_MODAL = set(`
  really probably definitely also still then now just maybe perhaps likely certainly clearly obviously actually always
  never all both only even usually typically normally generally often sometimes
`);

/** What may follow "needs" in a requirement ("needs a comment", "needs rebasing"); anything else is a plain verb. */
export const NEEDS_OBJECTS = set(`
  to a an the more some rebase rebasing fixing work updating test tests comment comments docs documentation another its
  documenting testing rework reworking cleanup
  it this that
`);

/** Politeness markers: they soften nothing on their own ("Please fix this." is still a command). */
export const POLITE_WORDS = set(`please pls plz kindly`);

/** Hedges that turn a command into an option ("Maybe drop the else."). The OPTION pattern matches each alone too. */
export const HEDGE_WORDS = set(`maybe perhaps possibly`);

/** After "don't", "do not" or "never", these verbs do not make a prohibition ("Don't worry"). */
export const PROHIBITION_EXCEPT = set(`
  worry know think care see understand get remember recall like mind believe have feel follow disagree agree need want
  really hesitate
`);

/** Modals that open a request ("Can you …?", "Would you …?"). */
export const REQUEST_MODALS = set(`can could would will wouldn't won't can't couldn't`);

/** Words that accept an offer before "please" ("Yes, please."). */
export const ACCEPT_WORDS = set(`yes yeah yep ok okay sure`);

/** Request modals in the negative: "Couldn't you …?" proposes an option rather than asking for a change. */
export const NEGATIVE_MODALS = set(`wouldn't can't couldn't`);

/** Words between "can you" and its verb ("Can you please also …"). */
export const REQUEST_SKIP: ReadonlySet<string> = new Set([
  ...POLITE_WORDS,
  ...HEDGE_WORDS,
  ...set(`also just quickly then instead still now actually simply`),
]);

/** "Would you be open/fine/happy …" asks a preference, not for a change. */
export const OPEN_TO = set(`ok okay open willing fine opposed against happy interested comfortable up able`);

/** "Could you consider/prefer/agree …" asks for an opinion, not for a change. */
export const OPINION_VERBS = set(`consider prefer think agree like live imagine`);

/** Punctuation after which a new clause starts (and may start with a command). */
export const CLAUSE_BREAKS = set(`, ; : ( ) - – — |`);

/** Words that start a new clause themselves ("…, but use …"). */
export const CLAUSE_WORDS = set(`but otherwise so`);

// CLAUSE_BREAKS by character code, for the test run on every token.
const CLAUSE_BREAK_CODES = new Set([...CLAUSE_BREAKS].map((mark) => mark.charCodeAt(0)));

/** Whether a punctuation token is one of CLAUSE_BREAKS. */
export function isClauseBreak(mark: string): boolean {
  return mark.length === 1 && CLAUSE_BREAK_CODES.has(mark.charCodeAt(0));
}

/** "No worries", "no objection": a "no" phrase that is no defect label. */
export const NO_EXCEPT = set(`
  worries worry problem problems idea objection objections strong biggie big rush thanks way longer need more further
  comments comment opinion preference issue issues change changes concerns doubt clue pressure hurry
`);

/** Prepositions after an ambiguous verb that can make it a noun phrase ("Fix for the leak is in #123"). */
export const PREPOSITIONS = set(`for in on at from with to into of`);

/** Short questions that ask for news, not about the code ("Ping?", "Any update?"). */
export const PINGS = set(`ping ptal update updates status news eta any bump hello hi anyone`);

/** Question words: a question that starts with one asks for information ("Why …?"), not for an option. */
export const WH_WORDS = set(`why what how when where who which whose huh`);

/** Finite-looking words (listed in FINITE) that are adverbs: after an ambiguous verb they prove nothing. */
export const FINITE_ADVERBS = set(`already still never always`);

/** Past participles that report work done ("Done.", "Fixed in v2"): an acknowledgement, and never a command's object. */
export const ACK_PAST_WORDS = set(`
  done fixed removed added changed updated renamed dropped moved addressed resolved rebased applied queued merged reverted
  squashed split replaced reworded folded
`);

/** "Have a look/go/think/read": the only commands that start with "have". */
export const HAVE_A_NOUNS = set(`look go think read`);

/** "Be careful", "be consistent": the only commands that start with "be". */
export const BE_COMPLEMENTS = set(`careful consistent explicit sure more`);

/** Words in front of a nit ("just a small nit, but …"). */
export const NIT_LEAD = set(`just a one small minor tiny another super micro little quick final last drive-by`);

/** Words that make a sentence's opening a label even without a colon ("one nit, but …"). */
export const NIT_WORDS = set(`nit nits nitpick minor typo`);

/** Labels that name the defect themselves ("typo: recieve"): a rewrite replaces the label too. */
export const DEFECT_LABELS = set(`typo spelling grammar whitespace style`);

/** Labels that announce a small remark: a short phrase after one is a terse label ("nit: const"). */
export const MINOR_LABELS: ReadonlySet<string> = new Set([...NIT_WORDS, ...DEFECT_LABELS, 'cosmetic', 'trivial']);

/** Prepositions that place a defect ("stray semicolon at the end of the line"): a terse label may run on past them. */
export const PLACE_PREPOSITIONS = set(`at in on after before near inside within between`);

/** Labels of a tool's output ("WARNING:", "error:"): what follows is evidence pasted in, not the reviewer's label. */
export const TOOL_OUTPUT_LABELS = set(`warning error fatal info debug`);

/** Words that point back at another comment ("same here", "ditto"): no defect label of their own. */
export const REPEAT_WORDS = set(`same ditto here also again`);

/** Labels that locate a comment rather than classify it: "PS3:", "Line 42:", "v2:", "Re:" (with any number after). */
export const LOCATION_LABELS = set(`ps v l r line patchset patch set rev file re`);

/** A word right before praise that takes it back ("not great", "never nice"). */
export const NEGATING_PRAISE = set(`not doesn't don't isn't no never`);

/** A word right before a verdict word that makes it the speaker's own ("my bad"); denials are DENIALS. */
export const NEGATING_VERDICT = set(`my`);

/** Words a few words before a verdict word that deny it ("neither is really incorrect", "nothing that's broken"). */
export const DENIALS = set(`not never neither nor nothing no none hardly nobody anything`);

/** A sentence opening on one of these owns up to the speaker's slip ("whoops wrong repo"). */
export const SELF_SLIPS = set(`oops whoops woops doh`);

/** A sentence of one of these words alone agrees with what was said ("Correct."). */
export const AGREEMENT_WORDS = set(`correct right exactly agreed indeed true`);
/** The writer owning a slip ("Sorry for the noise"): no label for the author. */
export const APOLOGY_WORDS = set(`sorry apologies apologize apologise oops whoops`);
/** A sentence that opens by agreeing ("Yes, you are right, …"): what follows concedes a point. */
// "right", "exactly" and "true" agree only before a mark ("Right, …"): "Right now …", "Exactly one …" do not.
export const AGREEMENT_OPENER =
  /^\W*(?:(?:yes|yeah|yep|yup|agreed|indeed)\b|(?:right|exactly|true)(?=\s*[,.!;:\u2013\u2014-])|(?:you're|you are) (?:absolutely |totally |completely |quite )?right\b|good point\b|fair (?:point|enough)\b|makes sense\b)/i;

/** Words that open a noun phrase needing no article ("this flag", "all callers", "your branch"). */
export const ARTICLE_FREE_OPENERS = set(`it this that these those them all each every both no your our its their his her my one`);

/** Verbs whose object may be a clause ("Check the value is not null"), so a later verb is no sign of a subject. */
export const CLAUSE_TAKING_VERBS = set(`check ensure verify confirm assert test note see say mention document explain clarify assume make double-check validate`);

/** Verbs that, after a verb and its object, make them a subject: "remove orphan files has the same pattern". */
export const LINKING_VERBS = set(`is are was were has does doesn't isn't wasn't`);

/** Words that join a clause of its own onto a command: what follows them is no subject of the command's. */
export const JOINING_WORDS = set(`and or but so that then`);

/** Words that start a place after a noun ("empty line after this"). */
export const PLACE_WORDS = set(`after before in on at into under above below between inside`);

/** Adverbs and prepositions: a phrase holding one ("into one commit") is no bare noun that lacks an article. */
export const NOT_NOUNS = set(`
  here there instead again too also up down out in on off away back first later now inline everywhere accordingly as well please
  into to with from for at by of onto over under after before about within without across through between per via
`);

/** When a requirement is only expected to come true ("There should be a 3.7.1 in the next couple weeks"). */
export const EXPECT_TIME_WORDS = set(`soon shortly tomorrow eventually`);
/** What "next" counts toward in such a time ("next week", "the next release"). */
export const TIME_UNITS = set(`week weeks month months release releases version versions couple few days day year`);

/** "Should work", "should fix it": an expectation, not a requirement. */
export const EXPECT_VERBS = set(`work works matter happen fix solve address resolve help pass compile build cover apply hold suffice behave do take land go get have allow let enable give yield improve reduce speed appear`);

/** "Should be fine", "should be unreachable": an expectation, not a requirement. */
export const EXPECT_BE = set(`
  fine ok okay safe enough sufficient possible harmless fixed addressed resolved done gone working good covered the able
  rare impossible unreachable true false zero there available correct reachable ready visible noticeable identical
  equivalent equal hard difficult easy simple trivial straightforward quick cheap similar obvious automatic
`);

/** "Should never be possible": an expectation. */
export const EXPECT_NEVER_BE = set(`possible reachable hit`);

/** "Should do it/the trick": an expectation ("do" alone is a requirement). */
export const EXPECT_DO_OBJECTS = set(`it the that this been`);

/** "Should go into the header" says where code belongs: a requirement, where "should go away" is an expectation. */
export const PLACEMENT = set(`into in to under inside before after with elsewhere upstream first`);

/** Words skipped between "should" and what it expects ("should now already work"). */
export const EXPECT_SKIP = set(`now already still also probably hopefully all just really definitely then very pretty quite fairly`);

/** "shouldn't be a problem": what an expectation about a risk names. */
export const PROBLEM_WORDS = set(`problem issue concern worry deal bottleneck blocker`);

/** "should start to help": verbs that put off what "should" expects to the verb after "to". */
export const ONSET_VERBS = set(`start begin continue`);

/** After "should make (it)": a change expected to come ("this should make vendoring easier"), not a requirement. */
export const EXPECT_COMPARATIVES = set(`easier simpler faster cleaner better clearer safer nicer smaller shorter quicker harder slower`);

/** "should close #104", "should close the issue": what a change is expected to close. */
export const TRACKER_NOUNS = set(`issue bug ticket`);

// ---------------------------------------------------------------------------------------------------
// One lookup per word: the analyzer's hot loops read these flags instead of asking each set in turn.

export const enum W {
  Finite = 1,
  Subject = 2,
  Defect = 4,
  Verdict = 8,
  Ack = 16,
  ObjectStart = 32,
  Filler = 64,
  Shout = 128,
  Modal = 256,
  Praise = 512,
  /** Can head a clause the analyzer cares about: a command's verb, "don't", "can (you)", "let's" … */
  Head = 1024,
  /** Words of the rarer checks (rejections, steps that observe, naming with "call"): their passes run only when one occurs. */
  Rejection = 2048,
  Observe = 4096,
  Call = 8192,
  /** Starts a new clause itself: "but", "otherwise", "so" (CLAUSE_WORDS). */
  ClauseWord = 16384,
}

export interface WordInfo {
  flags: number;
  /** Indexes of the phrase patterns a match of which can start with this word (see cues/patterns.ts). */
  triggers: number[] | undefined;
  /** For each trigger, the words that can follow this one in a match, where the pattern lists them. */
  follows: (NextWords | undefined)[] | undefined;
}

/** The words that can come second in a match: a token that is one of `closed`, or starts with one of `open`. */
export interface NextWords {
  readonly closed: ReadonlySet<string>;
  readonly open: readonly string[];
}

const INFO = new Map<string, WordInfo>();

function info(word: string): WordInfo {
  let entry = INFO.get(word);
  if (!entry) {
    INFO.set(word, (entry = { flags: 0, triggers: undefined, follows: undefined }));
    slotWords = undefined;
  }
  return entry;
}

function mark(words: Iterable<string>, flag: number): void {
  for (const word of words) info(word).flags |= flag;
}

mark(FINITE, W.Finite);
mark(CLAUSE_WORDS, W.ClauseWord);
mark(SUBJECTS, W.Subject);
mark(DEFECT_WORDS, W.Defect);
mark(VERDICT_WORDS, W.Verdict);
mark(ACKS, W.Ack);
mark(ACK_PAST_WORDS, W.Ack);
mark(OBJECT_START, W.ObjectStart);
mark(FILLERS, W.Filler);
mark(['this', 'the', 'is', 'not', 'stop', 'do', "don't", 'dont', 'you', 'it', 'why', 'what', 'no', 'please', 'never', 'again', 'wrong', 'are', 'and', 'read'], W.Shout);

mark(['should', "shouldn't", 'must', "mustn't", 'needs', 'need', 'has', 'have', 'ought', 'wants', 'want'], W.Modal);

mark(['good', 'nice', 'great', 'thanks', 'thank', 'lgtm', 'sgtm', 'catch', 'excellent', 'awesome', 'neat', 'kudos', 'cool', 'perfect'], W.Praise);

mark(VERBS, W.Head);
mark(REQUEST_MODALS, W.Head);
mark(["don't", 'dont', 'do', 'never', 'might', 'may', "let's", 'lets', 'let', 'feel', 'suggest', 'recommend', 'propose', 'suggestion', 'consider', 'considering', 'should', 'must', 'needs', 'need', "shouldn't", 'has', 'have', 'wants', 'want', 'mind'], W.Head);

/** Flags and pattern triggers of a lower-cased word, or undefined for a word the analyzer has no use for. */
export function wordInfo(word: string): WordInfo | undefined {
  if (pendingTriggers) registerPendingTriggers();
  return INFO.get(word);
}

// The tokenizer hashes each word as it reads it (FNV-1a over its lower-cased code units) and looks it up
// in an open-addressing table built over INFO: a Map would hash every freshly sliced word once more.
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

let slotWords: (string | undefined)[] | undefined;
let slotInfo: WordInfo[] = [];

/** Built on first use, after every module has registered its words; `info` drops it when a word is added. */
function buildSlots(): (string | undefined)[] {
  if (pendingTriggers) registerPendingTriggers();
  let size = 1;
  while (size < INFO.size * 4) size <<= 1;
  const words: (string | undefined)[] = new Array(size).fill(undefined);
  slotInfo = new Array(size);
  for (const [word, entry] of INFO) {
    let hash = HASH_SEED;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    let slot = hash & (size - 1);
    while (words[slot] !== undefined) slot = (slot + 1) & (size - 1);
    words[slot] = word;
    slotInfo[slot] = entry;
  }
  return words;
}

/** `wordInfo(word)` for a word whose hash the caller has (HASH_SEED folded with hashStep over its code units). */
export function wordInfoByHash(word: string, hash: number): WordInfo | undefined {
  const words = (slotWords ??= buildSlots());
  const mask = words.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const key = words[slot];
    if (key === undefined) return undefined;
    if (key === word) return slotInfo[slot];
  }
}

// Reading every phrase pattern's first and second words takes a few milliseconds: it waits for the first
// word looked up, so that loading the extension doesn't pay for it.
let pendingTriggers: (() => void) | undefined;

/** `register` adds the phrase patterns' triggers (addTrigger) before any word is looked up. */
export function registerTriggersLazily(register: () => void): void {
  pendingTriggers = register;
  slotWords = undefined;
}

function registerPendingTriggers(): void {
  const register = pendingTriggers!;
  pendingTriggers = undefined;
  register();
}

/** Registers that a match of phrase pattern `index` can start with `word`, and what may come next. */
export function addTrigger(word: string, index: number, next?: NextWords): void {
  const entry = info(word);
  const list = (entry.triggers ??= []);
  const follows = (entry.follows ??= []);
  const at = list.indexOf(index);
  if (at < 0) {
    list.push(index);
    follows.push(next);
  } else if (!next) follows[at] = undefined;
}

// ---------------------------------------------------------------------------------------------------
// Rewrites: which question frame fits which words.

/** Verbs that reshape code for the reader: "Would it be clearer to …?" fits them. */
export const CLARITY_VERBS = set(`rename reword rephrase simplify restructure flatten`);

/** Verbs that take something away: "I wonder whether we could …" fits them. */
export const REMOVAL_VERBS = set(`remove drop delete kill nuke strip omit skip revert prune trim elide unexport`);

/** Verbs that need no object: "Retry." has no "this" to add, and "Please check." asks for a look, not a check of "this". */
export const INTRANSITIVE_VERBS = set(`wait stay go try retry stop think look rebase check verify confirm explain elaborate clarify`);

/** Shorthand commands and the verbs they stand for. */
export const SHORTHAND_VERBS: ReadonlyMap<string, string> = new Map([
  ['rm', 'remove'],
  ['mv', 'move'],
  ['nix', 'remove'],
]);

/** Words that open a noun phrase: "We need a test" names a thing, not an action. */
export const DETERMINERS = set(`a an the some more another any proper better real extra separate dedicated`);

/** Nouns with no "a" in front: "Missing documentation", not "a documentation". */
export const MASS_NOUNS = set(`
  documentation docs handling coverage validation locking support information info code logic whitespace indentation
  cleanup testing error-handling synchronization synchronisation padding spacing punctuation
`);

/** Adjectives that judge a thing as not needed: "useless braces" becomes a question about the braces. */
export const EVALUATIVE_ADJECTIVES = set(`useless unnecessary unneeded needless redundant superfluous pointless`);

/** Adjectives that describe leftovers: "unused variable" becomes "Could we drop the unused variable?". */
export const STALE_ADJECTIVES = set(`unused dead stray spurious leftover debug commented-out duplicate duplicated extra`);

/** Words in front of a flagged clause that a rewrite replaces with it ("Also, I think …"). */
export const REWRITE_FILLERS: ReadonlySet<string> = new Set([...POLITE_WORDS, ...set(`also so but now just i think guess imo imho honestly tbh probably maybe perhaps really actually`)]);

/** Connectives that open a sentence, with a comma, and stay in front of its rewrite: "Moreover, could we …?" */
export const CONNECTIVES = set(`however moreover furthermore additionally plus anyway besides finally lastly secondly`);

/** Words that open a greeting before a comma ("Hi Sam, …"): the rewrite starts after it. */
export const REWRITE_GREETINGS = set(`hi hey hello dear sorry well hmm thanks thx same`);

/** Words that open a leading condition, which a question can follow ("If it is unused, could we …?"). */
export const REWRITE_SUBORDINATORS = set(`if when whenever since because as once unless while where after before given in for though although otherwise`);

/** Words that sign a comment off ("… Thanks!"); they end a terse label without being part of it. */
export const SIGN_OFF_WORDS = set(`thanks thx ty tia cheers regards`);

/** Verbs that ask the reviewer to act, not the author to change the work ("could you please review again?"). */
export const REVIEW_ACTION_VERBS = set(`review re-review rereview approve ack`);

/** Words before a verdict word that make it the speaker's view of people, not of the work ("They were wrong"). */
export const PERSONAL_SUBJECTS = set(`they he she i we people folks everyone nobody`);

/** Hedges that soften a verdict ("seems a little confusing"); with a reason given, it is an explanation. */
export const VERDICT_HEDGES = set(`seems seem looks look feels feel bit little slightly somewhat kinda tad`);

/** Words that close an "if" at once: "if so", "if not", "if needed". */
export const CLOSED_CONDITIONS = set(`so not yes needed necessary possible required desired`);

/** Modals that make what follows conditional: "may need to", "would have to". */
export const CONDITIONAL_MODALS = set(`may might could would it'd that'd`);

/** Words that give a reason in the same sentence ("… because `--verbose` does nothing here"). */
export const REASON_WORDS = set(`because since as given`);

/** Words that open a condition later in a sentence ("… if we use uuid_t", "… unless it is shared"). */
export const CONDITION_WORDS = set(`if unless when`);

/** Verbs that say what happens when something is run: "call X, then wait to see …" shows, it does not order. */
export const OBSERVE_WORDS = set(`see notice observe`);

/** Subjects after which "that" opens a relative clause ("the file that we'd have to parse"). */
export const RELATIVE_SUBJECTS = set(`we we'd we'll you you'd you'll they they'd i i'd`);

/** Words that turn a change down when they open a sentence ("Rejected because …"). */
export const REJECTION_WORDS = set(`rejected rejecting nacked`);

/**
 * Verbs that change the work: a question frame fits them ("What if we rename …?"). Pointers and steps
 * ("read the docs", "save and exit", "push it again") get no rewrite: a frame makes them stilted.
 */
export const CODE_CHANGE_VERBS = set(`
  add adjust align annotate append assert avoid bump cache call capitalize capitalise cast clamp clarify collapse combine
  comment convert copy declare dedupe deduplicate define delete deprecate document drop emit enable disable encapsulate
  ensure escape expand explain export expose extend extract factor fix flatten free gate guard handle hide hoist ignore
  include increase decrease indent initialize initialise inline insert introduce invert isolate keep limit lock log
  lowercase uppercase make mark memoize mention merge move name normalize normalise omit order pad parameterize pass
  prefix prepend preserve print propagate protect prune reduce refactor reference remove rename reorder rephrase
  replace reset restore restrict restructure retry reuse revert reword rewrite rework sanitize sanitise separate
  set shorten simplify skip sort specify split store strip swap switch tighten trim unify unwrap update use
  validate verify wrap write zero test cover check hardcode drop nuke rm mv allow support hold change correct
  adapt tweak clean improve fill bound cap
`);

/** Nouns that name a defect a fix can take away: "whitespace damage" → "Could we fix the whitespace damage?". */
export const DEFECT_NOUNS = set(`
  damage typo typos indentation whitespace spacing alignment style naming formatting wording spelling grammar
  capitalization capitalisation punctuation leak leaks mismatch
`);

/** Verbs of repairs that are not really optional ("fix the conflicts"): "Could we …?" fits, "What if we …?" does not. */
export const MUST_FIX_VERBS = set(`fix resolve correct update ensure`);

/** Steps of the author's own process, not changes to the work: "I'd suggest running checkpatch" fits them. */
export const PROCESS_VERBS = set(`run retest send resend respin sync open file rebase squash`);

/** What a reviewer takes back by name: "Ignore this comment", "ignore my previous remark". */
export const RETRACTED_REMARKS = set(`comment comments remark remarks one last previous earlier above message suggestion nit question`);

/** Participles that report a step as over ("Rebase completed."), after the noun of the step. */
export const REPORT_PARTICIPLES = set(`completed finished started succeeded`);

/** Holding a change back ("Please hold off on merging"): a maintainer's call, not a change to the work. */
export const WAIT_VERBS = set(`hold wait pause`);

/** Trying out a change someone made ("Please test that one"): their step, which no "we" can take over. */
export const TRY_VERBS = set(`test retest try verify confirm`);

// Marked here, below the lists they read.
mark(REJECTION_WORDS, W.Rejection);
mark(OBSERVE_WORDS, W.Observe);
mark(['call'], W.Call);
