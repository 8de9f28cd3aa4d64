import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

// One seed per run, printed on failure by fast-check; FC_SEED replays it.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
import { analyzeFeedback, ToneFinding } from '../../src/core/tone';

/** What the first (preferred) finding offers, and the text it replaces. */
function preferred(text: string): { replaced: string; suggestions: readonly string[] } {
  const [finding] = analyzeFeedback(text).findings;
  assert.ok(finding, `no finding for ${JSON.stringify(text)}`);
  return { replaced: text.slice(finding.replace.start, finding.replace.end), suggestions: finding.suggestions };
}

// Expected rewrites, written by hand: what an experienced reviewer would send as it is. The analyzer
// never judges its own output here.
const GOLDEN: readonly [rule: string, text: string, expected: readonly string[]][] = [
  ['imperative', 'Rename this to fooBar.', ['What if we rename this to fooBar?', 'Would it be clearer to rename this to fooBar?']],
  ['imperative', 'Use `kzalloc()` here; it zeroes the memory.', ['What if we use `kzalloc()` here? It zeroes the memory.', 'Could we use `kzalloc()` here? It zeroes the memory.']],
  ['imperative', 'Drop this, it is unused.', ['Could we drop this? It is unused.', 'I wonder whether we could drop this. It is unused.']],
  ['imperative', 'Hi Sam, rename this to fooBar. Thanks!', ['what if we rename this to fooBar?', 'would it be clearer to rename this to fooBar?']],
  ['imperative', 'If it can be NULL, check it first.', ['could we check it first?']],
  ['polite-imperative', 'Please add a test.', ['What if we add a test?', 'Could we add a test?']],
  ['requirement', 'That patch needs to go in first anyway.', []],
  ['requirement', 'This probably should release note the new default.', []],
  ['verdict', 'Comma is not needed here.', ['Is the comma needed here?']],
  ['verdict', 'I believe this change is not required', ['Is this change needed?']],
  ['you-must', "You don't need the count check here.", ['Do we need the count check here?']],
  ['prohibition', "Don't send new versions in reply to older ones.", ["I'd suggest not sending new versions in reply to older ones. What do you think?"]],
  // The author's own patch, commit message or PR: the reviewer suggests, since "we" would not be writing it.
  // A request that already asks keeps asking the author: "Would it be possible to …?".
  ['polite-imperative', 'Please split the patch in two so I can apply the fix first.', ["I'd suggest splitting the patch in two so I can apply the fix first. What do you think?"]],
  ['polite-imperative', 'Please expand the commit msg a bit, what changed is not clear from it', []],
  ['imperative', 'drop changelog', ["I'd suggest dropping the changelog. What do you think?"]],
  ['request-question', 'can u remove the yarn.lock from this PR?', ['Would it be possible to remove the yarn.lock from this PR?']],
  ['imperative', 'Run checkpatch on this.', ["I'd suggest running checkpatch on this. What do you think?"]],
  ['polite-imperative', 'Open an issue for this please.', ["I'd suggest opening an issue for this. What do you think?"]],
  ['imperative', 'Run checkpatch and resend.', []],
  ['imperative', 'Save that file and exit.', []],
  ['request-question', 'Can you move the helper into utils.c?', ['Would it be possible to move the helper into utils.c?', 'What do you think about moving the helper into utils.c?']],
  // A clause after a question word or a semicolon belongs to the sentence; a noun's "or" is no second verb.
  ['polite-imperative', 'Please clarify in the commit message why it is OK to drop this code.', ["I'd suggest clarifying in the commit message why it is OK to drop this code. What do you think?"]],
  ['polite-imperative', 'Please split this PR by purpose or topic.', ["I'd suggest splitting this PR by purpose or topic. What do you think?"]],
  // A modal after a pronoun or a joining word is a clause of the sentence, not a run-on.
  ['you-must', 'You should check whether the value might be null.', ['What if we check whether the value might be null?', 'Could we check whether the value might be null?']],
  // A contraction after the split starts its sentence with a capital; "set to" gets its object back; a
  // split is no rename, so no reason of clarity is put in the reviewer's mouth.
  ['imperative', "Just decrease the tolerance, that's effectively random.", ["What if we decrease the tolerance? That's effectively random.", "Could we decrease the tolerance? That's effectively random."]],
  ['imperative', 'Set to `0.25.0`.', ['What if we set this to `0.25.0`?', 'Could we set this to `0.25.0`?']],
  ['we-must', 'Maybe we should just split the examples out to a new `--example-name` param.', ['What if we split the examples out to a new `--example-name` param?', 'Could we split the examples out to a new `--example-name` param?']],
  // After "..." the writer goes on in lower case, and so does the question.
  // Inside a longer comment only a request that already asks is rewritten: the words around lean on the rest.
  ['polite-imperative', 'This is slow... please use a map here.', []],
  // A request that keeps asking the author puts back the article a note left out.
  ['request-question', 'Can you drop changelog?', ['Would it be possible to drop the changelog?']],
  // A gerund with no object is a noun: "need" takes it as it is.
  ['verdict', 'no need for padding here', ['Do we need padding here?']],
  // "need" takes no gerund: "no need for saving" asks whether we need to save.
  ['verdict', 'no need for saving the whole order object', ['Do we need to save the whole order object?']],
  // A second verb would need its own gerund: that frame is left out.
  ['request-question', 'Can you add such a test or share it?', ['Would it be possible to add such a test or share it?']],
  ['you-must', 'You should add a test.', ['What if we add a test?', 'Could we add a test?']],
  ['you-must', 'Also, I think you should split this patch in two.', ["I'd suggest splitting this patch in two. What do you think?"]],
  ['we-must', 'I think we should rename this to `max_len`.', ['What if we rename this to `max_len`?', 'Would it be clearer to rename this to `max_len`?']],
  ['prohibition', "Don't use `any` here.", ['Could we avoid using `any` here?', "I'd suggest not using `any` here. What do you think?"]],
  ['prohibition', "Don't forget to update the docs.", ['Could we update the docs?', 'I wonder whether we could update the docs.']],
  ['imperative', 'Remove this.', ['Could we remove this?', 'I wonder whether we could remove this.']],
  ['imperative', 'Drop description.', ['Could we drop the description?', 'I wonder whether we could drop the description.']],
  ['imperative', 'Rename to `csvWriter`.', ['What if we rename this to `csvWriter`?', 'Would it be clearer to rename this to `csvWriter`?']],
  ['requirement', 'This should be static.', ['Should this be static?', 'I wonder whether this should be static.']],
  ['requirement', 'That should be static.', ['Should that be static?', 'I wonder whether that should be static.']],
  ['requirement', 'The timeout should be 30s.', ['Should the timeout be 30s?', 'I wonder whether the timeout should be 30s.']],
  // "Needs a test" says one is wanted; "Does this need a test?" would doubt it.
  ['requirement', 'Needs a test.', ['Could we add a test?']],
  ['requirement', 'This needs a comment.', ['Does this need a comment?', 'I wonder whether this needs a comment.']],
  ['requirement', 'There should be no tests in TODO blocks.', []],
  ['requirement', '4.32.0 should be published now.', []],
  // "also" ties the change to another one; it stays.
  ['you-must', 'You should also remove this comment.', ['Could we also remove this comment?', 'I wonder whether we could also remove this comment.']],
  // A step asked of one person stays theirs.
  ['polite-imperative', '@mitchellh please check if 8fe2c0d makes sense', ['would it be possible to check if 8fe2c0d makes sense?']],
  ['polite-imperative', 'Fixed in #7698. Please test and +1 that one.', ['Would it be possible to test and +1 that one?']],
  // An adverb that ties the step to another stays, wherever it stands before the verb.
  ['imperative', 'Also check the unique id', ['What if we also check the unique id?', 'Could we also check the unique id?']],
  ['request-question', 'can you also add strong-oracle support.', ['Would it be possible to also add strong-oracle support?', 'What do you think about also adding strong-oracle support?']],
  // The object left out is the line under review.
  ['imperative', 'remove before merging', ['Could we remove this before merging?', 'I wonder whether we could remove this before merging.']],
  // "this" is what is updated, so the team is who updates it.
  ['requirement', 'Should update this to our own fork before merge', ['Should we update this to our own fork before merge?']],
  ['requirement', 'The correct name should be `zid` and not `pid`.', []],
  // A hold on the merge is the maintainers' call; a reason inside the question would be asked about too.
  ['polite-imperative', 'Please hold off on merging this until the release.', []],
  ['polite-imperative', 'please, update `required_conan_version` because `tools.files.get` is only available since 1.41.', []],
  // A reason after a comma is a sentence of its own after the question.
  ['prohibition', "Please don't use `(\"scalaMETA Language Server\")`, this capitalization is not used anywhere", ['Could we avoid using `("scalaMETA Language Server")`? This capitalization is not used anywhere.', 'I\'d suggest not using `("scalaMETA Language Server")`. This capitalization is not used anywhere.']],
  // The object follows below the question; "ensure to" takes no question.
  ['request-question', 'Can you change this to', []],
  ['imperative', "Ensure to 'Rebase and merge' pull-requests...", []],
  // Steps that are over, leave given, a hold on the merge by its maintainer, an approval after the step: no question.
  ['imperative', 'Merge despite the failing unrelated test.', []],
  ['imperative', 'Just remove this one, it is fine, yes.', []],
  ['imperative', '@Wuzzy2 rebase needed', []],
  ['imperative', 'Remove unused.', []],
  // "update to the latest" upgrades what the reader runs; "Missing X in Y" takes the article of X.
  ['imperative', '@gadolithium just update to the latest edge addon.', ['would it be possible to update to the latest edge addon?']],
  ['defect-label', 'Missing repo name in those links.', ['Could we add a repo name in those links?', 'Is a repo name in those links missing here?']],
  // The person named stays: before the modal as its subject, inside a request as the one asked.
  ['requirement', '@michael-buschbeck should be set as author.', []],
  ['request-question', 'Thanks!\n\nalso, @rhaschke do you mind rebasing for the merge conflicts?', []],
  // A fix for every occurrence says so; a reason after a bot's "/close" reopens nothing.
  ['replacement', 's/filed/field/g', ['Maybe "field" instead of "filed" throughout?']],
  ['imperative', '/close\n\nsplit into two PRs', []],
  // The emoji closes the comment; the question mark closes the question.
  ['polite-imperative', 'Please add a test 👍', ['What if we add a test? 👍', 'Could we add a test? 👍']],
  ['requirement', 'Should be `u32`.', ['Should this be `u32`?', 'I wonder whether this should be `u32`.']],
  ['wish', "I'd like to see a test for this", ['What do you think about adding a test for this?']],
  ['accusing-why', "Why didn't you push to master directly?", ['Was there a reason not to push to master directly?']],
  ['accusing-why', "Why aren't you using dev_err() here?", ['Was there a reason not to use dev_err() here?']],
  ['verdict', 'This check is not needed, kfree() handles NULL', ['Is this check needed? kfree() handles NULL.']],
  ['defect-label', 'Missing null check.', ['Could we add a null check?', 'Is a null check missing here?']],
  ['defect-label', 'useless braces', ['Are the braces needed?']],
  // A step of the author's whose need is not in doubt is asked for, not questioned.
  ['requirement', 'This needs a rebase.', ['Could this get a rebase?']],
  ['requirement', 'Needs a changelog entry and an update to the docs.', ['Could this get a changelog entry and an update to the docs?']],
  ['we-must', 'We need a changelog entry!', ['Could we get a changelog entry?']],
  // An adverb that carries content stays in the question; a stance adverb goes.
  ['requirement', 'do_install should just be 2 lines.', ['Should do_install just be 2 lines?', 'I wonder whether do_install should just be 2 lines.']],
  ['requirement', 'This should probably be static.', ['Should this be static?', 'I wonder whether this should be static.']],
  // After "If so," the question starts after the comma; "there" is a subject a question can move past.
  ['polite-imperative', 'Is this needed? If so, please make it a generic `insert` method.', []],
  ['request-question', 'Is this needed? If so, can you make it a generic `insert` method?', ['would it be possible to make it a generic `insert` method?', 'what do you think about making it a generic `insert` method?']],
  // A need that is no step of the author's own stays as written: "Would it help to have …?" made it a maybe.
  ['we-must', 'We need a slightly different approach.', []],
  ['we-must', 'We need a rebase.', ['Could we get a rebase?']],
  ['requirement', 'There should be an option to skip the compare.', ['Should there be an option to skip the compare?', 'I wonder whether there should be an option to skip the compare.']],
  ['right-way', 'Better not to.', []],
  // "add to #123" has lost its object: the question puts "this" back.
  ['polite-imperative', 'Please add to #11045', ['What if we add this to #11045?', 'Could we add this to #11045?']],
  // A second statement after a comma stays a statement after the question.
  ['verdict', 'I think this is unnecessary here, in my opinion the null check above covers it', ['Is this needed here? In my opinion the null check above covers it.']],
  ['defect-label', 'unused variable', ['Could we drop the unused variable?', 'Do we still need the unused variable?']],
  ['defect-label', 'whitespace damage', ['Could we fix the whitespace damage?']],
  ['replacement', 'foo -> bar', ['Maybe bar instead of foo?', 'What do you think about bar instead of foo?']],
  ['replacement', 's/foo/bar/', ['Maybe "bar" instead of "foo"?']],
  // "squash" takes no article before a preposition; "seems redundant" asks whether it is needed.
  ['polite-imperative', 'Please squash into one commit.', ["I'd suggest squashing into one commit. What do you think?"]],
  ['verdict', 'This seems redundant.', ['Is this needed?']],
  // A subject-less need is the team's task; a split into PRs is the author's to make.
  ['requirement', 'Needs to handle the NULL case.', ['Should this handle the NULL case?', 'I wonder whether this should handle the NULL case.']],
  ['requirement', 'Need to rename the flag before the release.', ['Should we rename the flag before the release?']],
  ['polite-imperative', 'Make it two PRs, please.', ["I'd suggest making it two PRs. What do you think?"]],
  ['polite-imperative', 'Please update with main.', ["I'd suggest updating with main. What do you think?"]],
  // A check the code must pass is asked with "could we"; a request to squash keeps asking the author.
  ['imperative', 'Make sure the content is centered.', ['Could we make sure the content is centered?', 'I wonder whether we could make sure the content is centered.']],
  ['request-question', 'Could you squash them, please?', ['Would it be possible to squash them?']],
  ['request-question', 'Do you mind squashing the commits? The fix and its test belong together.', ['Would it be possible to squash the commits?']],
  // The full stop after a call ends the sentence; the call itself is kept whole.
  ['polite-imperative', 'Please use devm_kzalloc().', ['What if we use devm_kzalloc()?', 'Could we use devm_kzalloc()?']],
  // Rebasing is the author's own step, not a change the two of them make: never "could we".
  ['request-question', 'Can you rebase this on main?', ['Would it be possible to rebase this on main?']],
  // A name under the comment signs it; it is no fragment of the sentence.
  ['imperative', 'Fix the indentation.\nAlan', ['Could we fix the indentation?', 'I wonder whether we could fix the indentation.']],
];

