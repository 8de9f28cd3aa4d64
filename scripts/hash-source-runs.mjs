// Writes test/fixtures/source-runs.json: a hash of every run of 8 words in the article the model comes
// from, so the originality test can check the project without the article beside the clone.
//
//   node scripts/hash-source-runs.mjs ../shared/source/000_9228441abc61b3b5.txt
//
// Words and runs are read exactly as the originality test reads them (test/core/shipped-content.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const WINDOW = 8;
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const article = process.argv[2];
if (!article) {
  console.error('usage: node scripts/hash-source-runs.mjs <article.txt>');
  process.exit(2);
}
const words = readFileSync(article, 'utf8').toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
const hashes = new Set();
for (let i = 0; i + WINDOW <= words.length; i++) hashes.add(createHash('sha256').update(words.slice(i, i + WINDOW).join(' ')).digest('hex').slice(0, 16));
const out = path.join(root, 'test', 'fixtures', 'source-runs.json');
writeFileSync(out, `${JSON.stringify({ window: WINDOW, hash: 'sha256, first 16 hex digits, of the run joined by single spaces', runs: [...hashes].sort() }, null, 0)}\n`);
console.log(`${hashes.size} runs of ${WINDOW} words → ${path.relative(root, out)}`);
