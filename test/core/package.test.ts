import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Relative targets of markdown links and images: what must resolve inside the installed extension. */
function relativeTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^(?:[a-z][\w+.-]*:|#)/i.test(target))
    .map((target) => target.split('#')[0]);
}

describe('the packaged extension', function () {
  this.timeout(60_000);
  let shipped: Set<string>;

  before(() => {
    // vsce lists what `vsce package` would put in the .vsix, after .vscodeignore.
    const listing = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    shipped = new Set(listing.split('\n').map((line) => line.trim()).filter(Boolean));
  });

  it('holds only what runs and what its pages show', () => {
    const unexpected = [...shipped].filter(
      (file) =>
        !/^(?:package(?:\.nls(?:\.[\w-]+)?)?\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(file) &&
        !/^(?:dist\/(?:extension\.js|web\/extension\.js|content(?:\.[\w-]+)?\.json|THIRD-PARTY-NOTICES\.md|lazy\/|snippets\/|webview\/)|media\/|l10n\/|docs\/[\w-]+\.(?:png|md)$)/.test(file),
    );
    assert.deepEqual(unexpected, []);
    assert.ok(![...shipped].some((file) => file.endsWith('.map')), 'no source maps');
  });

  it('ships every file that the README, the Changelog and the rules page link to', () => {
    for (const page of ['README.md', 'CHANGELOG.md', 'docs/tone-rules.md']) {
      assert.ok(shipped.has(page), page);
      const base = path.posix.dirname(page);
      for (const target of relativeTargets(readFileSync(path.join(root, page), 'utf8'))) {
        const file = path.posix.normalize(path.posix.join(base, target));
        assert.ok(shipped.has(file), `${page} links to ${target}, which is not in the package`);
      }
    }
  });

  it('ships every file that the bundle loads on first use', () => {
    const bundles = ['dist/extension.js', ...[...shipped].filter((file) => file.startsWith('dist/lazy/'))];
    const loaded = bundles.flatMap((bundle) =>
      [...readFileSync(path.join(root, bundle), 'utf8').matchAll(/require\("(\.\.?\/[^"]+)"\)/g)].map((match) => path.posix.normalize(path.posix.join(path.posix.dirname(bundle), match[1]))),
    );
    assert.ok(loaded.length >= 3, 'the bundle loads markdown-it, the YAML reader and the retro notes lazily');
    assert.deepEqual(loaded.filter((file) => !shipped.has(file)), []);
  });

  it('keeps the YAML reader off the activation path: only lazy files load it', () => {
    const yamlTag = 'tag:yaml.org,2002:';
    assert.ok(readFileSync(path.join(root, 'dist', 'lazy', 'js-yaml.js'), 'utf8').includes(yamlTag));
    assert.ok(!readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8').includes(yamlTag));
    assert.doesNotMatch(readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8'), /require\("\.\/lazy\/js-yaml\.js"\)/);
  });

  it('ships the built-in content in every language it is translated into', () => {
    const locales = readdirSync(path.join(root, 'content')).filter((entry) => /^[a-z]{2}(?:-[a-z]{2,})?$/.test(entry));
    assert.ok(locales.includes('de'));
    for (const file of ['dist/content.json', ...locales.map((locale) => `dist/content.${locale}.json`)]) assert.ok(shipped.has(file), file);
  });

  it('lists every library it bundles in the README, with its licence, and ships their licence texts', () => {
    const bundled: { name: string; version: string; license: string }[] = JSON.parse(readFileSync(path.join(root, 'dist', 'shipped-packages.json'), 'utf8'));
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Libraries it ships'), readme.indexOf('## Privacy and security'));
    const listed = [...table.matchAll(/^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map((row) => `${row[1]} ${row[2].trim()} ${row[3].trim()}`);
    assert.deepEqual(listed, bundled.map(({ name, version, license }) => `${name} ${version} ${license}`));
    assert.ok(shipped.has('dist/THIRD-PARTY-NOTICES.md'));
    const notices = readFileSync(path.join(root, 'dist', 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const { name } of bundled) assert.match(notices, new RegExp(`^## ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
  });

  it('ships every file that the manifest names', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const named = [
      manifest.main,
      manifest.browser,
      manifest.icon,
      ...manifest.contributes.viewsContainers.activitybar.map((container: { icon: string }) => container.icon),
      ...manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { svg: string } }[] }) => walkthrough.steps.map((step) => step.media.svg)),
      ...manifest.contributes.snippets.map((snippet: { path: string }) => snippet.path),
    ].map((file: string) => path.posix.normalize(file));
    assert.deepEqual(named.filter((file) => !shipped.has(file)), []);
    // The Marketplace needs a PNG icon of 128×128: its size is in the PNG header.
    const icon = readFileSync(path.join(root, manifest.icon));
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });
});
