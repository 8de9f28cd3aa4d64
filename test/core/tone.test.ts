import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import {
  addConventionalLabel,
  analyzeFeedback,
  MAX_ANALYZED_LENGTH,
  parseConventionalPrefix,
  Tone,
  TONE_RULES,
  toneRuleLine,
} from '../../src/core/tone';
import { CUE_PATTERNS, SCANNED_PATTERNS, triggerPositions } from '../../src/core/tone/cues';
import { topLevelBranches } from '../../src/core/tone/cues/trigger-words';
import { MASK_PATTERNS, maskIgnored } from '../../src/core/tone/mask';
import { tokenize } from '../../src/core/tone/text';
import { markdownParagraphs } from '../../src/core/tone/paragraphs';

interface ToneCase {
  readonly text: string;
  readonly label: Tone;
  readonly note: string;
  /** Written after the first rules; rules have since been changed for some, so no longer blind. */
  readonly heldOut?: boolean;
}

// These cases are ours, and the rules were fitted to them: their figures say the rules still do what
// they were built to do, not how the check does on new text (`npm run eval` measures that).
const root = process.cwd();
const cases: ToneCase[] = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'tone-cases.json'), 'utf8'));

/** Code spans and identifier-like words (snake_case, camelCase, calls, dotted names) in a piece of text. */
function technicalContent(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/`[^`\n]+`/g)) found.add(match[0]);
  const outsideCode = text.replace(/`[^`\n]+`/g, ' ');
  for (const match of outsideCode.matchAll(/[A-Za-z_][\w.:>-]*[\w)]/g)) {
    const word = match[0];
    if (/_|[a-z][A-Z]|\(\)|::|->|\.[a-z]/.test(word) || /^[A-Z]{2,}\w*$/.test(word)) found.add(word.replace(/[.:]+$/, ''));
  }
  return [...found];
}


