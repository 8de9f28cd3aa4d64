import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCards } from '../../src/core/content/content';
import { readFrontMatter } from '../../src/core/content/front-matter';
import { ContentLibrary } from '../../src/core/content/library';
import { createRenderer } from '../../src/core/sidebar/render';
import { analyzeFeedback } from '../../src/core/tone';

const root = process.cwd();
const contentFolder = path.join(root, 'content');
// Hashes of every 8-word run of the source article (scripts/hash-source-runs.mjs): the repository stands alone.
/** The cards translated into German (content/de/). */
const CARDS_IN_GERMAN = ['leading-from-behind', 'shepherd', 'servant-leadership', 'collective-genius', 'encourage-your-team', 'make-a-good-plan', 'lead-from-the-front-when-needed'];
const SOURCE_RUNS = path.join(root, 'test', 'fixtures', 'source-runs.json');

/** The English cards (folder = content/): not the templates, and not the translations in content/de/ and the like. */
function shippedFiles(folder = contentFolder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.parentPath.includes(`${path.sep}templates`))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(folder, file), text: readFileSync(file, 'utf8') };
    })
    .filter(({ file }) => !/^[a-z]{2}(?:-[a-z]{2,})?$/.test(file.split(path.sep)[0]));
}

const templateFiles = () =>
  readdirSync(path.join(contentFolder, 'templates')).map((name) => ({ name, text: readFileSync(path.join(contentFolder, 'templates', name), 'utf8') }));

