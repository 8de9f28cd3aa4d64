// `npm run bench` (part): follow-through on a big folder of retro notes. Needs a build (dist/core.js).
//
// 500 notes of 40 actions each, generated the same way every run (a team's history: actions carried on,
// edited, ticked, struck, forgotten, and new ones), analysed by analyzeFollowThrough. The budget: the
// median of several runs under 300 ms of CPU time (this process's, so that other work on a busy machine
// does not land on the clock; wall time is printed beside it). Beside it, in the same process and on the
// same notes, the peer: markdown-it parsing the 500 notes and nothing else, the floor any markdown-aware
// reader pays. The first (cold) run is printed too: it is what the view's first opening costs.
// Exits 1 if the budget is missed.
import { createRequire } from 'node:module';
import path from 'node:path';
import { random } from './random.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const { analyzeFollowThrough, taskItems } = require(path.join(root, 'dist', 'core.js'));
const markdownIt = require('markdown-it');

const NOTES = Number(process.env.BENCH_NOTES ?? 500);
const ACTIONS = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BUDGET_MS = 300;


const VERBS = ['Write', 'Review', 'Fix', 'Update', 'Set up', 'Document', 'Automate', 'Remove', 'Agree on', 'Pair on', 'Move', 'Measure', 'Share', 'Plan', 'Test'];
const THINGS = [
  'the runbook', 'the flaky login test', 'alerting for the nightly build', 'the release checklist', 'the onboarding guide', 'code review turnaround',
  'the billing migration', 'the on-call rotation', 'stale feature flags', 'the deploy pipeline', 'the API docs', 'error budgets', 'the staging database',
  'the incident template', 'the dependency upgrades', 'the test coverage report', 'the design review', 'the demo agenda', 'the backlog grooming', 'the cache warm-up',
];
const DETAILS = ['for the payment service', 'before the release', 'with the platform team', 'in the wiki', 'for new joiners', 'on CI', 'for the mobile app', 'this sprint', ''];
const OWNERS = ['@maria', '@sam', '@kim', '@ravi', '@ana', '@lea', '@tom', ''];
const EDITS = [' again', ' (urgent)', ' for real', ' with **Ana**', ' — see [ticket](https://tracker.example/123)'];

/** A team's notes: each note carries the open actions of the one before, with what happens to them. */
function generateNotes(count) {
  const next = random(20_261_126);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const notes = [];
  let open = [];
  let serial = 0;
  const start = Date.UTC(2010, 0, 7);
  for (let index = 0; index < count; index++) {
    const date = new Date(start + (index * 7 * 86_400_000)).toISOString().slice(0, 10);
    const followUps = [];
    const stillOpen = [];
    for (const action of open) {
      const roll = next();
      if (roll < 0.2) followUps.push(`- [x] ${action}`);
      else if (roll < 0.25) followUps.push(`- [ ] ~~${action}~~ (dropped ${date})`);
      else if (roll < 0.3) continue; // forgotten
      else {
        const edited = roll < 0.38 ? action.replace(/( @\w+)?$/, `${pick(EDITS)}$1`) : action;
        followUps.push(`- [ ] ${edited}`);
        stillOpen.push(edited);
      }
    }
    const fresh = [];
    while (followUps.length + fresh.length < ACTIONS) {
      const owner = pick(OWNERS);
      const text = `${pick(VERBS)} ${pick(THINGS)} ${pick(DETAILS)} #${serial++}`.replace(/\s+/g, ' ').trim();
      fresh.push(`${owner ? `${text} ${owner}` : text}`);
    }
    const nested = fresh.length > 2 ? [`- [ ] ${fresh[0]}`, `  - [ ] ${fresh[1]}`, ...fresh.slice(2).map((text) => `- [ ] ${text}`)] : fresh.map((text) => `- [ ] ${text}`);
    const text = [
      `# Sprint ${index + 1} · Start, Stop, Continue retro, ${date}`,
      '<!-- This note lives in the repository, so it is not anonymous. -->',
      '',
      `**Team:** Falcons · **Date:** ${date}`,
      '',
      ...(followUps.length ? ['## Follow-ups', '', 'Still open from the previous retro:', '', ...followUps, ''] : []),
      '## Start',
      '*What do we want to try?*',
      '',
      '- Writing things down before the meeting, so the retro is about decisions.',
      '- Looking at the build every morning.',
      '',
      '## Stop',
      '',
      '- Re-running tests until they pass.',
      '',
      '```md',
      '- [ ] not a task: pasted from the old checklist',
      '```',
      '',
      '> - [ ] quoted, not ours',
      '',
      '## Action items',
      '*Small next steps, each with one owner.*',
      '',
      ...nested,
      '',
    ].join('\n');
    notes.push({ file: `docs/retros/${date}-sprint-${index + 1}.md`, text });
    open = [...stillOpen, ...fresh];
  }
  return notes;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function time(run) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(cpu);
  return { ms: (user + system) / 1000, wall: performance.now() - started, result };
}

const notes = generateNotes(NOTES);
const items = notes.reduce((total, note) => total + taskItems(note.text).length, 0);
const characters = notes.reduce((total, note) => total + note.text.length, 0);
const md = markdownIt({ html: true });
const parseAll = () => {
  let tokens = 0;
  for (const note of notes) tokens += md.parse(note.text, {}).length;
  return tokens;
};
const analyze = () => analyzeFollowThrough(notes);

// The first run, cold (nothing compiled or cached yet): what a user waits for when the view first opens.
const cold = time(analyze);
// Warm up both, then alternate them run by run, so neither gets the quieter half of the machine's time.
for (let pass = 0; pass < 3; pass++) {
  analyze();
  parseAll();
}
const ours = [];
const oursWall = [];
const peer = [];
const peerWall = [];
let report;
for (let run = 0; run < RUNS; run++) {
  const analysed = time(analyze);
  ours.push(analysed.ms);
  oursWall.push(analysed.wall);
  report = analysed.result;
  const parsed = time(parseAll);
  peer.push(parsed.ms);
  peerWall.push(parsed.wall);
}
const ratios = ours.map((ms, index) => ms / peer[index]);
const status = (name) => report.actions.filter((action) => action.status === name).length;
console.log(`\n## Follow-through: ${notes.length} notes, ${items} task items (${ACTIONS} a note), ${(characters / 1024).toFixed(0)} KB; ${RUNS} runs, Node ${process.version}\n`);
console.log(`actions found: ${report.actions.length} (${status('open')} open, ${status('done')} done, ${status('dropped')} dropped), most carried: ${Math.max(...report.actions.map((action) => action.timesCarried))}×`);
const runs = (list) => list.map((ms) => ms.toFixed(0)).join(', ');
console.log(`analyzeFollowThrough:           median ${median(ours).toFixed(1)} ms CPU (runs: ${runs(ours)}), ${median(oursWall).toFixed(1)} ms wall (goal < ${BUDGET_MS} ms: ${median(ours) < BUDGET_MS ? 'met' : 'MISSED'})`);
console.log(`analyzeFollowThrough, cold:     first run ${cold.ms.toFixed(1)} ms CPU, ${cold.wall.toFixed(1)} ms wall (before any warm-up; not the budget)`);
console.log(`peer, markdown-it parse alone:  median ${median(peer).toFixed(1)} ms CPU (runs: ${runs(peer)}), ${median(peerWall).toFixed(1)} ms wall`);
console.log(`ours / markdown-it, same run:   median ${median(ratios).toFixed(2)}x`);
if (median(ours) >= BUDGET_MS) process.exitCode = 1;