describe('tone: fitted fixtures (test/fixtures/tone-cases.json)', () => {
  it('has at least 250 labelled cases in all three classes, with no duplicates', () => {
    assert.ok(cases.length >= 250, `${cases.length} cases`);
    for (const label of ['directive', 'supportive', 'neutral'] as const) assert.ok(cases.some((entry) => entry.label === label), label);
    for (const entry of cases) {
      assert.ok(['directive', 'supportive', 'neutral'].includes(entry.label), entry.text);
      assert.ok(entry.note.length > 0, entry.text);
    }
    assert.equal(new Set(cases.map((entry) => entry.text)).size, cases.length, 'no duplicates');
  });

  // One table-driven check with a floor: a rule change that breaks a few fitted cases shows in the
  // list of misses; one that breaks many fails here.
  it('classes at least 97% of them as labelled, with directive precision >= 0.97 and recall >= 0.95', () => {
    const matrix = new Map<string, number>();
    const misses: string[] = [];
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    for (const { text, label, note } of cases) {
      const { tone, findings } = analyzeFeedback(text);
      assert.equal(findings.length > 0, tone === 'directive', text);
      matrix.set(`${label}>${tone}`, (matrix.get(`${label}>${tone}`) ?? 0) + 1);
      if (tone !== label) misses.push(`[${label} -> ${tone}] ${JSON.stringify(text)} (${note})`);
      if (tone === 'directive' && label === 'directive') truePositive++;
      else if (tone === 'directive') falsePositive++;
      else if (label === 'directive') falseNegative++;
    }
    const precision = truePositive / Math.max(1, truePositive + falsePositive);
    const recall = truePositive / Math.max(1, truePositive + falseNegative);
    const exact = (cases.length - misses.length) / cases.length;
    console.log(`      fitted fixtures: n=${cases.length} exact ${exact.toFixed(3)} directive precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`);
    for (const miss of misses) console.log(`        miss ${miss}`);
    assert.ok(exact >= 0.97, `exact ${exact.toFixed(3)}`);
    assert.ok(precision >= 0.97, `precision ${precision.toFixed(3)}`);
    assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}`);
  });
});

describe('tone: findings', () => {
  const flagged = (text: string, options?: Parameters<typeof analyzeFeedback>[1]) => {
    const result = analyzeFeedback(text, options);
    return result.findings.map((finding) => ({ rule: finding.ruleId, text: text.slice(finding.start, finding.end) }));
  };

  it('points at the words that triggered each finding', () => {
    assert.deepEqual(flagged('Rename this to fooBar.'), [{ rule: 'imperative', text: 'Rename' }]);
    assert.deepEqual(flagged('Please add a test.'), [{ rule: 'polite-imperative', text: 'Please add' }]);
    assert.deepEqual(flagged('You should add a test.'), [{ rule: 'you-must', text: 'You should' }]);
    assert.deepEqual(flagged('We need to bump the version.'), [{ rule: 'we-must', text: 'We need' }]);
    assert.deepEqual(flagged("Don't use `any` here."), [{ rule: 'prohibition', text: "Don't" }]);
    assert.deepEqual(flagged("Why didn't you use the helper?"), [{ rule: 'accusing-why', text: "Why didn't you" }]);
    assert.deepEqual(flagged('Can you split this?'), [{ rule: 'request-question', text: 'Can you split' }]);
    assert.deepEqual(flagged('Missing Signed-off-by'), [{ rule: 'defect-label', text: 'Missing Signed-off-by' }]);
    assert.deepEqual(flagged('nit: s/teh/the/'), [{ rule: 'replacement', text: 's/teh/the/' }]);
    assert.deepEqual(flagged('This is wrong.'), [{ rule: 'verdict', text: 'wrong' }]);
    assert.deepEqual(flagged('This should be `static`.'), [{ rule: 'requirement', text: 'should' }]);
    assert.deepEqual(flagged("I'd like to see a test."), [{ rule: 'wish', text: "I'd like" }]);
    assert.deepEqual(flagged('Style is camelCase.'), [{ rule: 'right-way', text: 'Style is' }]);
    assert.deepEqual(flagged('NAK'), [{ rule: 'rejection', text: 'NAK' }]);
    assert.deepEqual(flagged('suggestion (blocking): rename this'), [
      { rule: 'blocking', text: 'blocking' },
      { rule: 'imperative', text: 'rename' },
    ]);
  });

  it('keeps offsets right after quotes, code, links and non-ASCII text', () => {
    const text = '> Please add a test.\n\nSee https://example.com/please-fix, `please()` — «ok» 👍 then:\n\nRename `x` to `y`.';
    const result = analyzeFeedback(text);
    assert.equal(result.tone, 'directive');
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(text.slice(finding.start, finding.end), 'Rename');
    assert.equal(finding.start, text.lastIndexOf('Rename'));
    assert.equal(text.slice(finding.replace.start, finding.replace.end), 'Rename `x` to `y`.');
  });

  it('gives every finding a message, one or two suggestions and a replace range inside the text', () => {
    for (const { text } of cases) {
      for (const finding of analyzeFeedback(text).findings) {
        const rule = TONE_RULES.find((candidate) => candidate.id === finding.ruleId);
        assert.ok(rule, finding.ruleId);
        assert.equal(finding.message, rule.message);
        assert.ok(finding.suggestions.length <= 2, text);
        assert.ok(0 <= finding.start && finding.start < finding.end && finding.end <= text.length, text);
        assert.ok(0 <= finding.replace.start && finding.replace.start < finding.replace.end && finding.replace.end <= text.length, text);
        assert.ok(text.slice(finding.start, finding.end).trim().length > 0, text);
      }
    }
  });

  it('keeps code spans and identifiers intact in every suggestion', () => {
    let checked = 0;
    for (const { text } of cases) {
      for (const finding of analyzeFeedback(text).findings) {
        if (finding.ruleId === 'rejection' || finding.ruleId === 'accusing-why' || finding.ruleId === 'blocking') continue;
        const original = text.slice(finding.replace.start, finding.replace.end);
        for (const piece of technicalContent(original)) {
          for (const suggestion of finding.suggestions) {
            if (finding.ruleId === 'replacement' && piece.startsWith('s/')) continue;
            assert.ok(suggestion.includes(piece), `${JSON.stringify(piece)} missing from ${JSON.stringify(suggestion)}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 40, `only ${checked} pieces checked`);
  });

  it('builds a rewrite once, when read, and spreads and clones it like plain data', () => {
    const [finding] = analyzeFeedback('Please add a test.').findings;
    assert.equal(finding.suggestions, finding.suggestions, 'built once');
    const spread = { ...finding };
    assert.ok(Object.getOwnPropertyDescriptor(spread, 'suggestions')?.value, 'a spread copy holds the value, not a getter');
    assert.deepEqual(structuredClone(finding), spread);
    assert.deepEqual(spread.suggestions, ['What if we add a test?', 'Could we add a test?']);
    assert.deepEqual(spread.replace, { start: 0, end: 18 });
  });

  it('serialises a finding whole, rewrites included', () => {
    const [finding] = analyzeFeedback('Rename this to fooBar.').findings;
    const json = JSON.parse(JSON.stringify(finding));
    assert.deepEqual(json, {
      ruleId: 'imperative',
      message: finding.message,
      start: 0,
      end: 6,
      suggestions: ['What if we rename this to fooBar?', 'Would it be clearer to rename this to fooBar?'],
      replace: { start: 0, end: 22 },
    });
  });
});

