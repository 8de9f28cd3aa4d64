import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  analyzeFollowThrough,
  CHART_RETROS,
  FOLLOW_THROUGH_STRINGS,
  followThroughHtml,
  FollowThroughReport,
  MAX_ACTION_TEXT,
} from '../../src/core/follow-through';
import { parseCard } from '../../src/core/content/content';
import { checkHtml, decodeHtml } from '../fuzz/properties';
import { FOLLOW_THROUGH_TAGS, fixtureNotes } from './follow-through-fixtures';

const QUESTION = 'On your team right now, which column describes you better, and is that what the team needs?';

describe('follow-through section HTML', () => {
  const report = analyzeFollowThrough(fixtureNotes());
  const html = followThroughHtml(report, { question: QUESTION });

  it('is well-formed, escaped HTML with no script, no handler, no inline style and nothing remote', () => {
    const { scripts } = checkHtml(html, FOLLOW_THROUGH_TAGS);
    assert.equal(scripts, 0);
    assert.doesNotMatch(html, /\sstyle=|<style|\son\w+=|https?:\/\/(?!www\.w3\.org\/2000\/svg")/i);
  });

  it('draws a chart per retro: done, carried and dropped stacked, and the rate line, in theme colours by class', () => {
    const svg = /<svg [^>]*>[\s\S]*<\/svg>/.exec(html)![0];
    assert.match(svg, /^<svg class="ft-svg" role="img" aria-label="[^"]+" viewBox="0 0 300 150" width="100%"/);
    assert.equal(svg.match(/<g class="ft-bar">/g)?.length, 7);
    // Seven retros; the first has nothing due, so it has no bar and no rate point.
    assert.equal(svg.match(/class="ft-done"/g)?.length, 6);
    assert.equal(svg.match(/class="ft-carried"/g)?.length, 6);
    assert.equal(svg.match(/class="ft-dropped"/g)?.length, 2);
    assert.equal(svg.match(/<polyline class="ft-rate"/g)?.length, 1);
    assert.equal(svg.match(/<circle class="ft-rate-point"/g)?.length, 6);
    assert.doesNotMatch(svg, /fill=|stroke=|#[0-9a-f]{3,6}\b|rgb\(/i, 'no colour but the stylesheet’s');
    const label = /aria-label="([^"]+)"/.exec(svg)![1];
    assert.equal(label, 'Actions in 7 retros, 2026-09-03 to 2026-11-26: 7 done, 20 carried, 3 dropped. Follow-through rate in the latest retro: 20%.');
    assert.equal(decodeHtml(/<title>([^<]*)<\/title>/.exec(svg)![1]), label);
    assert.match(svg, /<g class="ft-bar"><title>2026-09-17: 1 done, 3 carried, 0 dropped; follow-through rate 25%<\/title>/);
  });

  it('stacks bars to the right heights', () => {
    // 2026-10-15: 1 done, 3 carried, 2 dropped, the highest bar (6, as on 2026-10-01): it fills the plot from y=118 to y=8,
    // 110 / 6 = 18.33 a unit.
    const bar = /<g class="ft-bar"><title>2026-10-15[^<]*<\/title>(.*?)<\/g>/.exec(html)![1];
    const heights = [...bar.matchAll(/height="([\d.]+)"/g)].map((match) => Number(match[1]));
    assert.deepEqual(heights, [18.3, 55, 36.7]);
    const ys = [...bar.matchAll(/ y="([\d.]+)"/g)].map((match) => Number(match[1]));
    assert.deepEqual(ys, [99.7, 44.7, 8]);
  });

  it('repeats the figures in a real table with a caption and header scopes', () => {
    const table = /<table class="ft-table">[\s\S]*?<\/table>/.exec(html)![0];
    assert.match(table, /<caption>Actions per retro<\/caption>/);
    assert.match(table, /<thead><tr><th scope="col">Retro<\/th><th scope="col">Raised<\/th><th scope="col">Done<\/th><th scope="col">Carried<\/th><th scope="col">Dropped<\/th><th scope="col">Follow-through rate<\/th><\/tr><\/thead>/);
    assert.match(table, /<tr><th scope="row">2026-09-03<\/th><td>4<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>none<\/td><\/tr>/);
    assert.match(table, /<tr><th scope="row">2026-10-01<\/th><td>1<\/td><td>2<\/td><td>4<\/td><td>0<\/td><td>33%<\/td><\/tr>/);
    assert.equal(table.match(/<th scope="row">/g)?.length, 7);
  });

  it('lists stuck actions as buttons that say where they stand', () => {
    const stuck = [...html.matchAll(/<button type="button" class="ft-open" data-file="([^"]*)" data-line="(\d+)" title="([^"]*)">([^<]*)<\/button> <span class="ft-meta">([^<]*)<\/span>/g)];
    assert.deepEqual(
      stuck.map((match) => match.slice(1).map(decodeHtml)),
      [
        ['retro/2026-11-26-sprint-36.md', '9', 'Open 2026-11-26-sprint-36.md at line 10', 'Write the on-call runbook for the payment service', 'carried 6×, since 2026-09-03 · @maria'],
        ['retro/2026-11-26-sprint-36.md', '10', 'Open 2026-11-26-sprint-36.md at line 11', 'Agree on a code review turnaround time of two days', 'carried 5×, since 2026-09-17 · @maria'],
        ['retro/2026-11-26-sprint-36.md', '11', 'Open 2026-11-26-sprint-36.md at line 12', 'Rotate the on-call schedule every month', 'carried 3×, since 2026-10-15 · @maria'],
      ],
    );
    assert.match(html, /<h3 class="ft-heading">Stuck actions<\/h3>\n<p class="ft-intro">Carried 3 times or more\. Split them, give them an owner, or drop them\.<\/p>/);
  });

  it('shows who carries the actions, says when one person carries most, and asks the card’s question', () => {
    const owners = /<table class="ft-owners">[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...owners.matchAll(/<tr(?: class="ft-nobody")?><th scope="row">([^<]*)<\/th><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((match) => match.slice(1).join(' '));
    assert.deepEqual(rows, ['@maria 3 0 1', '@kim 1 2 0', '@sam 1 1 0', '@ana 0 2 0', '@ravi 0 2 1', 'Nobody named 0 0 1']);
    assert.match(owners, /<caption>Actions per owner<\/caption>/);
    assert.match(
      html,
      /<div class="ft-front" role="note">\n<p>@maria owns 3 of the 5 open actions\. When one person carries most of the actions, the leader may be leading from the front[^<]*<\/p>\n<p class="ft-reflect"><strong>Reflect:<\/strong> On your team right now, which column describes you better, and is that what the team needs\?<\/p>\n<\/div>/,
    );
    assert.match(html, /<button type="button" class="ft-review" data-command="reviewOpenActions">Review Open Actions<\/button>/);
  });

  it('takes the question of the shipped front-vs-behind card', () => {
    const file = path.join(process.cwd(), 'content', 'comparison', 'front-vs-behind.md');
    const parsed = parseCard(readFileSync(file, 'utf8'), 'front-vs-behind.md');
    assert.ok(parsed.ok);
    assert.equal(parsed.card.question, QUESTION);
  });

  it('says nothing about the front when no one carries most, and leaves out the reflection without a question', () => {
    const shared = analyzeFollowThrough([{ file: '2026-01-01.md', text: '- [ ] a @x\n- [ ] b @y\n- [ ] c @z\n- [ ] d @x' }]);
    assert.doesNotMatch(followThroughHtml(shared), /ft-front/);
    assert.doesNotMatch(followThroughHtml(report), /ft-reflect/);
  });

  it('has a helpful empty state without notes and without actions', () => {
    assert.equal(followThroughHtml({ retros: [], actions: [], owners: {} }), `<div class="follow-through">\n<p class="ft-empty">${FOLLOW_THROUGH_STRINGS.noNotes}</p>\n</div>`);
    const noActions = followThroughHtml(analyzeFollowThrough([{ file: '2026-01-01.md', text: '# Retro\n\n- [ ]\n' }]));
    assert.match(noActions, /<p class="ft-empty">No action items in the retro notes yet\. Write them as task items, such as &quot;- \[ \] Write the runbook @sam&quot;, and they will show up here\.<\/p>/);
    const calm = followThroughHtml(analyzeFollowThrough([{ file: '2026-01-01.md', text: '- [x] Done' }]));
    assert.match(calm, /<p class="ft-none">No open action has been carried 3 times or more\.<\/p>/);
    assert.match(calm, /<p class="ft-none">No action names an owner yet\./);
    assert.doesNotMatch(calm, /ft-review/);
  });

  it('shows the latest 12 retros in the chart and the table, and says so', () => {
    const notes = Array.from({ length: 15 }, (_, index) => ({ file: `2026-01-${String(index + 1).padStart(2, '0')}.md`, text: `- [ ] Thing ${index}\n- [ ] Keep going` }));
    const many = followThroughHtml(analyzeFollowThrough(notes));
    assert.equal(CHART_RETROS, 12);
    assert.equal(many.match(/<g class="ft-bar">/g)?.length, 12);
    assert.equal(many.match(/<th scope="row">2026/g)?.length, 12);
    assert.match(many, /<caption>Actions per retro, the latest 12 of 15<\/caption>/);
    assert.match(many, /<th scope="row">2026-01-04<\/th>/);
    assert.doesNotMatch(many, /<th scope="row">2026-01-03<\/th>/);
    assert.match(many, /<text class="ft-axis" x="24" y="136" text-anchor="start">01-04<\/text>/);
  });

  it('tells two notes of one day apart in the table', () => {
    const twice = followThroughHtml(analyzeFollowThrough([{ file: 'r/2026-01-01-a.md', text: '- [ ] x' }, { file: 'r/2026-01-01-b.md', text: '- [ ] x' }]));
    assert.match(twice, /<th scope="row">2026-01-01 \(2026-01-01-a\.md\)<\/th>/);
  });

  it('escapes hostile action text, owners and file names', () => {
    const hostile: FollowThroughReport = {
      retros: [{ file: 'x"><script>alert(1)</script>.md', date: '2026-01-01"><b>', raised: 1, done: 0, carried: 3, dropped: 0 }],
      actions: [
        {
          text: '<img src=x onerror=alert(1)> "quoted" & <script>alert(1)</script>',
          owner: '"><svg onload=alert(1)>',
          firstRaised: '<i>',
          lastSeen: '2026-01-01',
          timesCarried: 3,
          status: 'open',
          file: '" onclick="alert(1)',
          line: 0,
        },
      ],
      owners: { '"><svg onload=alert(1)>': { open: 1, done: 0, dropped: 0 } },
    };
    const out = followThroughHtml(hostile);
    const { text, scripts } = checkHtml(out, FOLLOW_THROUGH_TAGS);
    assert.equal(scripts, 0);
    assert.ok(text.includes('<img src=x onerror=alert(1)> "quoted" & <script>alert(1)</script>'));
    assert.match(out, /data-file="&quot; onclick=&quot;alert\(1\)"/);
  });

  it('escapes the strings it is given, and fills their placeholders', () => {
    const out = followThroughHtml(report, { strings: { ...FOLLOW_THROUGH_STRINGS, stuckHeading: 'Festgefahren <b>', carriedSince: '{0}× übertragen, seit {1}' } });
    assert.match(out, /<h3 class="ft-heading">Festgefahren &lt;b&gt;<\/h3>/);
    assert.match(out, /<span class="ft-meta">6× übertragen, seit 2026-09-03 · @maria<\/span>/);
  });

  it('shortens very long action text', () => {
    const long = 'word '.repeat(200).trim();
    const out = followThroughHtml(analyzeFollowThrough([1, 2, 3, 4].map((day) => ({ file: `2026-01-0${day}.md`, text: `- [ ] ${long}` }))));
    const shown = decodeHtml(/class="ft-open"[^>]*>([^<]*)</.exec(out)![1]);
    assert.equal(Array.from(shown).length <= MAX_ACTION_TEXT, true);
    assert.match(shown, /^word word .*…$/);
  });
});
