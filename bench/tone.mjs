// `npm run bench`: the tone check against write-good and alex on the same comments, in one run.
// Needs a build first (dist/core.js). Plain Node ESM; nothing is downloaded.
//
// Each tool is measured in a child process of its own, one after the other, on the same generated
// corpus: no tool's JIT state or garbage lands on another tool's clock.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CORPUS_SIZE = Number(process.env.BENCH_COMMENTS ?? 2000);

const TOOLS = {
  'lead-from-behind tone': async () => {
    const { analyzeFeedback } = require(path.join(root, 'dist', 'core.js'));
    return (text) => analyzeFeedback(text);
  },
  'write-good': async () => {
    const writeGood = require('write-good');
    return (text) => writeGood(text);
  },
  alex: async () => {
    const alex = await import('alex');
    return (text) => alex.text(text);
  },
};

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same corpus. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Review comments of many shapes: the labelled fixtures, alone and combined into longer, messier ones. */
function corpus(size) {
  const fixtures = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'tone-cases.json'), 'utf8')).map((entry) => entry.text);
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const prefixes = ['', '', '', 'nit: ', 'PS3: ', 'Hi,\n\n', '> +\tret = foo(dev);\n> +\tif (ret)\n> +\t\treturn ret;\n\n', 'suggestion (non-blocking): ', 'On Tue, 3 Mar 2020, Jane <jane@example.org> wrote:\n> Could you take another look?\n\n'];
  const suffixes = ['', '', '', ' Thanks!', '\n\nThanks,\nJohn', ' wdyt?', '\n\n```c\nif (!buf)\n\treturn -ENOMEM;\n```', ' See https://example.org/review/123 for context.', ' Otherwise LGTM.'];
  const comments = [...fixtures];
  while (comments.length < size) {
    const parts = [pick(fixtures)];
    const extra = Math.floor(next() * 3);
    for (let i = 0; i < extra; i++) parts.push(pick(fixtures));
    comments.push(pick(prefixes) + parts.join(next() < 0.5 ? ' ' : '\n\n') + pick(suffixes));
  }
  return comments.slice(0, size);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** In a child: warm up, then time the tool over the corpus, round after round; print medians as JSON. */
async function measure(name) {
  const run = await TOOLS[name]();
  const comments = corpus(CORPUS_SIZE);
  // Warm up: let the JIT settle before anything is timed (at least five passes and half a second).
  const warmUntil = performance.now() + 500;
  for (let pass = 0; pass < 5 || performance.now() < warmUntil; pass++) for (const text of comments) run(text);
  const throughputs = [];
  const p50s = [];
  const p99s = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Throughput: the whole corpus with no per-call timers in the way.
    let started = performance.now();
    for (const text of comments) run(text);
    throughputs.push(comments.length / ((performance.now() - started) / 1000));
    // Latency: each comment timed on its own.
    const times = new Float64Array(comments.length);
    for (let i = 0; i < comments.length; i++) {
      started = performance.now();
      run(comments[i]);
      times[i] = performance.now() - started;
    }
    times.sort();
    p50s.push(percentile(times, 50));
    p99s.push(percentile(times, 99));
  }
  process.stdout.write(JSON.stringify({ name, throughput: median(throughputs), p50: median(p50s), p99: median(p99s) }));
}

const toolArgument = process.argv.find((argument) => argument.startsWith('--tool='));
if (toolArgument) {
  await measure(toolArgument.slice('--tool='.length));
} else {
  const comments = corpus(CORPUS_SIZE);
  const chars = comments.reduce((sum, text) => sum + text.length, 0);
  console.log(`${comments.length} comments (${(chars / comments.length).toFixed(0)} characters on average), ${ROUNDS} rounds per tool, each tool in its own process, Node ${process.version}\n`);
  const results = Object.keys(TOOLS).map((name) =>
    JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, `--tool=${name}`], { encoding: 'utf8', maxBuffer: 1 << 20 })),
  );

  const rows = [['tool', 'comments/s', 'p50 ms', 'p99 ms'], ...results.map((r) => [r.name, Math.round(r.throughput).toLocaleString('en-US'), r.p50.toFixed(4), r.p99.toFixed(4)])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));

  const [ours, writeGood, alex] = results;
  const vsWriteGood = ours.throughput / writeGood.throughput;
  const vsAlex = ours.throughput / alex.throughput;
  const mark = (ok) => (ok ? 'met' : 'MISSED');
  console.log(`\nthroughput, ours vs write-good: ${vsWriteGood.toFixed(1)}x (goal >= 10x: ${mark(vsWriteGood >= 10)})`);
  console.log(`throughput, ours vs alex:       ${vsAlex.toFixed(1)}x (goal >= 200x: ${mark(vsAlex >= 200)})`);
  console.log(`p99 per comment, ours:          ${ours.p99.toFixed(4)} ms (goal < 0.5 ms: ${mark(ours.p99 < 0.5)})`);
  console.log('(medians over the rounds)');
}
