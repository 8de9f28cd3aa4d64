import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCard } from '../../src/core/content/content';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (...parts: string[]) => JSON.parse(readFileSync(path.join(root, ...parts), 'utf8')) as Record<string, string>;

/** What a translation must carry over unchanged: placeholders, codicons, `code` and setting ids. */
function fixedParts(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|\$\([\w-]+\)|`[^`]+`|\bleadFromBehind\.[\w.]+|command:[\w.]+/g)].map((match) => match[0]).sort();
}

const TRANSLATIONS = readdirSync(path.join(root, 'l10n'))
  .map((file) => /^bundle\.l10n\.([\w-]+)\.json$/.exec(file)?.[1])
  .filter((language): language is string => language !== undefined);

describe('localization', function () {
  this.timeout(120_000); // the l10n export takes about 10 s of CPU; a busy machine stretches it

  it('the English bundle holds every string the extension passes through vscode.l10n.t', () => {
    const current = execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n.mjs'), '--print'], { encoding: 'utf8' });
    assert.equal(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8'), current, 'run node scripts/l10n.mjs');
  });

  it('ships German, for the extension, its manifest and its cards', () => {
    assert.ok(TRANSLATIONS.includes('de'));
    assert.ok(existsSync(path.join(root, 'package.nls.de.json')));
  });

  for (const language of TRANSLATIONS) {
    it(`${language}: every runtime string is translated, with its placeholders, icons and code kept`, () => {
      const english = readJson('l10n', 'bundle.l10n.json');
      const translated = readJson('l10n', `bundle.l10n.${language}.json`);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
      for (const [key, value] of Object.entries(translated)) {
        assert.ok(typeof value === 'string' && value.trim(), key);
        assert.deepEqual(fixedParts(value), fixedParts(key), key);
      }
      // A copied bundle would pass the checks above: most strings must differ from the English.
      const same = Object.entries(translated).filter(([key, value]) => key === value).length;
      assert.ok(same <= Object.keys(english).length / 10, `${same} strings are still English`);
    });

    it(`${language}: every manifest string is translated`, () => {
      const english = readJson('package.nls.json');
      const translated = readJson(`package.nls.${language}.json`);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
      for (const [key, value] of Object.entries(translated)) {
        assert.ok(value.trim(), key);
        assert.deepEqual(fixedParts(value), fixedParts(english[key]), key);
      }
    });

    it(`${language}: translated cards keep the id, kind and order of an English card`, () => {
      const folder = path.join(root, 'content', language);
      const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
      for (const file of files) {
        const translated = parseCard(readFileSync(path.join(folder, file), 'utf8'), file);
        const english = parseCard(readFileSync(path.join(root, 'content', file), 'utf8'), file);
        assert.ok(translated.ok && english.ok, file);
        assert.deepEqual([translated.card.id, translated.card.kind, translated.card.order], [english.card.id, english.card.kind, english.card.order], file);
        assert.notEqual(translated.card.body, english.card.body, file);
      }
      // At least the three tips and the four concepts.
      const english = (kind: string) => readdirSync(path.join(root, 'content', kind)).map((file) => `${kind}/${file}`);
      for (const file of [...english('tips'), ...english('concepts')]) assert.ok(files.includes(file), `${language} lacks ${file}`);
    });
  }
});