// Directive, but no rewrite keeps their meaning: the flag and its reason help, a wrong rewrite would not.
const NO_REWRITE: readonly string[] = [
  'We probably need unittest ensure resize works',
  'Can you send me the edited file?',
  'This is wrong, fix it.',
  // A pointer, not a change: "What if we read the code?" would be stilted. The link stays in the comment.
  'Just read the code, https://example.com/repo/blob/main/hardware.py#L982.',
  // "you" beside a "we" frame reads wrong, and "Have you considered …" reads as a reproach.
  'Run the tests yourself before pushing.',
  // Code written as prose: a rewrite would have to change it.
  'should be })();',
  // A negative requirement has no question that keeps its meaning.
  'This should not be static.',
  // A step of a how-to, and a sentence that runs on to the next line.
  'Then push it again.',
  'Please follow the process documented in\nDocumentation/process/submitting-patches.rst',
  // A lead-in to an example.
  'It should look like:\n\n    foo(bar);',
  // A stock line in place of a rejection would hide what the reviewer means.
  'NAK.',
  // A sentence the next one only continues.
  'Please document the new flag. Whether in the README or in the man page.',
  // A comma joins a second statement; "keep it this way" says nothing a question could keep; an answer.
  'Call `id` on it, rails helpers do it internally anyway.',
  'Keep it this way.',
  'Yes, use the gpio bindings.',
  // A dash joins a reason the question would swallow.
  'Please use reverse xmas tree order - longest line to shortest.',
  // Terse notes leave out the article; a full question would have to guess it.
  'add blank line eof',
  'Use project logger.',
  'Should be a struct instead of tuple',
  // "Check the logs" asks the author to look, not to add a check; "prefer" fits no question frame.
  'Check the logs, the build fails on arm64.',
  'Prefer early returns here.',
  // What the question would swallow or leave dangling: a clause after "otherwise", a choice, a fragment, a verb without its object.
  'Wrap the line at 80 columns otherwise looks fine',
  'It should be either EINVAL if the flag is unknown or EOPNOTSUPP if the device lacks it.',
  'Fix the indentation. Everywhere.',
  'Remove the debug print, or guard with a flag.',
  // A clause is no thing to offer; a location before an arrow is not the old word; a colon leads into markup.
  "I'd like to see that the helpers are indented consistently.",
  'In the subject, teh -> the',
  'Just call it this: ..',
  // A constraint of the code, a "we" frame next to "us", and a request to a maintainer.
  'You cannot take the lock in the IRQ handler, it may sleep.',
  "Don't make us guess what the flag does, please.",
  'Could you merge this PR?',
  'could you merge please?',
  'This needs rebase on net-next.',
  // A request to wait, and a step that follows another: the question would lose "yet" and "now".
  "So please don't delete them yet.",
  'Now you need to write tests.',
  // Faults and rules of the code, which a question would doubt; a bug the author left; their conduct.
  'This patch is wrong.',
  'CI is broken :(',
  'It must be called with the lock held.',
  'You forgot to drop the reference here.',
  "Please don't open spam PRs.",
  // A subject that is a clause, a lead-in before an arrow, and "the following" that sits below the question.
  'That means the helper should stay in core.',
  'one small typo "Recieve" -> "Receive"',
  "Don't forget to add the following so that the PR is linked to the issue.",
  // A consequence, a verdict in a relative clause, a "but" and the reviewer's own doing: second statements.
  'Check err before the defer or else res might not be defined.',
  "The branch should be merged before close or these changes won't be saved.",
  "You'd have to build and strip in the same layer which isn't possible with Docker.",
  "I think it needs rebasing but apart from that it's good to go.",
  "could you remove the python 3.2 commit i've removed that code yesterday",
  // The writer's sentence goes on in lower case after "..": a question mark would leave it hanging.
  'Use repoman to commit so it updates the header.. this is the old format',
  // A pointer to another issue, a "though" answering something else, and a statement the next sentence builds on.
  'duplicated #417',
  'we need a slightly different serde tag though, left a comment.',
  'It should be included by driver/i2c.h.\nSo you can just include <target/i2c.h>',
  // A requirement or a bare order inside a longer comment: the words around it lean on the statement, and a
  // question on its own would break them. Only a request that already asks, and "we should", are rewritten there.
  'Is this needed? If so, make it a generic `insert` method.',
  'This needs a rebase. Otherwise good to go.',
  "No, I can explain tomorrow when we talk. The lock is taken twice on the fast path and once on the slow one, so the counter drifts whenever both run. It needs to be done in both.",
  // A singular noun that only looks plural, and a warning to watch something.
  'Fix parenthesis',
  "We'll need to keep an eye on memory consumption.",
  // A merge on green, an aside with its own clause, an order that lost its object, a need "anyway", the
  // reviewer's own view, "a way" that ought to exist, a second order after a comma, a project's rule.
  'merge on green',
  'It should definitely return an error (but we can fix that later).',
  'Do not update.',
  'But it needs the maintainer validation anyway.',
  'That should be a default feature too to me.',
  'There should be a way to do that.',
  "I think we shouldn't write any error logs here, just return it.",
  'Patches should be submitted to the mailing list with git send-email.',
  "It's better than nothing.",
  'Please explain!',
  // A go-ahead with no object, a reminder of a request made before, agreement, a platitude with no name for
  // its subject, the reviewer's own hedge, and a pair of verbs no frame can split.
  'Make it so',
  'You still need to add a label at the end.',
  'Of course, it should be consistent.',
  'Problems should be solved.',
  'So never run `autoconf` manually as far as I can see.',
  'Could you add / edit a test within the ci directory?',
  // A second clause run on with its own modal, which a question would swallow.
  'you should keep this in mind for future ref might be a prob with the store at some point too.',
  // A clause run on with its own subject, a consequence after "or", a "but" with a clause of its own, and a
  // verb coordinated after "but": all second statements a question would swallow.
  'Also can you reword the commit it sounds ambiguous',
  'Ask for one more review or it\'s getting merged.',
  'We still need some work on the cache but at least now we\'re correct.',
  'Please squash but leave the commit messages in the details.',
  // A look asked for ("check #326", "check now"), a bare note whose article the question would guess, and a
  // second judgement ("redundant if not counter-productive").
  'Check now',
  // The reviewer's own fix settles a verdict; a bracketed sentence can't take a question mark; a place with
  // its articles left out.
  'This is not needed, I fixed it.',
  'Please also bump revision (`PKG_REVISION=1` in this case.)',
  'Move to top row of table',
  'Please check #326',
  'fix tab here',
  '`do_build()` is redundant if not counter-productive.',
  // A look asked for, and the maintainers' step: no question to the author fits either.
  'Please check.',
  'This should be merged in now.',
];