describe('tone: phrase triggers', () => {
  // Patterns run only where one of their first words starts a token, followed by a word that can come
  // second. On real comments that must find exactly what scanning the whole text finds.
  it('finds the same phrase matches as a scan of the whole text', function () {
    // Every real comment, each pattern scanned over it whole: generous, so a busy machine never fails it on time.
    this.timeout(60_000);
    const real = readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'real-comments.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const texts = [...cases.map((entry) => entry.text), ...cases.map((entry, index) => `${entry.text} ${cases[(index * 7) % cases.length].text}`), ...real];
    for (const text of texts) {
      const masked = maskIgnored(text).replace(/\u2019/g, "'");
      const positions = triggerPositions(tokenize(masked));
      SCANNED_PATTERNS.forEach((pattern, index) => {
        const scan = new RegExp(pattern.source, pattern.flags.replace('y', '') + 'g');
        const expected = [...masked.matchAll(scan)].map((match) => match.index);
        const found: number[] = [];
        let covered = -1;
        for (const start of positions[index] ?? []) {
          if (start < covered) continue;
          pattern.lastIndex = start;
          const match = pattern.exec(masked);
          if (!match) continue;
          found.push(start);
          covered = start + match[0].length;
        }
        assert.deepEqual(found, expected, `${pattern.source.slice(0, 40)}… in ${JSON.stringify(text)}`);
      });
    }
  });
});

describe('tone: what it ignores', () => {
  const quiet = (text: string) => {
    const result = analyzeFeedback(text);
    assert.notEqual(result.tone, 'directive', text);
    assert.deepEqual(result.findings, [], text);
  };

  it('ignores inline code', () => {
    quiet('`remove this`');
    quiet('`Please add a test`');
    quiet('Called from ``don`t()`` and `fix()`.');
  });

  it('ignores fenced code, closed or not', () => {
    quiet('```\nremove the lock\nPlease add a test\n```');
    quiet('~~~js\n// never do this\n~~~');
    quiet('Context:\n\n```suggestion\nreturn -EINVAL;\n```');
    quiet('```\nRename this to fooBar.');
  });

  it('ignores quoted lines, at any depth', () => {
    quiet('> Please add a test.');
    quiet('>> You should rename this.\n> Why?\n\nDone.');
    quiet('On Tue, Foo <foo@example.com> wrote:\n> NAK, this is wrong.\n\nRebased, v3 is out.');
  });

  it('ignores an earlier comment quoted in HTML, as review tools post it', () => {
    quiet('<details><summary><i>Previously, sam wrote…</i></summary><blockquote>\n\nWe should use this pattern.\n</blockquote></details>\n\nYes, that reads better.');
    quiet('<blockquote>Please add a test.');
    assert.equal(analyzeFeedback('<blockquote>Looks fine.</blockquote>\n\nPlease add a test.').tone, 'directive');
    quiet('<blockquote class="quote">Please add a test.</blockquote>\n\nThanks.');
    quiet('<blockquote>An earlier remark<blockquote>Fix it.</blockquote>Please add a test.</blockquote>\n\nOK.');
  });

  it('ignores URLs and e-mail addresses', () => {
    quiet('https://example.com/remove-this-please');
    quiet('See www.example.com/dont-do-this for the thread.');
    quiet('Reported-by: fix.this.now@example.com');
  });

  it('ignores a mail signature', () => {
    quiet('Thanks, applied.\n\n-- \nDon\'t reply to this address. Please use the list.');
  });

  it('still reads the text around ignored parts', () => {
    assert.equal(analyzeFeedback('> quoted\n\nPlease add a test for `foo()`.').tone, 'directive');
    assert.equal(analyzeFeedback('See https://example.com. Rename this.').tone, 'directive');
  });
});

