import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCard } from '../../src/core/content/content';
import { DEFAULT_QUESTION, ENGLISH_TEAM_CARD_TEXTS, MAX_TITLE_LENGTH, promptLabel, teamCardFile, titleProblem } from '../../src/core/content/team-card';
import { CARD_KINDS } from '../../src/core/types';

describe('a new team card file', () => {
  const write = (kind: (typeof CARD_KINDS)[number], title: string) => teamCardFile({ id: 'our-card', kind, title }, ENGLISH_TEAM_CARD_TEXTS, DEFAULT_QUESTION.message);

  for (const kind of CARD_KINDS) {
    it(`is a complete ${kind}: it loads with no problems and no hints, even under the built-in rules`, () => {
      const text = write(kind, 'Pair on the risky changes');
      const team = parseCard(text, 'our-card.md', 'team');
      assert.ok(team.ok, JSON.stringify(!team.ok && team.problems));
      assert.deepEqual(team.hints, []);
      assert.equal(team.card.id, 'our-card');
      assert.equal(team.card.kind, kind);
      assert.equal(team.card.title, 'Pair on the risky changes');
      assert.equal(team.card.question, DEFAULT_QUESTION.message);
      assert.match(team.card.body, /^## In a software team$/m);
      assert.ok(parseCard(text, 'our-card.md', 'builtin').ok, 'every field is written');
    });
  }

  it('gives a review prompt a label that fits the status bar', () => {
    const result = parseCard(write('prompt', 'Question the code, never the person who wrote it'), 'x.md', 'team');
    assert.ok(result.ok);
    assert.equal(result.card.label, 'Question the code…');
    assert.ok(result.card.directive && result.card.supportive);
  });

  it('keeps any title as written, whatever YAML would make of it', () => {
    for (const title of ['Ask: don\'t tell', '# not a comment', '- not a list', 'yes', '2024-01-01', '"quoted"', '*alias', '&anchor', '!tag', '{a: 1}', 'back\\slash', 'line\u2028separator', 'c1\u0085char', '\uFFFE']) {
      const result = parseCard(write('tip', title), 'x.md', 'team');
      assert.ok(result.ok, `${JSON.stringify(title)}: ${JSON.stringify(!result.ok && result.problems)}`);
      assert.equal(result.card.title, title.trim(), JSON.stringify(title));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((title) => title.trim() !== ''), (title) => {
        const result = parseCard(write('prompt', title), 'x.md', 'team');
        assert.ok(result.ok, JSON.stringify(title));
        assert.equal(result.card.title, title.trim());
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('a new team card file, named after its title', () => {
  it('keeps an id that YAML would read as a number, a boolean or null as text, so the card loads', () => {
    for (const id of ['2024', '42', 'true', 'null', '0x1f', '1e3', 'no']) {
      const result = parseCard(teamCardFile({ id, kind: 'tip', title: id }, ENGLISH_TEAM_CARD_TEXTS, DEFAULT_QUESTION.message), `${id}.md`, 'team');
      assert.ok(result.ok, `${id}: ${JSON.stringify(!result.ok && result.problems)}`);
      assert.equal(result.card.id, id);
    }
  });
});

describe('titleProblem', () => {
  it('accepts a title of one line, up to the limit', () => {
    assert.equal(titleProblem('Pair on the risky changes'), undefined);
    assert.equal(titleProblem(` ${'x'.repeat(MAX_TITLE_LENGTH)} `), undefined);
  });

  it('says what is wrong with an empty, long or multi-line title', () => {
    assert.match(titleProblem('   ')!.message, /Give the card a title/);
    assert.match(titleProblem('x'.repeat(MAX_TITLE_LENGTH + 1))!.message, /Keep the title to 100 characters/);
    assert.match(titleProblem('two\nlines')!.message, /one line/);
    assert.match(titleProblem('a\tb')!.message, /one line/);
  });
});

describe('promptLabel', () => {
  it('keeps a short title and cuts a long one at a word', () => {
    assert.equal(promptLabel('Ask first'), 'Ask first');
    assert.equal(promptLabel('x'.repeat(24)), 'x'.repeat(24));
    assert.equal(promptLabel('Supercalifragilisticexpialidocious'), `${'Supercalifragilisticexpialidocious'.slice(0, 23)}…`);
    assert.equal(promptLabel('Speak for yourself, not for the team'), 'Speak for yourself, not…');
  });
});
