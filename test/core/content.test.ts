import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCards, parseCard } from '../../src/core/content/content';
import { firstSentence, splitBody } from '../../src/core/content/card-body';
import { DEFAULT_QUESTION, TEAM_CARD_DEFAULT_ORDER } from '../../src/core/content/team-card';
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
    it(`rejects a built-in card missing "${field}"`, () => {
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

describe('parseCard: a team card needs only id, kind, title and a body', () => {
  const OPTIONAL = { summary: '<omit>', tags: '<omit>', order: '<omit>', question: '<omit>' };
  const body = 'Rotate who *runs* the [standup](https://example.com). Everyone gets a turn.\n\n## In a software team\nMondays.';

  function teamCard(text: string) {
    const result = parseCard(text, 'ours.md', 'team');
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    return result;
  }

  it('fills in the rest with defaults, and hints at each field it filled in', () => {
    const { card, hints } = teamCard(cardFile(OPTIONAL, body));
    assert.equal(card.summary, 'Rotate who runs the standup.');
    assert.deepEqual(card.tags, []);
    assert.equal(card.order, TEAM_CARD_DEFAULT_ORDER);
    assert.equal(card.question, DEFAULT_QUESTION.message);
    assert.deepEqual(
      hints.map(({ file, line, message, severity }) => ({ file, line, message, severity })),
      [
        { file: 'ours.md', line: 1, message: 'No "summary": the card shows the first sentence of its text.', severity: 'hint' },
        { file: 'ours.md', line: 1, message: 'No "tags": search finds the card by its title and text.', severity: 'hint' },
        { file: 'ours.md', line: 1, message: 'No "order": the card comes after the built-in cards of its kind.', severity: 'hint' },
        { file: 'ours.md', line: 1, message: 'No "question": the card asks a general question to reflect on.', severity: 'hint' },
      ],
    );
  });

  it('treats an empty value like a missing one', () => {
    const { card, hints } = teamCard(cardFile({ summary: '""', tags: '', order: '~', question: '' }, body));
    assert.equal(card.summary, 'Rotate who runs the standup.');
    assert.equal(hints.length, 4);
  });

  it('gives a complete team card no hints', () => {
    assert.deepEqual(teamCard(cardFile()).hints, []);
  });

  it('puts a team card without "order" after every built-in card of its kind', () => {
    const shippedOrders = readdirSync('content', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => [...readFileSync(path.join('content', file), 'utf8').matchAll(/^order: (\d+)$/gm)].map((match) => Number(match[1])));
    assert.ok(shippedOrders.length > 20);
    assert.ok(Math.max(...shippedOrders) < TEAM_CARD_DEFAULT_ORDER);
  });

  it('still refuses a team card without id, kind, title or body', () => {
    for (const field of ['id', 'kind', 'title']) {
      const result = parseCard(cardFile({ ...OPTIONAL, [field]: '<omit>' }, body), 'ours.md', 'team');
      assert.equal(result.ok, false, field);
      assert.ok(!result.ok && result.problems.some((problem) => problem.message === `The front matter is missing "${field}".`), field);
      assert.ok(!result.ok && result.problems.every((problem) => problem.severity !== 'hint'), field);
    }
    const bodiless = parseCard(cardFile(OPTIONAL, ''), 'ours.md', 'team');
    assert.ok(!bodiless.ok && /no text below/.test(bodiless.problems[0].message));
  });

  it('still refuses a field that is there but wrong', () => {
    for (const [field, value] of [['order', 'first'], ['tags', 'review'], ['summary', '[a, b]'], ['question', '{a: 1}']]) {
      const result = parseCard(cardFile({ ...OPTIONAL, [field]: value }, body), 'ours.md', 'team');
      assert.equal(result.ok, false, field);
    }
  });

  it('lets a team review prompt leave out its label and example, with a label from its title', () => {
    const short = teamCard(cardFile({ ...OPTIONAL, kind: 'prompt', title: 'Ask first' }, body));
    assert.equal(short.card.label, 'Ask first');
    assert.equal(short.card.directive, undefined);
    assert.equal(short.card.supportive, undefined);
    const messages = short.hints.map((hint) => hint.message);
    assert.ok(messages.includes('No "label": the status bar shows "Ask first".'), JSON.stringify(messages));
    assert.ok(messages.includes('No "directive" and "supportive": the prompt shows no example of a rewrite.'), JSON.stringify(messages));

    const long = teamCard(cardFile({ kind: 'prompt', title: 'Question the code, never the person who wrote it' }, body));
    assert.equal(long.card.label, 'Question the code…');
    assert.ok(long.card.label!.length <= 24);
  });

  it('hints when a prompt has only one half of its example', () => {
    const { card, hints } = teamCard(cardFile({ kind: 'prompt', label: 'Ask', directive: '"Do it."' }, body));
    assert.equal(card.directive, 'Do it.');
    assert.deepEqual(hints.map((hint) => hint.message), ['The example of a rewrite shows only with both "directive" and "supportive"; "supportive" is missing.']);
  });

  it('ignores prompt fields on a card of another kind, whatever their type', () => {
    const result = parseCard(cardFile({ label: '5', directive: '[a, b]', supportive: '{a: 1}' }), 'ours.md', 'team');
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual([result.card.label, result.card.directive, result.card.supportive], [undefined, undefined, undefined]);
  });

  it('keeps built-in review prompts strict', () => {
    assert.equal(parseCard(cardFile({ kind: 'prompt' }), 'x.md', 'builtin').ok, false);
  });

  it('uses the question it is given for a card without one, e.g. in VS Code\'s display language', () => {
    const result = parseCard(cardFile(OPTIONAL, body), 'ours.md', 'team', { question: 'Wo zeigt sich das in eurem Team?' });
    assert.ok(result.ok);
    assert.equal(result.card.question, 'Wo zeigt sich das in eurem Team?');
  });
});

describe('firstSentence', () => {
  it('takes the first sentence of the first paragraph, as plain text', () => {
    assert.equal(firstSentence('Pair on **risky** changes. Then merge.'), 'Pair on risky changes.');
    assert.equal(firstSentence('# A heading\n\nSee [the guide](https://x.invalid) and `npm test`! More.'), 'See the guide and npm test!');
    assert.equal(firstSentence('> Quoted, over\n> two lines? Yes.'), 'Quoted, over two lines?');
    assert.equal(firstSentence('- a list item. Next.'), 'a list item.');
    assert.equal(firstSentence('```\ncode. here.\n```\n\nAfter the code.'), 'After the code.');
    assert.equal(firstSentence('![a picture](x.png) Shows it.'), 'a picture Shows it.');
    assert.equal(firstSentence('snake_case_name stays. Yes.'), 'snake_case_name stays.');
    assert.equal(firstSentence('<b>Bold</b> text ends "here." Next'), 'Bold text ends "here."');
  });

  it('keeps a paragraph without a full stop whole, and shortens a long one at a word', () => {
    assert.equal(firstSentence('No full stop here'), 'No full stop here');
    const long = firstSentence(`${'word '.repeat(60)}end.`);
    assert.ok(long.length <= 160, `${long.length}`);
    assert.match(long, /^word word .*word…$/);
  });

  it('falls back to the first heading, then to nothing', () => {
    assert.equal(firstSentence('## Only a heading'), 'Only a heading');
    assert.equal(firstSentence('```\ncode\n```'), '');
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

  it('gives a card refused for a taken id only that error, not the hints of a card that loaded', () => {
    const minimal = '---\nid: minimal\nkind: tip\ntitle: Minimal\n---\nJust this.\n';
    const { cards, problems } = loadCards([{ file: 'a.md', text: minimal }, { file: 'b.md', text: minimal }], 'team');
    assert.equal(cards.length, 1);
    assert.deepEqual(
      problems.filter((problem) => problem.file === 'b.md').map((problem) => [problem.severity ?? 'error', problem.message]),
      [['error', 'The id "minimal" is already used by a.md.']],
    );
  });

  it('loads a minimal team card and reports its hints beside other files\' problems', () => {
    const minimal = '---\nid: minimal\nkind: tip\ntitle: Minimal\n---\nJust this.\n';
    const { cards, problems } = loadCards([{ file: 'a.md', text: minimal }, { file: 'b.md', text: 'no front matter' }], 'team');
    assert.deepEqual(cards.map((card) => [card.id, card.summary]), [['minimal', 'Just this.']]);
    assert.deepEqual(problems.map((problem) => [problem.file, problem.severity ?? 'error']), [
      ['a.md', 'hint'],
      ['a.md', 'hint'],
      ['a.md', 'hint'],
      ['a.md', 'hint'],
      ['b.md', 'error'],
    ]);
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
