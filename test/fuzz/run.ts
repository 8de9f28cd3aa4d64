/**
 * `npm run fuzz`: every property in properties.ts, FULL_RUNS inputs a target, one seed for the whole run.
 * Prints one line a target and a closing countable line:
 *   fuzz: 8 targets, 705000 inputs, 8 passed, 0 failed (312.4 s)
 *
 * Options: --seed N (replays a run), --runs N (inputs a target, instead of each target's own count),
 * --only text (the targets whose name contains it), --path P (with --seed and --only: replays one failure).
 */
import { performance } from 'node:perf_hooks';
import { FUZZ_TARGETS } from './properties';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(name.length + 3) : args[at + 1];
}

const seed = Number(option('seed') ?? Math.floor(Math.random() * (2 ** 31)));
const runs = option('runs') === undefined ? undefined : Number(option('runs'));
const only = option('only');
const path = option('path');
if (!Number.isInteger(seed) || (runs !== undefined && !(Number.isInteger(runs) && runs > 0))) {
  console.error('usage: npm run fuzz -- [--seed N] [--runs N] [--only text] [--path P]');
  process.exit(2);
}

const targets = FUZZ_TARGETS.filter((target) => only === undefined || target.name.includes(only));
console.log(`fuzz: seed ${seed} (replay: npm run fuzz -- --seed ${seed})`);
let inputs = 0;
let failed = 0;
const started = performance.now();
for (const target of targets) {
  const begun = performance.now();
  const result = target.check({ seed, numRuns: runs ?? target.runs, ...(path === undefined ? {} : { path }) });
  const seconds = ((performance.now() - begun) / 1000).toFixed(1);
  inputs += result.inputs;
  const note = target.note ? `, ${target.note()}` : '';
  console.log(`${result.failed ? 'FAIL' : 'ok  '}  ${target.name}: ${result.inputs} inputs${note} (${seconds} s)`);
  if (result.failed) {
    failed++;
    console.log(result.report?.replace(/^/gm, '      '));
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${targets.length} targets, ${inputs} inputs, ${targets.length - failed} passed, ${failed} failed (${total} s)`);
process.exit(failed > 0 ? 1 : 0);
