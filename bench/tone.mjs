// `npm run bench`: the tone check against write-good and alex on the same comments, in one run.
// Needs a build first (dist/core.js). Plain Node ESM; nothing is downloaded.
//
// Each tool is measured in a child process of its own, one after the other, on the same generated
// corpus: no tool's JIT state or garbage lands on another tool's clock.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { random } from './random.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CORPUS_SIZE = Number(process.env.BENCH_COMMENTS ?? 2000);
// Each tool's child process runs this many times per corpus, interleaved; the table reports medians.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const TOOLS = {
  'lead-from-behind tone': async () => {
    const { analyzeFeedback } = require(path.join(root, 'dist', 'core.js'));
    return (text) => analyzeFeedback(text);
  },
  // What a quick fix costs on top: every finding's rewrite built, as when each quick-fix menu opens.
  'lead-from-behind tone, rewrites read': async () => {
    const { analyzeFeedback } = require(path.join(root, 'dist', 'core.js'));
    return (text) => {
      const analysis = analyzeFeedback(text);
      let rewrites = 0;
      for (const finding of analysis.findings) rewrites += finding.suggestions.length;
      return rewrites;
    };
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


/** The real review comments of test/fixtures/real-comments.jsonl, all of them, long ones included. */
function realCorpus() {
  return readFileSync(path.join(root, 'test', 'fixtures', 'real-comments.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line).text);
}

const CORPORA = {
  real: { describe: 'real review comments (test/fixtures/real-comments.jsonl)', comments: () => realCorpus() },
  generated: { describe: 'comments generated from our fixtures, alone and combined', comments: () => generatedCorpus(CORPUS_SIZE) },
};

/** Review comments of many shapes: the labelled fixtures, alone and combined into longer, messier ones. */
function generatedCorpus(size) {
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
async function measure(name, corpusName) {
  const run = await TOOLS[name]();
  const comments = CORPORA[corpusName].comments();
  // Warm up: let the JIT settle before anything is timed (a whole pass, five for a small corpus, and half a
  // second). One pass over the real comments is tens of thousands of calls; alex takes over a minute for it.
  const warmUntil = performance.now() + 500;
  const passes = comments.length >= 10_000 ? 1 : 5;
  for (let pass = 0; pass < passes || performance.now() < warmUntil; pass++) for (const text of comments) run(text);
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
const corpusArgument = process.argv.find((argument) => argument.startsWith('--corpus='));
if (toolArgument) {
  await measure(toolArgument.slice('--tool='.length), corpusArgument.slice('--corpus='.length));
} else {
  console.log(`${ROUNDS} rounds per tool in each run, ${RUNS} runs per tool interleaved, each run a process of its own; Node ${process.version}`);
  for (const [corpusName, corpus] of Object.entries(CORPORA)) {
    const comments = corpus.comments();
    const lengths = comments.map((text) => text.length).sort((a, b) => a - b);
    console.log(`\n## ${corpus.describe}: ${comments.length} comments, ${median(lengths)} characters median, ${lengths[lengths.length - 1]} longest\n`);
    const runs = Object.fromEntries(Object.keys(TOOLS).map((name) => [name, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const name of Object.keys(TOOLS)) {
        const output = execFileSync(process.execPath, [new URL(import.meta.url).pathname, `--tool=${name}`, `--corpus=${corpusName}`], { encoding: 'utf8', maxBuffer: 1 << 20 });
        runs[name].push(JSON.parse(output));
      }
    }
    const results = Object.entries(runs).map(([name, list]) => ({
      name,
      throughput: median(list.map((r) => r.throughput)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
    }));
    const rows = [['tool', 'comments/s', 'p50 ms', 'p99 ms'], ...results.map((r) => [r.name, Math.round(r.throughput).toLocaleString('en-US'), r.p50.toFixed(4), r.p99.toFixed(4)])];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const line = (row) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
    console.log(line(rows[0]));
    console.log(`|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
    for (const row of rows.slice(1)) console.log(line(row));

    // Ratios per run (the tools of one run share the machine's state), then their median. The goals are
    // checked on the keystroke path (rewrites built only when a quick fix asks); the line after them
    // gives the ratio with every rewrite built.
    const ratios = (other) => runs['lead-from-behind tone'].map((ours, i) => ours.throughput / runs[other][i].throughput);
    const mark = (ok) => (ok ? 'met' : 'MISSED');
    const vsWriteGood = ratios('write-good');
    const vsAlex = ratios('alex');
    const ours = results[0];
    const list = (values) => values.map((value) => `${value.toFixed(1)}x`).join(', ');
    console.log(`\nthroughput, ours vs write-good: median ${median(vsWriteGood).toFixed(1)}x over runs (${list(vsWriteGood)}) (goal >= 10x: ${mark(median(vsWriteGood) >= 10)})`);
    console.log(`throughput, ours vs alex:       median ${median(vsAlex).toFixed(1)}x over runs (${list(vsAlex)}) (goal >= 200x: ${mark(median(vsAlex) >= 200)})`);
    console.log(`p99 per comment, ours:          ${ours.p99.toFixed(4)} ms (goal < 0.5 ms: ${mark(ours.p99 < 0.5)})`);
    const withRewrites = runs['lead-from-behind tone, rewrites read'].map((run, i) => run.throughput / runs.alex[i].throughput);
    console.log(`with every rewrite built, vs alex: median ${median(withRewrites).toFixed(1)}x (the diagnostics path above builds rewrites only when a quick fix asks)`);
  }
}
