// `npm run eval`: how well the tone check flags directive comments that nobody here wrote.
//
// Reads test/fixtures/real-comments.jsonl (real review comments, labelled by TONE.md; see
// test/fixtures/real-comments.md) and scores the check on the FROZEN comments, which no rule change
// may look at, beside write-good and alex on the same comments. There are two frozen splits: `test`
// (drawn from the first batch) and `fresh` (a later batch, labelled and frozen before the check read
// it). `--split test|fresh` scores one of them, `--split tune` the tuning part, `--split all` every
// comment. `--robustness` also counts, over every comment, how often a greeting or a trailing thanks
// changes the verdict. The misses are listed for the tuning part; for frozen comments only with
// `--misses`, since a miss someone has read is the first step to a rule fitted to it. Needs a build
// first (dist/core.js).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const splitArgument = process.argv.find((argument) => argument.startsWith('--split='))?.slice('--split='.length) ?? process.argv[process.argv.indexOf('--split') + 1];
const split = ['test', 'fresh', 'frozen', 'tune', 'all'].includes(splitArgument) ? splitArgument : 'frozen';
const FROZEN = ['test', 'fresh'];
const showMisses = process.argv.includes('--misses') || (split === 'tune' && !process.argv.includes('--no-misses'));

const comments = readFileSync(path.join(root, 'test', 'fixtures', 'real-comments.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));
const chosen = comments.filter((comment) => split === 'all' || comment.split === split || (split === 'frozen' && FROZEN.includes(comment.split)));

const { analyzeFeedback } = require(path.join(root, 'dist', 'core.js'));
const writeGood = require('write-good');
const alex = await import('alex');

// Each tool as a flagger: does it flag this comment? write-good and alex were not built to find
// directive feedback, but they are what a reviewer would otherwise switch on; any warning is a flag.
const tools = {
  'lead-from-behind': (text) => analyzeFeedback(text).tone === 'directive',
  'write-good': (text) => writeGood(text).length > 0,
  alex: (text) => alex.text(text).messages.length > 0,
};

const CLASSES = ['directive', 'supportive', 'neutral'];

function score(flag, among = chosen) {
  const confusion = Object.fromEntries(CLASSES.map((label) => [label, { flagged: 0, passed: 0 }]));
  const misses = [];
  for (const comment of among) {
    const flagged = flag(comment.text);
    confusion[comment.label][flagged ? 'flagged' : 'passed']++;
    if (flagged !== (comment.label === 'directive')) misses.push({ comment, flagged });
  }
  const truePositive = confusion.directive.flagged;
  const falsePositive = confusion.supportive.flagged + confusion.neutral.flagged;
  const falseNegative = confusion.directive.passed;
  const precision = truePositive / Math.max(1, truePositive + falsePositive);
  const recall = truePositive / Math.max(1, truePositive + falseNegative);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { confusion, misses, precision, recall, f1 };
}

const ordinal = (n) => `${n}${[11, 12, 13].includes(n % 100) ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

const table = (rows) => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
};

const byKind = {};
for (const comment of chosen) byKind[comment.kind] = (byKind[comment.kind] ?? 0) + 1;
const byLabel = Object.fromEntries(CLASSES.map((label) => [label, chosen.filter((comment) => comment.label === label).length]));
console.log(`Real review comments, split "${split}": ${chosen.length} comments (${Object.entries(byKind).map(([kind, n]) => `${kind} ${n}`).join(', ')}; ${CLASSES.map((label) => `${label} ${byLabel[label]}`).join(', ')})\n`);

const results = Object.fromEntries(Object.entries(tools).map(([name, flag]) => [name, score(flag)]));
console.log('Flagging directive comments:\n');
console.log(table([['tool', 'precision', 'recall', 'F1', 'flagged'], ...Object.entries(results).map(([name, r]) => [name, r.precision.toFixed(3), r.recall.toFixed(3), r.f1.toFixed(3), CLASSES.reduce((sum, label) => sum + r.confusion[label].flagged, 0)])]));

if (split === 'frozen') {
  // Each frozen split on its own: `fresh` was never looked at while tuning, `test` had its misses read once.
  console.log('\nEach frozen split on its own:\n');
  const rows = [];
  // The batches from the sixth on also on their own: each was labelled and frozen before the check read it.
  const batchOf = (comment) => Number(/^(?:gh|ml|gr)(\d+)-/.exec(comment.id)?.[1] ?? 0);
  const batches = [...new Set(chosen.filter((comment) => comment.split === 'fresh').map(batchOf))].filter((n) => n >= 6).sort((a, b) => a - b);
  const parts = [...FROZEN.map((part) => [part, (comment) => comment.split === part]), ...batches.map((n) => [`fresh, ${ordinal(n)} batch`, (comment) => comment.split === 'fresh' && batchOf(comment) === n])];
  for (const [part, inPart] of parts) {
    const among = chosen.filter(inPart);
    for (const [name, flag] of Object.entries(tools)) {
      const r = score(flag, among);
      rows.push([`${part} (${among.length})`, name, r.precision.toFixed(3), r.recall.toFixed(3), r.f1.toFixed(3)]);
    }
  }
  console.log(table([['split', 'tool', 'precision', 'recall', 'F1'], ...rows]));
}

console.log('\nConfusion (rows: label by TONE.md; flagged / not flagged):\n');
console.log(table([['label', ...Object.keys(tools).flatMap((name) => [`${name} flagged`, 'not'])], ...CLASSES.map((label) => [label, ...Object.values(results).flatMap((r) => [r.confusion[label].flagged, r.confusion[label].passed])])]));

// The three-class view of our own check: supportive and neutral are told apart too.
const three = Object.fromEntries(CLASSES.map((label) => [label, Object.fromEntries(CLASSES.map((tone) => [tone, 0]))]));
for (const comment of chosen) three[comment.label][analyzeFeedback(comment.text).tone]++;
console.log('\nlead-from-behind, three classes (rows: label; columns: what the check said):\n');
console.log(table([['label', ...CLASSES], ...CLASSES.map((label) => [label, ...CLASSES.map((tone) => three[label][tone])])]));

if (process.argv.includes('--robustness')) {
  // A greeting on its own line; on the comment's first line only where that line is the reviewer's own
  // (before a quote marker it would turn the quote into prose); a trailing thanks.
  const variants = {
    '"Hi Sam,\\n\\n" in front': (text) => `Hi Sam,\n\n${text}`,
    '"Hi Sam, " in front, same line': (text) => (/^\s*(?:>|```|~~~)/.test(text) ? undefined : `Hi Sam, ${text}`),
    '" Thanks!" behind': (text) => `${text} Thanks!`,
  };
  console.log('\nVerdict flips over all real comments (directive or not):\n');
  const flagged = comments.map((comment) => analyzeFeedback(comment.text).tone === 'directive');
  const rows = [];
  for (const [name, vary] of Object.entries(variants)) {
    let tried = 0;
    let flips = 0;
    comments.forEach((comment, i) => {
      const varied = vary(comment.text);
      if (varied === undefined) return;
      tried++;
      if ((analyzeFeedback(varied).tone === 'directive') !== flagged[i]) flips++;
    });
    rows.push([name, tried, flips, `${((100 * flips) / Math.max(1, tried)).toFixed(2)}%`]);
  }
  console.log(table([['variant', 'comments', 'flips', 'share'], ...rows]));
}

if (!showMisses) {
  console.log(`\nlead-from-behind misses: ${results['lead-from-behind'].misses.length} (list them with -- --misses; on frozen comments, a miss read is a miss no longer blind)`);
} else {
  const ours = results['lead-from-behind'];
  const show = (text) => JSON.stringify(text.length > 160 ? `${text.slice(0, 157)}...` : text);
  console.log(`\nlead-from-behind misses (${ours.misses.length}):`);
  for (const { comment, flagged } of ours.misses) {
    const rules = flagged ? ` [${analyzeFeedback(comment.text).findings.map((finding) => finding.ruleId).join(', ')}]` : '';
    console.log(`  ${flagged ? 'false flag' : 'missed    '} ${comment.id} (${comment.label})${rules} ${show(comment.text)}`);
  }
}
