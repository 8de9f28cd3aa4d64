// `npm run bench` (part): the tone check on hostile input. Each input repeats a fragment aimed at one
// pattern or scanner. Two budgets, as medians of several runs:
// - analyzeFeedback reads 100 KB of each in under 50 ms (the comment is capped, so this is the cap's cost);
// - the uncapped pipeline (masking, tokens, sentences, cues) grows linearly: 8x the input costs well
//   under 24x the time (quadratic would be 64x).
// Prints a table of the slowest fragments and exits 1 if a budget is missed.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import esbuild from 'esbuild';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ANALYZE_BUDGET_MS = 50;
const GROWTH_BUDGET = 24;

const FRAGMENTS = [
  'a',
  ' ',
  '`',
  '``` ',
  '` `` ``` ',
  '>',
  '> x\n',
  '\n',
  '\n\n',
  'http://',
  'https://a',
  'www.',
  '@',
  'a@',
  'a@b.',
  's/',
  's/a/',
  ' -> ',
  '->',
  '-',
  '(',
  '(blocking',
  'nit: ',
  'nit (',
  'please ',
  'you ',
  'you should ',
  'we ',
  'we need ',
  'why ',
  "why didn't you ",
  'i ',
  "i'd ",
  'not ',
  'no ',
  "don't ",
  'is better ',
  'would be ',
  'could ',
  'should ',
  'this should ',
  'looks ',
  'thanks ',
  'a, ',
  'a. ',
  '. ',
  '?',
  'A',
  'ALL CAPS ',
  'rename ',
  'use ',
  'e.g. ',
  '\u00e9',
  '\uD83D\uDC4D',
  "it's ",
  'the ',
  '# ',
];


// The pipeline's stages are internal to the core, so they are bundled here for the measurement.
const folder = mkdtempSync(path.join(os.tmpdir(), 'lfb-hostile-'));
const outfile = path.join(folder, 'pipeline.cjs');
await esbuild.build({
  stdin: {
    contents: `
      export { analyzeFeedback } from './src/core/tone';
      export { findCues } from './src/core/tone/cues';
      export { maskIgnored } from './src/core/tone/mask';
      export { splitSentences, tokenize } from './src/core/tone/text';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'error',
});
const { analyzeFeedback, findCues, maskIgnored, splitSentences, tokenize } = createRequire(import.meta.url)(outfile);
rmSync(folder, { recursive: true, force: true });

const pipeline = (text) => {
  const masked = maskIgnored(text);
  const tokens = tokenize(masked);
  const sentences = splitSentences(masked, tokens);
  findCues({ text, masked, tokens, sentences });
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianMs = (run) => {
  run(); // warm
  const times = [];
  for (let round = 0; round < RUNS; round++) {
    // CPU time of this process, not wall time: other work on a busy machine does not land on the clock.
    const started = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(started);
    times.push((user + system) / 1000);
  }
  return median(times);
};
const repeatTo = (fragment, size) => fragment.repeat(Math.ceil(size / fragment.length));

const rows = FRAGMENTS.map((fragment) => {
  const analyzeMs = medianMs(() => analyzeFeedback(repeatTo(fragment, 100_000)));
  const smallMs = Math.max(1, medianMs(() => pipeline(repeatTo(fragment, 25_000))));
  const largeMs = medianMs(() => pipeline(repeatTo(fragment, 200_000)));
  return { fragment, analyzeMs, smallMs, largeMs, growth: largeMs / smallMs };
});

const slowest = [...rows].sort((a, b) => b.analyzeMs - a.analyzeMs).slice(0, 5);
const steepest = [...rows].sort((a, b) => b.growth - a.growth).slice(0, 5);
console.log(`\nHostile input: ${FRAGMENTS.length} fragments, medians of ${RUNS} runs, CPU time`);
console.log('| fragment | analyzeFeedback, 100 KB | pipeline, 25 KB | pipeline, 200 KB | growth for 8x input |');
console.log('|---|--:|--:|--:|--:|');
for (const row of [...new Set([...slowest, ...steepest])]) {
  console.log(`| ${JSON.stringify(row.fragment)} | ${row.analyzeMs.toFixed(1)} ms | ${row.smallMs.toFixed(1)} ms | ${row.largeMs.toFixed(1)} ms | ${row.growth.toFixed(1)}x |`);
}
const missed = rows.filter((row) => row.analyzeMs >= ANALYZE_BUDGET_MS || (row.growth >= GROWTH_BUDGET && row.largeMs >= 150));
console.log(`\nworst: ${slowest[0].analyzeMs.toFixed(1)} ms for 100 KB (budget ${ANALYZE_BUDGET_MS} ms), growth ${steepest[0].growth.toFixed(1)}x for 8x input (budget ${GROWTH_BUDGET}x)`);
if (missed.length > 0) {
  console.error(`over budget: ${missed.map((row) => JSON.stringify(row.fragment)).join(', ')}`);
  process.exitCode = 1;
}
