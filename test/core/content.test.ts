import * as assert from 'node:assert/strict';
import { loadCards, parseCard } from '../../src/core/content/content';
import { splitBody } from '../../src/core/content/card-body';
import type { ContentProblem } from '../../src/core/types';
import { cardFile } from './fixtures';

/** Where and what, in English; the template and values for translation are checked on their own below. */
const plain = ({ file, line, message }: ContentProblem) => ({ file, line, message });

function problemsOf(text: string) {
  const result = parseCard(text, 'x.md');
  assert.equal(result.ok, false, 'expected the file to be rejected');
  return result.ok ? [] : result.problems.map(plain);
}

describe('parseCard', () => {
  it('reads every field of a valid card', () => {
    const result = parseCard(cardFile(), 'tips/sample-card.md', 'team');
    assert.ok(result.ok);
    assert.deepEqual(
      { ...result.card },
      {
        id: 'sample-card',
        kind: 'tip',
        title: 'Sample card',
        summary: 'A card used in tests.',
        tags: ['review', 'planning'],
        order: 10,
        question: 'What would you do?',
        body: 'Explain the idea.\n\n## In a software team\nA scene from a review.',
        label: undefined,
        directive: undefined,
        supportive: undefined,
        try: undefined,
        origin: 'team',
        file: 'tips/sample-card.md',
      },
    );
  });

  for (const field of ['id', 'kind', 'title', 'summary', 'tags', 'order', 'question']) {
    it(`rejects a card missing "${field}"`, () => {
      const problems = problemsOf(cardFile({ [field]: '<omit>' }));
      assert.ok(problems.some((problem) => problem.message.includes(`missing "${field}"`)), JSON.stringify(problems));
    });
  }

  it('rejects a title, summary or question that is only blanks, as missing (found by fuzzing)', () => {
    for (const blank of ['" "', '"\\t"', '"\\u00a0"']) {
      const problems = problemsOf(cardFile({ title: blank, summary: blank, question: blank }));
      assert.deepEqual(problems.map((problem) => problem.message), ['title', 'summary', 'question'].map((field) => `The front matter is missing "${field}".`));
    }
  });

  it('rejects a file without front matter, on line 1', () => {
    assert.deepEqual(problemsOf('# Just markdown\n'), [
      { file: 'x.md', line: 1, message: 'The file must start with a front-matter block between two "---" lines.' },
    ]);
  });

  it('rejects an unclosed front-matter block', () => {
    const [problem] = problemsOf('---\nid: a\nkind: tip\n');
    assert.match(problem.message, /not (closed|valid)/);
  });

  it('reports invalid YAML with the line it is on', () => {
    const text = cardFile({ summary: '"unterminated' });
    const [problem] = problemsOf(text);
    assert.match(problem.message, /not valid YAML/);
    assert.ok(problem.line >= 2 && problem.line <= 9, `line ${problem.line}`);
  });

  it('points a bad field at its own line', () => {
    const problems = problemsOf(cardFile({ kind: 'essay' }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].message, /"kind" must be one of concept, comparison, tip, prompt/);
  });

  it('rejects ids that are not kebab-case', () => {
    for (const id of ['Sample', 'two words', 'trailing-', '"a_b"', '12.5']) {
      assert.ok(problemsOf(cardFile({ id })).some((problem) => problem.message.includes('kebab-case')), id);
    }
  });

  it('rejects tags that are not a list of words', () => {
    for (const tags of ['review', '[review, null]', '[1, 2]', '[" "]']) {
      assert.ok(problemsOf(cardFile({ tags })).some((problem) => problem.message.includes('"tags"')), tags);
    }
  });

  it('rejects a non-numeric order and non-text title', () => {
    assert.ok(problemsOf(cardFile({ order: 'first' })).some((p) => p.message.includes('"order"')));
    assert.ok(problemsOf(cardFile({ title: '[a, b]' })).some((p) => p.message.includes('"title" must be text')));
  });

  it('requires label, directive and supportive on review prompts', () => {
    const problems = problemsOf(cardFile({ kind: 'prompt' }));
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['A review prompt needs "label" as text.', 'A review prompt needs "directive" as text.', 'A review prompt needs "supportive" as text.'],
    );
  });

  it('keeps prompt labels short enough for the status bar', () => {
    const prompt = { kind: 'prompt', directive: '"Do it."', supportive: '"Could we do it?"' };
    assert.ok(parseCard(cardFile({ ...prompt, label: '"Ask, don\'t tell"' }), 'x.md').ok);
    const problems = problemsOf(cardFile({ ...prompt, label: '"A label far too long for the status bar"' }));
    assert.match(problems[0].message, /at most 24 characters/);
  });

  it('reads the optional "try" step, and says when it is not text', () => {
    const result = parseCard(cardFile({ try: '"  In your next planning meeting, ask the newest person to present the risks.  "' }), 'x.md');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.card.try, 'In your next planning meeting, ask the newest person to present the risks.');
    const [problem] = problemsOf(cardFile({ try: '[one, two]' }));
    assert.deepEqual(problem, { file: 'x.md', line: 9, message: '"try" must be text.' });
  });

  it('rejects a card with no body', () => {
    const [problem] = problemsOf(cardFile({}, ''));
    assert.match(problem.message, /no text below/);
  });

  it('reads CRLF files and a byte-order mark', () => {
    const crlf = cardFile().replace(/\n/g, '\r\n');
    const result = parseCard(`\uFEFF${crlf}`, 'x.md');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.card.question, 'What would you do?');
    assert.ok(!result.card.body.includes('\r'));
  });

  it('reads a front matter whose opening "---" has trailing spaces, and no block further down (found by fuzzing)', () => {
    const result = parseCard(cardFile().replace(/^---\n/, '--- \t\n'), 'x.md');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.card.id, 'sample-card');
    // Two rules in the body enclose "key: value" lines: they stay body text.
    const ruled = parseCard(cardFile({}, 'Text.\n\n---\nid: other\n---\nMore.').replace(/^---\n/, '--- \n'), 'x.md');
    assert.ok(ruled.ok, JSON.stringify(ruled));
    assert.equal(ruled.card.id, 'sample-card');
    assert.match(ruled.card.body, /^id: other$/m);
  });

  it('does not run YAML tags that construct code', () => {
    const result = parseCard(cardFile({ title: '!!js/function "function () { return 1 }"' }), 'x.md');
    assert.equal(result.ok, false);
  });
});