describe('shipped content', () => {
  const { cards, problems } = loadCards(shippedFiles());
  const library = new ContentLibrary(cards);

  it('has no problems', () => {
    assert.deepEqual(problems, []);
  });

  it('writes every field in each card, leaving nothing to the defaults that team cards get', () => {
    for (const { file, text } of shippedFiles()) {
      const read = readFrontMatter(text);
      assert.ok(read.ok, file);
      const fields = ['id', 'kind', 'title', 'summary', 'tags', 'order', 'question', ...(read.attributes.kind === 'prompt' ? ['label', 'directive', 'supportive'] : [])];
      assert.deepEqual(fields.filter((field) => read.attributes[field] === undefined), [], file);
    }
    // The parser keeps built-in cards strict, so a shipped card without a field fails the build.
    assert.equal(loadCards([{ file: 'x.md', text: '---\nid: x\nkind: tip\ntitle: X\n---\nBody.\n' }], 'builtin').cards.length, 0);
  });

  it('has the stable ids that commands and tests use', () => {
    const expected = {
      concept: ['leading-from-behind', 'shepherd', 'servant-leadership'],
      comparison: ['front-vs-behind'],
      tip: ['encourage-your-team', 'make-a-good-plan', 'lead-from-the-front-when-needed'],
    };
    for (const [kind, ids] of Object.entries(expected)) {
      for (const id of ids) assert.equal(library.get(id)?.kind, kind, id);
    }
  });

  it('has at least 8 review prompts, each with a directive example and a supportive rewrite', () => {
    const prompts = library.ofKind('prompt');
    assert.ok(prompts.length >= 8, `${prompts.length} prompts`);
    for (const prompt of prompts) {
      assert.ok(prompt.label && prompt.directive && prompt.supportive, prompt.id);
      assert.notEqual(prompt.directive, prompt.supportive, prompt.id);
    }
  });

  it('gives every card an explanation, a software-team scene and a question', () => {
    for (const card of cards) {
      assert.match(card.body, /^## In a software team$/m, card.id);
      assert.match(card.question, /\?$/, card.id);
      assert.equal(path.basename(card.file, '.md'), card.id, 'file names match ids');
    }
  });

  it('ends every concept and tip, in English and in German, with a "Try this week" step', () => {
    const german = loadCards(shippedFiles(path.join(contentFolder, 'de')));
    assert.deepEqual(german.problems, []);
    assert.deepEqual(german.cards.map((card) => card.id).sort(), [...CARDS_IN_GERMAN].sort(), 'the translated cards');
    for (const card of [...cards, ...german.cards].filter((card) => card.kind === 'concept' || card.kind === 'tip')) {
      assert.ok(card.try && card.try.split(/\s+/).length >= 8, `${card.file}: "try" is missing or too short to be a concrete step`);
      assert.match(card.try, /[.!]$/, `${card.file}: "try" is one whole step`);
    }
  });

  it('gives every review prompt an example pair the tone check agrees with: the directive side flagged, the supportive side not', () => {
    for (const prompt of library.ofKind('prompt')) {
      const directive = analyzeFeedback(prompt.directive!);
      assert.equal(directive.tone, 'directive', `${prompt.id}: "${prompt.directive}" is not flagged`);
      assert.ok(directive.findings.length > 0, prompt.id);
      const supportive = analyzeFeedback(prompt.supportive!);
      assert.deepEqual(supportive.findings.map((finding) => finding.ruleId), [], `${prompt.id}: "${prompt.supportive}" is flagged`);
      assert.notEqual(supportive.tone, 'directive', prompt.id);
    }
  });

  it('has the review prompts that cover leading from the front, trust, focus and praise', () => {
    for (const id of ['review-from-the-front', 'approve-with-trust', 'one-comment-one-point', 'say-whats-good-first']) {
      assert.equal(library.get(id)?.kind, 'prompt', id);
    }
  });

  it('says calmly, in every note, under its title, that notes in a repository are not anonymous', () => {
    for (const { name, text } of templateFiles()) {
      const body = text.slice(text.indexOf('\n---', 3) + 4).trimStart();
      // An HTML comment: the writer sees it in the editor; the rendered note does not show it.
      assert.match(body, /^# .*\n<!-- [^\n]*not anonymous: git history shows who wrote what\. -->\n/, name);
    }
  });

  it('compares front and behind in a real table with three dimensions', () => {
    const html = createRenderer().render(library.get('front-vs-behind')!.body);
    const rows = html.match(/<tbody>([\s\S]*)<\/tbody>/)![1].match(/<tr>/g) ?? [];
    assert.equal(rows.length, 3);
    for (const dimension of ['Responsibilities', 'Management style', 'Work lives']) assert.ok(html.includes(dimension), dimension);
    assert.match(html, /<th>From the front<\/th>/);
    assert.match(html, /<th>From behind<\/th>/);
  });

  it('teaches the facts of the model', () => {
    const text = (id: string) => JSON.stringify(library.get(id)).toLowerCase();
    assert.match(text('leading-from-behind'), /linda hill/);
    assert.match(text('leading-from-behind'), /harvard business school/);
    assert.match(text('leading-from-behind'), /long walk to freedom/);
    assert.match(text('shepherd'), /mandela/);
    assert.match(text('encourage-your-team'), /collective genius/);
    assert.match(text('lead-from-the-front-when-needed'), /crisis|incident/);
    assert.match(text('servant-leadership'), /grow|development/);
    assert.match(text('servant-leadership'), /needs/);
  });
});

describe('originality', () => {
  const WINDOW = 8;
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

  const hashOf = (run: string) => createHash('sha256').update(run).digest('hex').slice(0, 16);

  it(`no run of ${WINDOW} words from the source article appears anywhere in the project`, function () {
    // It hashes every run of every tracked file: a few seconds on a busy machine.
    this.timeout(20_000);
    const source: { window: number; runs: string[] } = JSON.parse(readFileSync(SOURCE_RUNS, 'utf8'));
    assert.equal(source.window, WINDOW);
    assert.ok(source.runs.length > 500, `${source.runs.length} runs: the whole article is hashed`);
    const windows = new Set(source.runs);

    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(md|ts|mjs|js|json|css|html)$/.test(file) && existsSync(path.join(root, file)));
    assert.ok(tracked.length > 20, 'the scan sees the project');
    const copies: string[] = [];
    for (const file of tracked) {
      const fileWords = words(readFileSync(path.join(root, file), 'utf8'));
      for (let i = 0; i + WINDOW <= fileWords.length; i++) {
        const run = fileWords.slice(i, i + WINDOW).join(' ');
        if (windows.has(hashOf(run))) copies.push(`${file}: "${run}"`);
      }
    }
    assert.deepEqual(copies, []);
  });
});