describe('tone: rewrites, golden', () => {
  for (const [rule, text, expected] of GOLDEN) {
    it(`${rule}: ${JSON.stringify(text)}`, () => {
      const [finding] = analyzeFeedback(text).findings;
      assert.ok(finding, 'flagged');
      assert.equal(finding.ruleId, rule);
      assert.deepEqual(finding.suggestions, expected);
    });
  }

  for (const text of NO_REWRITE) {
    it(`offers no rewrite for ${JSON.stringify(text)}, but still flags it`, () => {
      const { tone, findings } = analyzeFeedback(text);
      assert.equal(tone, 'directive');
      assert.deepEqual(
        findings.map((finding) => finding.suggestions),
        findings.map(() => []),
      );
    });
  }

  it('never puts a NUL or "undefined" where a subject-less comment has no subject', () => {
    for (const text of ['Needs a test.', 'Should be `u32`.', 'Missing null check.', 'needs to handle EINTR', 'Must not block.', 'Has to be atomic.']) {
      for (const suggestion of analyzeFeedback(text).findings.flatMap((finding) => finding.suggestions)) {
        assert.doesNotMatch(suggestion, /[\u0000-\u001f]|undefined/, `${text} → ${suggestion}`);
        assert.match(suggestion, /^[A-Z]/, `${text} → ${suggestion}`);
      }
    }
  });

  it('gives each directive sentence and list item its own finding, and no rewrite reaches into the next (list items get none)', () => {
    const text = '1. Rename foo to bar because the old name is confusing for everyone who reads it\n2. Add a test for the empty case\n3. Please drop the debug print.';
    const { findings } = analyzeFeedback(text);
    assert.equal(findings.length, 3);
    const items = text.split('\n');
    for (const [index, finding] of findings.entries()) {
      const replaced = text.slice(finding.replace.start, finding.replace.end);
      assert.ok(items[index].includes(replaced), `${JSON.stringify(replaced)} stays inside item ${index + 1}`);
      assert.ok(!replaced.includes('\n'), JSON.stringify(replaced));
    }
    // A list item is often a step of a how-to; a question frame would splice into the list.
    assert.deepEqual(findings.map((finding) => finding.suggestions), [[], [], []]);
  });

  it('replaces the whole sentence when filler stands before the order, and nothing when a verdict does', () => {
    assert.equal(preferred('Also, please rename this.').replaced, 'Also, please rename this.');
    assert.deepEqual(preferred('This is wrong, fix it.').suggestions, []);
  });

  it('keeps a leading connective and puts the question after it', () => {
    const moreover = preferred('Moreover, can you please add a test for the error path.');
    assert.equal(moreover.replaced, 'can you please add a test for the error path.');
    assert.equal(moreover.suggestions[0], 'would it be possible to add a test for the error path?');
    assert.equal(preferred('Of course, please add a test.').replaced, 'please add a test.');
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over generated comments.

/** Inline code, links and numbers in a piece of text: what a rewrite must keep verbatim. Written apart from the analyzer's own check. */
function mustKeep(text: string): string[] {
  const kept = [...text.matchAll(/`[^`\n]+`/g)].map((match) => match[0]);
  const rest = text.replace(/`[^`\n]+`/g, ' ');
  for (const match of rest.matchAll(/https?:\/\/\S+?(?=[.,;:!?)]*(?:\s|$))/g)) kept.push(match[0]);
  const withoutLinks = rest.replace(/https?:\/\/\S+/g, ' ');
  for (const match of withoutLinks.matchAll(/\d+(?:\.\d+)*/g)) kept.push(match[0]);
  for (const match of withoutLinks.matchAll(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b/g)) kept.push(match[0]);
  return kept;
}

const openers = ['Rename', 'Please add', 'You should move', 'We need to check', 'Use', "Don't use", 'Can you update', 'This should be', 'Needs', 'Missing', 'Drop', 'Why didn\'t you use', 'I\'d like to see'];
const objects = ['this', 'the helper', '`buf_len`', 'maxRetries', 'the test', 'a comment', '`kfree()`', 'the log line'];
const tails = ['', ' here', ' to `u32`', ' in v2', ' after line 42', ' before 3.14 ships', ', see https://example.com/issues/7', ' for fooBar', ' instead of 0x1f', ', it is unused', '; see `docs/api.md`'];
const ends = ['.', '', '!', '?', ' please.', ' thanks'];

const generatedComment = fc
  .tuple(fc.constantFrom(...openers), fc.constantFrom(...objects), fc.constantFrom(...tails), fc.constantFrom(...ends), fc.constantFrom('', 'nit: ', 'Hi Sam, ', '@ana '), fc.constantFrom('', ' Otherwise looks good.', '\n\nAlso drop the debug print.'))
  .map(([opener, object, tail, end, lead, after]) => `${lead}${opener} ${object}${tail}${end}${after}`);

describe('tone: rewrites, properties', function () {
  // Thousands of generated comments: generous, so a busy machine never fails them on time.
  this.timeout(60_000);
  let rewritesChecked = 0;

  after(() => console.log(`      rewrites checked by the properties: ${rewritesChecked}`));

  it('keeps every code span, link and number of the replaced span, and adds no control character', () => {
    fc.assert(
      fc.property(generatedComment, (text) => {
        for (const finding of analyzeFeedback(text).findings as readonly ToneFinding[]) {
          const replaced = text.slice(finding.replace.start, finding.replace.end);
          for (const suggestion of finding.suggestions) {
            rewritesChecked++;
            assert.doesNotMatch(suggestion, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/, suggestion);
            if (finding.ruleId === 'blocking' || finding.ruleId === 'rejection' || finding.ruleId === 'accusing-why') continue;
            for (const piece of mustKeep(replaced)) assert.ok(suggestion.includes(piece), `${JSON.stringify(piece)} lost: ${JSON.stringify(text)} → ${JSON.stringify(suggestion)}`);
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });

  it('starts a rewrite with a capital letter where the replaced span starts a sentence', () => {
    fc.assert(
      fc.property(generatedComment, (text) => {
        for (const finding of analyzeFeedback(text).findings) {
          const before = text.slice(0, finding.replace.start);
          const startsSentence = /(?:^|[.!?]\s+|\n\s*)$/.test(before);
          for (const suggestion of finding.suggestions) {
            rewritesChecked++;
            if (startsSentence && /^[a-z]/.test(suggestion)) assert.fail(`${JSON.stringify(text)} → ${JSON.stringify(suggestion)}`);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never lets one rewrite swallow the next sentence', () => {
    fc.assert(
      fc.property(generatedComment, generatedComment, (first, second) => {
        const text = `${first.replace(/[.!?\s]*$/, '')}.\n${second}`;
        for (const finding of analyzeFeedback(text).findings) {
          const replaced = text.slice(finding.replace.start, finding.replace.end);
          assert.ok(!replaced.includes('\n'), `${JSON.stringify(text)}: ${JSON.stringify(replaced)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// How people write around a comment must not change whether it is flagged.

describe('tone: robust to how people write (property)', function () {
  this.timeout(60_000);
  const fixtures: { text: string }[] = JSON.parse(readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'tone-cases.json'), 'utf8'));
  // A fence or a quote opens a line of its own, so what goes before it goes on the line above.
  const before = (lead: string, text: string) => (/^(?:```|>)/.test(text) ? `${lead.trimEnd()}\n${text}` : `${lead}${text}`);
  const decorations: readonly [string, (text: string) => string][] = [
    ['greeting', (text) => before('Hi Sam, ', text)],
    ['greeting line', (text) => `Hi Sam,\n\n${text}`],
    ['@mention', (text) => before('@sam-k ', text)],
    ['trailing thanks', (text) => `${text} Thanks!`],
    ['thanks line', (text) => `${text}\n\nThanks,\nAna`],
    ['emoji', (text) => `${text} 🙂`],
    ['quoted mail', (text) => `On Tue, Ana wrote:\n> Should we merge this today?\n> I think it is ready.\n\n${text}`],
    ['quoted code', (text) => `> +\tret = foo(dev);\n> +\tif (ret)\n\n${text}`],
    ['Signed-off-by', (text) => `${text}\n\nSigned-off-by: Ana Lima <ana@example.org>`],
    ['Reviewed-by', (text) => `${text}\n\nReviewed-by: Sam Kim <sam@example.org>`],
    ['code block', (text) => `${text}\n\n\`\`\`c\nif (!buf)\n\treturn -ENOMEM;\n\`\`\``],
  ];

  for (const [name, decorate] of decorations) {
    it(`keeps the verdict with a ${name}`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...fixtures), ({ text }) => {
          const plain = analyzeFeedback(text).tone === 'directive';
          const decorated = analyzeFeedback(decorate(text)).tone === 'directive';
          assert.equal(decorated, plain, `${JSON.stringify(text)} → ${JSON.stringify(decorate(text))}`);
        }),
        { numRuns: 400 },
      );
    });
  }
});