describe('tone: options', () => {
  it('drops findings that overlap an allowed phrase, ignoring case', () => {
    assert.equal(analyzeFeedback('Missing Signed-off-by', { allow: ['missing SIGNED-OFF-BY'] }).tone, 'neutral');
    assert.equal(analyzeFeedback('Please run checkpatch.', { allow: ['please run checkpatch'] }).findings.length, 0);
    assert.equal(analyzeFeedback('Please add a test.', { allow: ['please'] }).findings.length, 0);
  });

  it('matches allowed phrases as whole words: allowing "please add" leaves "please address" flagged', () => {
    assert.equal(analyzeFeedback('Please address this.', { allow: ['please add'] }).tone, 'directive');
    assert.equal(analyzeFeedback('Please add a test.', { allow: ['please add'] }).findings.length, 0);
    assert.equal(analyzeFeedback('Dropping it is fine; drop the export.', { allow: ['drop'] }).findings.length, 0);
    assert.equal(analyzeFeedback('Drop the export.', { allow: ['dro'] }).tone, 'directive');
  });

  it('keeps findings that an allowed phrase does not touch', () => {
    const result = analyzeFeedback('Rename this. Also see checkpatch.', { allow: ['checkpatch'] });
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['imperative'],
    );
  });

  it('switches rules off by id, leaving the others on', () => {
    assert.notEqual(analyzeFeedback('Rename this.', { disabledRules: ['imperative'] }).tone, 'directive');
    const result = analyzeFeedback('Rename this. You should add a test.', { disabledRules: ['imperative'] });
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['you-must'],
    );
  });

  it('accepts empty and odd options', () => {
    assert.equal(analyzeFeedback('Rename this.', {}).tone, 'directive');
    assert.equal(analyzeFeedback('Rename this.', { allow: ['', '   '], disabledRules: ['no-such-rule'] }).tone, 'directive');
  });
});

describe('tone: Conventional Comments', () => {
  it('reads labels and decorations', () => {
    assert.deepEqual(parseConventionalPrefix('suggestion (non-blocking, ux): use a map'), {
      label: 'suggestion',
      decorations: ['non-blocking', 'ux'],
      start: 0,
      end: 'suggestion (non-blocking, ux): '.length,
    });
    assert.equal(parseConventionalPrefix('Nitpick: x')?.label, 'nitpick');
    assert.equal(parseConventionalPrefix('rename: x'), undefined);
    assert.equal(parseConventionalPrefix('no label here'), undefined);
  });

  it('treats non-blocking and if-minor as explicit optionality', () => {
    assert.equal(analyzeFeedback('suggestion (non-blocking): rename `tmp` to `buf`').tone, 'supportive');
    assert.equal(analyzeFeedback('nitpick (if-minor): drop the braces').tone, 'supportive');
    assert.equal(analyzeFeedback('issue (non-blocking): this is wrong when `n == 0`').tone, 'supportive');
  });

  it('treats blocking as not optional: a bare blocking order is flagged, and so is its command', () => {
    const result = analyzeFeedback('suggestion (blocking): rename this to `parseConfig`');
    assert.equal(result.tone, 'directive');
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['blocking', 'imperative'],
    );
  });

  it('agrees with "Say what blocks": a blocker that gives its risk or asks how to fix it is no fault', () => {
    for (const text of [
      'issue (blocking): the token ends up in the logs here. Could we mask it?',
      'issue (blocking): this leaks `buf` on the error path',
      'issue (blocking): this can lose data when the disk is full.',
      'suggestion (blocking): could we add a test?',
    ]) {
      const result = analyzeFeedback(text);
      assert.ok(!result.findings.some((finding) => finding.ruleId === 'blocking'), text);
      assert.notEqual(result.tone, 'directive', text);
    }
    // Blocking never makes an order optional: the order is still flagged, just not the decoration.
    assert.deepEqual(
      analyzeFeedback('issue (blocking): rename this, it leaks the handle').findings.map((finding) => finding.ruleId),
      ['imperative'],
    );
  });

  it('lets no label change the class by itself', () => {
    for (const label of ['nit', 'nitpick', 'suggestion', 'issue', 'todo', 'chore', 'note', 'thought', 'question']) {
      assert.equal(analyzeFeedback(`${label}: remove the debug print`).tone, 'directive', label);
      assert.equal(analyzeFeedback(`${label}: this runs once per request`).tone, 'neutral', label);
    }
    assert.equal(analyzeFeedback('praise: nice test coverage').tone, 'supportive');
  });

  it('adds a label for a quick fix, and the result reads as supportive', () => {
    const labelled = addConventionalLabel('Rename `tmp` to `buf`.', 'suggestion', ['non-blocking']);
    assert.equal(labelled, 'suggestion (non-blocking): Rename `tmp` to `buf`.');
    assert.equal(analyzeFeedback(labelled).tone, 'supportive');
  });

  it('replaces an existing label, merges decorations and keeps the indentation', () => {
    assert.equal(addConventionalLabel('nit: drop this', 'nitpick', ['non-blocking']), 'nitpick (non-blocking): drop this');
    assert.equal(addConventionalLabel('issue (blocking, security): x', 'issue', ['non-blocking']), 'issue (security, non-blocking): x');
    assert.equal(addConventionalLabel('  todo: x', 'chore'), '  chore: x');
    assert.equal(addConventionalLabel('', 'praise'), 'praise: ');
  });

  it('cleans decorations so they cannot break the prefix', () => {
    assert.equal(addConventionalLabel('x', 'note', ['a(b)', 'c:d', ' ', 'e,f']), 'note (a b, c d, e f): x');
    assert.equal(addConventionalLabel('x', 'bogus' as never), 'x');
  });
});

