/** The fixture folder of real-looking retro notes, and the checks every follow-through report must pass. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FollowThroughReport, RetroNoteText } from '../../src/core/follow-through';

export const FIXTURE_FOLDER = path.join(process.cwd(), 'test', 'fixtures', 'retro-notes');

/** The fixture notes as the extension reads them: relative paths, current text. */
export function fixtureNotes(): RetroNoteText[] {
  return readdirSync(FIXTURE_FOLDER)
    .sort()
    .map((name) => ({ file: `retro/${name}`, text: readFileSync(path.join(FIXTURE_FOLDER, name), 'utf8') }));
}

/** The sums every report must satisfy, whatever the notes. */
export function checkConsistent(report: FollowThroughReport): void {
  const sum = (key: 'raised' | 'done' | 'carried' | 'dropped') => report.retros.reduce((total, retro) => total + retro[key], 0);
  const count = (status: string) => report.actions.filter((action) => action.status === status).length;
  assert.equal(sum('raised'), report.actions.length, 'every action is raised once');
  assert.equal(sum('done'), count('done'), 'every done action is done once');
  assert.equal(sum('dropped'), count('dropped'), 'every dropped action is dropped once');
  assert.equal(sum('carried'), report.actions.reduce((total, action) => total + action.timesCarried, 0), 'carried adds up');
  const latest = report.retros[report.retros.length - 1];
  for (const action of report.actions) {
    assert.ok(action.firstRaised <= action.lastSeen);
    if (action.status === 'open') assert.equal(action.file, latest.file, 'an open action stands in the latest note');
  }
  for (const [name, figures] of Object.entries(report.owners)) {
    const owned = report.actions.filter((action) => action.owner === name);
    assert.deepEqual(figures, { open: owned.filter((a) => a.status === 'open').length, done: owned.filter((a) => a.status === 'done').length, dropped: owned.filter((a) => a.status === 'dropped').length });
  }
  assert.equal(
    Object.values(report.owners).reduce((total, figures) => total + figures.open + figures.done + figures.dropped, 0),
    report.actions.filter((action) => action.owner !== undefined).length,
  );
}


/** What the Follow-through section may hold: the page's own tags, and SVG's. */
export const FOLLOW_THROUGH_TAGS: ReadonlySet<string> = new Set(['div', 'p', 'figure', 'figcaption', 'svg', 'title', 'g', 'rect', 'line', 'polyline', 'circle', 'text', 'ul', 'li', 'span', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'h3', 'button', 'strong']);
