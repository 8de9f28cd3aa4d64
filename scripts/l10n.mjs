#!/usr/bin/env node
// The l10n bundle of the strings the extension shows at run time:
//   - every vscode.l10n.t call in src/, found by @vscode/l10n-dev;
//   - the core's string tables that the extension passes through vscode.l10n.t (src/common/l10n.ts):
//     the sidebar's words, the tip block's, each tone rule's name and message, the Follow-through
//     section's, its page's and the carried-history line's, and the words of the Your Reviews view and
//     the reflection note.
// `node scripts/l10n.mjs` writes l10n/bundle.l10n.json (key: English text); `--print` prints it instead.
// Translations, such as l10n/bundle.l10n.de.json, hold the same keys; test/core/l10n.test.ts checks them.
// Needs a build (dist/core.js).
import { getL10nJson } from '@vscode/l10n-dev';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const core = createRequire(import.meta.url)(path.join(root, 'dist', 'core.js'));
const { TONE_RULES } = core;

const sources = (await readdir(path.join(root, 'src'), { recursive: true })).filter((file) => file.endsWith('.ts')).sort();
// The core has no vscode import, so l10n-dev would pass over its l10n.t calls (src/core/message.ts): each
// file is read as if it imported l10n from vscode, which is what those calls stand for.
const asUsingL10n = (contents) => `import { l10n } from 'vscode';\n${contents}`;
const calls = await getL10nJson(await Promise.all(sources.map(async (file) => ({ extension: '.ts', contents: asUsingL10n(await readFile(path.join(root, 'src', file), 'utf8')) }))));
const bundle = { ...calls };
const toneRuleWords = TONE_RULES.flatMap((rule) => [rule.name, rule.message]);
const tables = ['SIDEBAR_STRINGS', 'TIP_BLOCK_LABELS', 'FOLLOW_THROUGH_STRINGS', 'FOLLOW_THROUGH_PAGE_STRINGS', 'CARRIED_NOTE_STRINGS', 'YOUR_REVIEWS_STRINGS', 'REFLECTION_NOTE_STRINGS'];
for (const text of [...tables.flatMap((name) => Object.values(core[name])), ...toneRuleWords]) bundle[text] = text;
const sorted = Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, typeof bundle[key] === 'string' ? bundle[key] : bundle[key].message]));
const json = `${JSON.stringify(sorted, null, 2)}\n`;
if (process.argv.includes('--print')) process.stdout.write(json);
else {
  await writeFile(path.join(root, 'l10n', 'bundle.l10n.json'), json);
  console.log(`wrote l10n/bundle.l10n.json: ${Object.keys(sorted).length} strings`);
}