describe('tone: rules and docs', () => {
  it('lists each rule once, with a name, a one-line description and a message', () => {
    assert.equal(new Set(TONE_RULES.map((rule) => rule.id)).size, TONE_RULES.length);
    for (const rule of TONE_RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(rule.name && rule.description && rule.message, rule.id);
      assert.ok(!rule.description.includes('\n') && !rule.message.includes('\n'), rule.id);
    }
  });

  it('links every rule to the line of its heading on the rules page (the line the build found)', () => {
    const lines = readFileSync(path.join(root, 'docs', 'tone-rules.md'), 'utf8').split(/\r?\n/);
    for (const rule of TONE_RULES) {
      const line = toneRuleLine(rule.id);
      assert.ok(Number.isInteger(line) && line >= 1, `${rule.id}: no line`);
      assert.equal(lines[line - 1], `## ${rule.id}`, `${rule.id}: line ${line}`);
    }
  });

  it('documents every rule on the rules page, with an anchor, a directive example and a rewrite', () => {
    const docs = readFileSync(path.join(root, 'docs', 'tone-rules.md'), 'utf8');
    for (const rule of TONE_RULES) {
      const heading = `## ${rule.id}\n`;
      assert.ok(docs.includes(heading), `no heading for ${rule.id}`);
      assert.ok(docs.includes(`<a id="rule-${rule.id}"></a>`), `no anchor for ${rule.id}`);
      const section = docs.slice(docs.indexOf(heading)).split(/\n#{2,4} /)[0];
      assert.match(section, /Directive:/, rule.id);
      assert.match(section, /Supportive:/, rule.id);
      // The directive example really is flagged by this rule, and the rewrite is not flagged at all.
      const directive = /Directive: [“"](.+?)[”"]/.exec(section)?.[1];
      const supportive = /Supportive: [“"](.+?)[”"]/.exec(section)?.[1];
      assert.ok(directive && supportive, rule.id);
      assert.ok(analyzeFeedback(directive).findings.some((finding) => finding.ruleId === rule.id), `${rule.id}: ${directive}`);
      assert.notEqual(analyzeFeedback(supportive).tone, 'directive', `${rule.id}: ${supportive}`);
    }
  });
});

describe('tone: robustness', () => {
  it('handles empty, blank and punctuation-only text', () => {
    for (const text of ['', ' ', '\n\n\t', '...', '?', '>', '```', '`', '-- \n']) {
      const result = analyzeFeedback(text);
      assert.equal(result.tone, 'neutral', JSON.stringify(text));
      assert.deepEqual(result.findings, []);
    }
  });

  it('never throws on binary-looking input', () => {
    const binary = Array.from({ length: 4096 }, (_, index) => String.fromCharCode((index * 7919) % 65536)).join('');
    for (const text of [binary, '\u0000\u0001\u0002please\u0000', '\uD800\uDC00\uD800', '\uFFFF'.repeat(100), '\u202Eecalper\u202C']) {
      const result = analyzeFeedback(text);
      assert.ok(['directive', 'supportive', 'neutral'].includes(result.tone));
    }
    assert.equal(analyzeFeedback(undefined as unknown as string).tone, 'neutral');
  });

  it('analyses only the first MAX_ANALYZED_LENGTH characters of a 1 MB comment', () => {
    const text = 'Looks fine. '.repeat(Math.ceil(1_000_000 / 12)) + 'Rename this.';
    const result = analyzeFeedback(text);
    assert.equal(result.truncated, true);
    assert.equal(result.tone, 'supportive', 'the command after the cap is not read');
    assert.equal(analyzeFeedback('Rename this. ' + 'x'.repeat(MAX_ANALYZED_LENGTH)).tone, 'directive');
  });

  it('never throws and keeps offsets in range on arbitrary text (property)', function () {
    this.timeout(60_000);
    const pieces = fc.constantFrom('Please ', 'rename ', 'this', ' `x` ', '> ', '\n', '```', 'http://a.b/c ', "don't ", 'why ', '?', '. ', 'nit: ', 's/a/b/', ' -> ', '@', '(blocking)', 'suggestion', ':', ', ', 'I would ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''))), (text) => {
        const result = analyzeFeedback(text);
        assert.equal(result.findings.length > 0, result.tone === 'directive');
        for (const finding of result.findings) {
          assert.ok(0 <= finding.start && finding.start < finding.end && finding.end <= text.length);
          assert.ok(0 <= finding.replace.start && finding.replace.start <= finding.replace.end && finding.replace.end <= text.length);
          assert.ok(finding.suggestions.length <= 2);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('tone: hostile input', () => {
  // How long hostile input takes is measured by `npm run bench` (bench/hostile.mjs), not timed here.
  it('has no regular expression that recheck finds vulnerable to ReDoS', function () {
    this.timeout(120_000);
    let checkSync: (source: string, flags: string, params?: Record<string, unknown>) => { status: string; complexity?: { summary: string } };
    try {
      ({ checkSync } = createRequire(path.join(root, 'package.json'))('recheck'));
    } catch {
      this.skip();
      return;
    }
    const patterns = [...CUE_PATTERNS, ...MASK_PATTERNS];
    for (const pattern of patterns) {
      // A top-level alternation costs the sum of its branches at each position, so each branch is checked on its own.
      for (const branch of topLevelBranches(pattern.source)) {
        const result = checkSync(branch, pattern.flags.replace(/[gy]/g, ''), { checker: 'automaton', timeout: 20_000 });
        assert.equal(result.status, 'safe', `${branch} (${result.complexity?.summary ?? 'no verdict'})`);
      }
    }
  });
});

describe('markdownParagraphs', () => {
  const pieces = (text: string) => markdownParagraphs(text).map(({ start, end }) => text.slice(start, end).trim());

  it('splits on blank lines', () => {
    assert.deepEqual(pieces('one\ntwo\n\nthree\n\n\nfour'), ['one\ntwo', 'three', 'four']);
  });

  it('keeps a fenced block with blank lines in one piece, so its code stays masked', () => {
    const text = 'Looks good.\n\n```ts\nconst x = 1;\n\nRemove this line.\n```\n\nThanks!';
    assert.deepEqual(pieces(text), ['Looks good.', '```ts\nconst x = 1;\n\nRemove this line.\n```', 'Thanks!']);
    for (const { start, end } of markdownParagraphs(text)) assert.deepEqual(analyzeFeedback(text.slice(start, end)).findings, []);
  });

  it('closes a fence only with the same character, at least as long', () => {
    assert.deepEqual(pieces('~~~~\na\n\n```\n\nb\n~~~~\n\nc'), ['~~~~\na\n\n```\n\nb\n~~~~', 'c']);
  });

  it('handles CRLF, blank-only text and offsets', () => {
    const text = 'a\r\n\r\nb';
    assert.deepEqual(pieces(text), ['a', 'b']);
    assert.deepEqual(markdownParagraphs(' \n\n \t'), []);
    assert.equal(text.slice(markdownParagraphs(text)[1].start), 'b');
  });
});
