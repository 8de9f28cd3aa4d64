import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCard } from '../../src/core/content/content';
import { fieldLine, readFrontMatter } from '../../src/core/content/front-matter';
import { parseTemplate } from '../../src/core/retro/template';
import { cardFile } from './fixtures';

/** Nine levels of nine aliases each: 9^9 (387 million) "lol"s for whatever walks the value. */
function billionLaughs(): string[] {
  const names = 'abcdefghi';
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < names.length; level++) {
    const previous = `*${names[level - 1]}`;
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(previous).join(', ')}]`);
  }
  return lines;
}

function read(text: string) {
  const result = readFrontMatter(text);
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

function failure(text: string) {
  const result = readFrontMatter(text);
  assert.equal(result.ok, false, 'expected the front matter to be refused');
  return result.ok ? assert.fail() : result;
}

/** Runs `work` and fails if it took longer than `ms`: a hang shows up as a failure, not a frozen host. */
function quickly<T>(ms: number, work: () => T): T {
  const started = performance.now();
  const result = work();
  const took = performance.now() - started;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
  return result;
}

describe('readFrontMatter', () => {
  it('splits the fields from the body and says where the body begins', () => {
    const result = read('---\nid: a\ntags: [x, y]\n---\n\n\nFirst line.\nSecond.\n');
    assert.deepEqual(result.attributes, { id: 'a', tags: ['x', 'y'] });
    assert.equal(result.body, 'First line.\nSecond.\n');
    assert.equal(result.bodyBegin, 7);
  });

  it('accepts "..." as the closing line, and trailing spaces on either marker', () => {
    assert.deepEqual(read('--- \nid: a\n... \nBody').attributes, { id: 'a' });
    assert.equal(read('---\nid: a\n---\t\nBody').body, 'Body');
  });

  it('reads an empty block as no fields', () => {
    assert.deepEqual(read('---\n---\nBody').attributes, {});
    assert.deepEqual(read('---\n# only a comment\n---\nBody').attributes, {});
  });

  it('refuses a block that is not a set of fields', () => {
    for (const block of ['- a\n- b', 'just text', '42']) {
      assert.match(failure(`---\n${block}\n---\nBody`).message, /must be a set of "key: value" lines/, block);
    }
  });

  it('reports invalid YAML at its line in the file, counting blank lines at the top of the block', () => {
    const result = failure('---\n\n\nid: a\ntags: [x, y\nkind: tip\n---\nBody');
    assert.match(result.message, /not valid YAML/);
    assert.ok(result.line >= 5 && result.line <= 7, `line ${result.line}`);
  });

  it('refuses a key given twice, at the second one', () => {
    const result = failure('---\nid: a\ntitle: One\nid: b\n---\nBody');
    assert.match(result.message, /not valid YAML: duplicated mapping key/);
    assert.equal(result.line, 4);
  });

  it('keeps a date-like, a yes/no-like or a number-like word as written where it is text', () => {
    const { attributes } = read('---\ntitle: 2024-01-01\nsummary: no\nid: yes\nquestion: "0o17"\norder: 12\n---\nBody');
    assert.deepEqual(attributes, { title: '2024-01-01', summary: 'no', id: 'yes', question: '0o17', order: 12 });
  });

  it('runs no tags: code, binary, sets and custom tags are refused', () => {
    for (const value of ['!!js/function "function () { return 1 }"', '!!js/regexp /x/', '!!binary aGk=', '!!set {a, b}', '!mine x', '!!timestamp 2024-01-01']) {
      assert.match(failure(`---\nid: ${value}\n---\nBody`).message, /not valid YAML/, value);
    }
  });

  it('keeps "__proto__" an ordinary key: nothing is polluted', () => {
    const { attributes } = read('---\n__proto__: {polluted: true}\nid: a\n---\nBody');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(attributes), Object.prototype);
    assert.deepEqual(Object.keys(attributes), ['__proto__', 'id']);
  });

  it('refuses a billion-laughs block quickly, wherever the aliases point', () => {
    for (const field of ['id: *i', 'tags: *i', 'extra: *i', 'id: x']) {
      const result = quickly(1000, () => readFrontMatter(['---', ...billionLaughs(), field, '---', 'Body'].join('\n')));
      assert.equal(result.ok, false, field);
      assert.match(result.ok ? '' : result.message, /YAML alias/);
    }
  });

  it('refuses an alias that refers to itself', () => {
    assert.equal(quickly(1000, () => readFrontMatter('---\na: &x [*x]\nid: *x\n---\nBody')).ok, false);
  });

  it('refuses very deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    assert.match(quickly(1000, () => failure(`---\nid: ${deep}\n---\nBody`)).message, /not valid YAML/);
  });

  it('keeps a few plain aliases, as YAML allows', () => {
    assert.deepEqual(read('---\ntitle: &t Pair up\nsummary: *t\n---\nBody').attributes, { title: 'Pair up', summary: 'Pair up' });
  });

  it('never throws, and answers a 256 KB block quickly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (yaml) => {
        const result = readFrontMatter(`---\n${yaml}\n---\nBody`);
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 300, seed: 42 },
    );
    const big = Array.from({ length: 12_000 }, (_, i) => `k${i}: &a${i} [${i}, "x"]`).join('\n');
    assert.ok(big.length > 256 * 1024);
    quickly(3000, () => readFrontMatter(`---\n${big}\n---\nBody`));
  });
});

describe('fieldLine', () => {
  it('finds a top-level key, and says 1 when it is absent', () => {
    const source = '---\nid: a\n  title: nested\ntitle: top\n---\ntitle: body';
    assert.equal(fieldLine(source, 'title'), 4);
    assert.equal(fieldLine(source, 'summary'), 1);
  });
});

describe('hostile front matter in cards and templates', () => {
  it('turns a billion-laughs id into a problem, not a frozen host', () => {
    const card = quickly(1000, () => parseCard(['---', ...billionLaughs(), 'id: *i', 'kind: tip', 'title: T', '---', 'Body'].join('\n'), 'bomb.md', 'team'));
    assert.equal(card.ok, false);
    const template = quickly(1000, () => parseTemplate(['---', ...billionLaughs(), 'id: *i', 'title: T', 'description: D', 'whenToUse: W', '---', '# T'].join('\n'), 'bomb.md', 'team'));
    assert.equal(template.ok, false);
  });

  it('reads a card whose title looks like a date as text', () => {
    const result = parseCard(cardFile({ title: '2024-01-01' }), 'x.md');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.card.title, '2024-01-01');
  });
});