describe('loadCards', () => {
  it('loads the valid files and reports the invalid ones', () => {
    const { cards, problems } = loadCards([
      { file: 'a.md', text: cardFile({ id: 'a' }) },
      { file: 'b.md', text: 'no front matter' },
      { file: 'c.md', text: cardFile({ id: 'c' }) },
    ]);
    assert.deepEqual(cards.map((card) => card.id), ['a', 'c']);
    assert.deepEqual(problems.map((problem) => problem.file), ['b.md']);
  });

  it('rejects a repeated id and names the first owner', () => {
    const { cards, problems } = loadCards([
      { file: 'a.md', text: cardFile({ id: 'same' }) },
      { file: 'b.md', text: cardFile({ id: 'same' }) },
    ]);
    assert.equal(cards.length, 1);
    assert.deepEqual(problems.map(plain), [{ file: 'b.md', line: 2, message: 'The id "same" is already used by a.md.' }]);
    // The message is also given as a template with its values, for the extension to translate.
    assert.deepEqual([problems[0].template, problems[0].values], ['The id "{0}" is already used by {1}.', ['same', 'a.md']]);
  });

  it('rejects ids reserved by other content', () => {
    const { problems } = loadCards([{ file: 'mine.md', text: cardFile({ id: 'shepherd' }) }], 'team', new Map([['shepherd', 'built-in content']]));
    assert.match(problems[0].message, /already used by built-in content/);
  });
});

describe('splitBody', () => {
  it('splits at the first second-level heading', () => {
    assert.deepEqual(splitBody('One.\nTwo.\n\n## In a software team\nScene.'), { explanation: 'One.\nTwo.', inPractice: 'Scene.' });
  });
  it('keeps a body without a heading whole', () => {
    assert.deepEqual(splitBody('  Only this.  '), { explanation: 'Only this.', inPractice: '' });
  });
});
