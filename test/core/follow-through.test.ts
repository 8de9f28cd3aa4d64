import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  actionSimilarity,
  analyzeFollowThrough,
  analyzeFollowThroughInDetail,
  CARRIED_NOTE_STRINGS,
  carriedHistories,
  carriedHistoryLine,
  carryConcentration,
  FollowThroughReport,
  followThroughRate,
  MATCH_THRESHOLD,
  MIN_OPEN_FOR_CARRY_CHECK,
  normalizeActionText,
  openActionsByOwner,
  sameAction,
  stuckActions,
  withCarriedHistory,
} from '../../src/core/follow-through';
import { checkConsistent, FIXTURE_FOLDER, fixtureNotes } from './follow-through-fixtures';
import { carriedOverSection, dropItemText, findMentions, notesInDateOrder, openTaskItems, taskItems, tickItemText } from '../../src/core/retro';

const note = (...lines: string[]) => lines.join('\n');

describe('task items', () => {
  it('reads each item’s line, state, text, owner and depth', () => {
    const items = taskItems(
      note(
        '# Retro',
        '',
        '- [ ] Write the runbook @sam',
        '- [x] **Fix** the [flaky](https://ci.example/1) `login` test (@Kim)',
        '* [X] Done in caps',
        '  1. [ ] Nested under a done item',
        '     - [ ] Deeper still @ana.',
        '- plain bullet',
        '  + [ ] Under a plain bullet',
      ),
    );
    assert.deepEqual(items, [
      { line: 2, state: 'open', text: 'Write the runbook', owner: 'sam', depth: 0 },
      { line: 3, state: 'done', text: 'Fix the flaky login test', owner: 'Kim', depth: 0 },
      { line: 4, state: 'done', text: 'Done in caps', owner: undefined, depth: 0 },
      { line: 5, state: 'open', text: 'Nested under a done item', owner: undefined, depth: 1 },
      { line: 6, state: 'open', text: 'Deeper still', owner: 'ana', depth: 2 },
      { line: 8, state: 'open', text: 'Under a plain bullet', owner: undefined, depth: 1 },
    ]);
  });

  it('sees no task in code, quotes or HTML, as carry-over does', () => {
    const text = note(
      '```md',
      '- [ ] in a fence',
      '```',
      '    - [ ] indented code',
      '',
      '> - [ ] quoted',
      '',
      '<!--',
      '- [ ] commented out',
      '-->',
      '',
      '<details>',
      '- [ ] in HTML',
      '</details>',
      '',
      '- [ ] Real one',
      '  > - [ ] quote inside the item',
    );
    assert.deepEqual(taskItems(text).map((item) => item.text), ['Real one']);
    assert.equal(openTaskItems(text).length, 1);
  });

  it('leaves out empty boxes, boxes with only an owner, and things that only look like tasks', () => {
    assert.deepEqual(taskItems(note('- [ ]', '- [ ]   ', '- [x]', '- [ ] @sam', '- [ ] @sam, @kim', '- []', '- [ ]text', '- [-] dash', '[ ] no list', '- [ ] <!-- hidden -->')), []);
  });

  it('reads a multi-line item as one text, at the line of its box', () => {
    assert.deepEqual(taskItems(note('- [ ] Talk to ops', '  about the pager rota', 'lazy line @sam')), [
      { line: 0, state: 'open', text: 'Talk to ops about the pager rota lazy line', owner: 'sam', depth: 0 },
    ]);
    assert.equal(taskItems(note('-', '  [ ] Box on the next line'))[0].line, 1);
  });

  it('reads CRLF and a BOM like LF', () => {
    const text = '- [ ] a @x\n  - [x] b\n';
    assert.deepEqual(taskItems(`\uFEFF${text.replace(/\n/g, '\r\n')}`), taskItems(text));
  });

  it('counts an item struck through from the start as dropped, whatever its box', () => {
    const items = taskItems(
      note(
        '- [ ] ~~Write the runbook @sam~~ (dropped 2026-11-30)',
        '- [x] ~~Ticked and struck~~',
        '- [ ] ~~Struck, no remark~~',
        '- [ ] ~~Struck~~ [not needed]',
        '- [ ] ~~Write~~ Review the runbook',
        '- [ ] Keep ~~this~~ part',
        '- [ ] ~~Struck first line~~ (dropped 2026-11-30)',
        '  and a second line',
      ),
    );
    assert.deepEqual(
      items.map((item) => [item.state, item.text, item.owner]),
      [
        ['dropped', 'Write the runbook', 'sam'],
        ['dropped', 'Ticked and struck', undefined],
        ['dropped', 'Struck, no remark', undefined],
        ['dropped', 'Struck', undefined],
        ['open', 'Write Review the runbook', undefined],
        ['open', 'Keep this part', undefined],
        ['dropped', 'Struck first line and a second line', undefined],
      ],
    );
  });

  it('takes the owner from the tags at the start, else the tags at the end, else the first mention, and takes only those tags off the text', () => {
    const texts = taskItems(
      note(
        '- [ ] @sam: Write the runbook',
        '- [ ] @sam and @kim - Write the runbook',
        '- [ ] Write the runbook (@sam)',
        '- [ ] Write the runbook — owner: @sam, @kim',
        '- [ ] Write the runbook @sam and @kim.',
        '- [ ] Ask @kim about the budget @sam',
        '- [ ] @sam: Ask @kim about the budget @lee',
        '- [ ] Ping @kim',
        '- [ ] Ask @kim about the budget',
        '- [ ] Pair @kim with @sam on the release',
        '- [ ] Pair on the release with @kim',
        '- [ ] Hand the release over to @kim.',
      ),
    ).map((item) => [item.text, item.owner]);
    assert.deepEqual(texts, [
      ['Write the runbook', 'sam'],
      ['Write the runbook', 'sam'],
      ['Write the runbook', 'sam'],
      ['Write the runbook', 'sam'],
      ['Write the runbook', 'sam'],
      // Tags at the end name the owner; a mention inside the sentence is part of the action's words.
      ['Ask @kim about the budget', 'sam'],
      // Tags at the start win; the mentions after them are words.
      ['Ask @kim about the budget @lee', 'sam'],
      ['Ping', 'kim'],
      // No tag: the first mention is the owner, and stays in the text.
      ['Ask @kim about the budget', 'kim'],
      ['Pair @kim with @sam on the release', 'kim'],
      // A mention after "with", "to" … is the end of a sentence, not a tag.
      ['Pair on the release with @kim', 'kim'],
      ['Hand the release over to @kim.', 'kim'],
    ]);
  });

  it('matches on the text without the owner tags: other mentions are words of the action', () => {
    assert.equal(normalizeActionText('Ask @kim about the budget @sam'), 'ask kim about the budget');
    assert.equal(normalizeActionText('@sam: Write the runbook'), 'write the runbook');
    assert.equal(normalizeActionText('Write the runbook (owner: @sam)'), 'write the runbook');
    assert.ok(!sameAction('Ask @kim about the budget', 'Ask @lee about the budget'), 'asking someone else is another action');
    assert.ok(!sameAction('Ask @kim about the budget @sam', 'Ask @lee about the budget @sam'));
    assert.ok(sameAction('Ask @kim about the budget @sam', 'Ask @kim about the budget @ana'), 'a new owner is the same action');
    assert.ok(sameAction('@sam: Write the runbook', 'Write the runbook @kim'));
    const report = analyzeFollowThrough([
      { file: '2026-01-01.md', text: '- [ ] Ask @kim about the budget @sam' },
      { file: '2026-01-15.md', text: '- [ ] Ask @lee about the budget @sam' },
    ]);
    assert.deepEqual(report.actions.map((action) => [action.text, action.status, action.owner]), [
      ['Ask @kim about the budget', 'dropped', 'sam'],
      ['Ask @lee about the budget', 'open', 'sam'],
    ]);
  });

  it('shows hostile text as plain text, never as markup', () => {
    const [item] = taskItems('- [ ] Fix <script>alert(1)</script> &lt;b&gt; [x](javascript:alert(1)) ![alt](x.png)');
    // markdown-it does not make a javascript: link, so it stays text, as in the preview.
    assert.equal(item.text, 'Fix alert(1) <b> [x](javascript:alert(1)) alt');
  });
});

describe('owners', () => {
  const owner = (text: string) => taskItems(`- [ ] Do it ${text}`)[0]?.owner;

  it('accepts GitHub-style names, and names in other scripts', () => {
    for (const [text, name] of [
      ['@sam', 'sam'],
      ['@sam-lee', 'sam-lee'],
      ['@sam_lee', 'sam_lee'],
      ['@Sam.Lee', 'Sam.Lee'],
      ['@zoë', 'zoë'],
      ['@r2d2', 'r2d2'],
      ['(@sam)', 'sam'],
      ['@sam.', 'sam'],
      ['@sam,', 'sam'],
      ["@sam's", 'sam'],
      ['@sam-', 'sam'],
      ['@sam_', 'sam'],
      ['[@sam](https://github.com/sam)', 'sam'],
      ['**@sam**', 'sam'],
      ['—@sam', 'sam'],
    ]) {
      assert.equal(owner(text), name, text);
    }
  });

  it('rejects emails, paths, code, digits only, doubled @ and names over 39 characters', () => {
    for (const text of ['sam@example.com', 'https://x.example/@sam', '`@sam`', '@2pm', '@42', '@3x', '@@sam', '@-sam', '@_sam', '@.sam', `@${'a'.repeat(40)}`, '@ sam', 'x.@sam', 'a+@sam']) {
      assert.equal(owner(text), undefined, text);
    }
    assert.equal(owner(`@${'a'.repeat(39)}`), 'a'.repeat(39));
  });

  it('takes the first of several mentions as the owner', () => {
    assert.equal(owner('@sam with @kim'), 'sam');
    assert.equal(taskItems('- [ ] Pair @kim with @sam on the release')[0].owner, 'kim');
    assert.deepEqual(findMentions('@a, @b and c@d.e'), [
      { index: 0, length: 2, name: 'a' },
      { index: 4, length: 2, name: 'b' },
    ]);
  });

  it('matches owners case-insensitively, and names them as last written', () => {
    const report = analyzeFollowThrough([
      { file: '2026-01-01.md', text: '- [ ] Write the runbook @Sam\n- [x] Fix the build @SAM' },
      { file: '2026-01-15.md', text: '- [ ] Write the runbook @sam' },
    ]);
    assert.deepEqual(report.owners, { sam: { open: 1, done: 1, dropped: 0 } });
    assert.deepEqual(report.actions.map((action) => action.owner), ['sam', 'sam']);
  });
});

describe('ticking and dropping a line', () => {
  it('ticks the box and changes nothing else', () => {
    for (const [line, ticked] of [
      ['- [ ] Write the runbook @sam', '- [x] Write the runbook @sam'],
      ['  1. [ ]  Two spaces and trailing  ', '  1. [x]  Two spaces and trailing  '],
      ['\t* [ ]\ttab', '\t* [x]\ttab'],
      ['    - [ ] nested deep', '    - [x] nested deep'],
      ['- - [ ] list in a list', '- - [x] list in a list'],
      ['10) [ ] ~~not~~ all struck', '10) [x] ~~not~~ all struck'],
    ]) {
      assert.equal(tickItemText(line), ticked);
    }
  });

  it('refuses lines that are not open task items with words', () => {
    for (const line of ['- [x] done', '- [X] done', '- [ ]', '- [ ]   ', '- [ ] @sam', '- [ ] ~~dropped~~ (dropped 2026-11-30)', 'text [ ] box', '[ ] no marker', '- [] x', '> - [ ] quoted', '- [ ] a\nb', '']) {
      assert.equal(tickItemText(line), undefined, line);
      assert.equal(dropItemText(line, '2026-11-30'), undefined, line);
    }
  });

  it('strikes the whole text through, owner included, and dates it', () => {
    assert.equal(dropItemText('- [ ] Write the runbook @sam', '2026-11-30'), '- [ ] ~~Write the runbook @sam~~ (dropped 2026-11-30)');
    assert.equal(dropItemText('   3. [ ] **Bold** and `code ~~x~~` ', '2026-11-30'), '   3. [ ] ~~**Bold** and `code ~~x~~`~~ (dropped 2026-11-30) ');
  });

  it('keeps the strike valid when the text has tildes or a trailing backslash of its own', () => {
    for (const line of ['- [ ] Remove ~~old~~ flag', '- [ ] Use ~~~ fences', '- [ ] ~tilde at start', '- [ ] ends with \\', '- [ ] ends with ~', '- [ ] a ~~ b', '- [ ] `a~~b` and ~~c']) {
      const dropped = dropItemText(line, '2026-11-30');
      assert.ok(dropped, line);
      const [before] = taskItems(line);
      const [after] = taskItems(dropped);
      assert.equal(after.state, 'dropped', dropped);
      assert.equal(after.text, before.text, dropped);
      assert.equal(after.line, 0);
    }
  });

  it('keeps spaces of any kind outside the strike, where ~~ still opens (found by fuzzing)', () => {
    const dropped = dropItemText('- [ ] \u000b Write', '2026-11-30')!;
    assert.equal(dropped, '- [ ] \u000b ~~Write~~ (dropped 2026-11-30)');
    assert.deepEqual(taskItems(dropped).map((item) => [item.state, item.text]), [['dropped', 'Write']]);
  });

  it('a dropped item is dropped in the analysis and no longer carried over', () => {
    const dropped = dropItemText('- [ ] Write the runbook @sam', '2026-11-30')!;
    assert.deepEqual(openTaskItems(`${dropped}\n- [ ] Keep this`), ['- [ ] Keep this']);
    // Its open sub-items are still open work: lifted, as under a ticked item.
    assert.deepEqual(openTaskItems(`${dropped}\n  - [ ] Sub-step\n  - note`), ['- [ ] Sub-step']);
    const report = analyzeFollowThrough([
      { file: '2026-11-16.md', text: '- [ ] Write the runbook @sam' },
      { file: '2026-11-30.md', text: dropped },
    ]);
    assert.deepEqual(
      report.actions.map((action) => [action.status, action.timesCarried, action.line]),
      [['dropped', 0, 0]],
    );
    assert.equal(report.retros[1].dropped, 1);
  });
});

describe('matching actions across notes', () => {
  it('normalizes case, spaces, punctuation, markdown and the owner', () => {
    assert.equal(normalizeActionText('**Write** the  [on-call](https://x.example) _runbook_!! @Sam'), 'write the oncall runbook');
    assert.equal(normalizeActionText('~~Write~~ THE   runbook.'), 'write the runbook');
    assert.equal(normalizeActionText('Café’s `API` — v1.2'), 'cafes api v12');
    assert.equal(normalizeActionText('@sam'), '');
    const once = normalizeActionText('Ｗｒｉｔｅ ㎁ the RUNBOOK');
    assert.equal(normalizeActionText(once), once);
  });

  const same: [string, string][] = [
    ['Write the runbook', 'Write the on-call runbook'],
    ['Write the runbook', 'Write the runbook for the database failover'],
    ['Write the runbook', 'write the runbook.'],
    ['Write the runbook @sam', 'Write the runbook @kim'],
    ['Write the runbook', '**Write** the _runbook_'],
    ['Fix the flaky login test', 'Fix the flaky login tests'],
    ['Fix the flaky login test', 'Fix flaky login test (again!)'],
    ['Set up alerting for the nightly build', 'Set up alerts for the nightly builds'],
    ['Agree on a code review turnaround time of one day', 'Agree on a code review turnaround time of two days'],
    ['Update the onboarding docs', 'Update the onbaording docs'],
    ['Book a room for the offsite', 'Book the room for our offsite'],
    ['Move CI to GitHub Actions', 'Move CI to GitHub Actions this sprint'],
    ['Ask ops about the pager rota', 'Ask ops about the pager rota, please'],
    ['Write the runbook', 'Writing the runbook'],
    ['Pair with Ana on the release checklist', 'Pair with Ana on the release checklist and the rollback plan'],
    ['Document the deploy process', 'Document the deploy process in the wiki'],
    ['Docs', 'Docs for the API'],
    ['Add tests', 'Add tests for the parser and the lexer'],
    ['🚀', '🚀'],
  ];
  const different: [string, string][] = [
    ['Write the runbook', 'Review the runbook'],
    ['Write the runbook', 'Update the runbook'],
    ['Update the README', 'Update the CHANGELOG'],
    ['Fix the flaky login test', 'Fix the flaky checkout test'],
    ['Fix the flaky login test in CI', 'Fix the flaky checkout test in CI'],
    ['Book a room for the offsite', 'Reserve a room for the offsite'],
    ['Write the runbook', 'Write the runbook for the database failover and the cache warm-up'],
    ['Docs', 'Docs for the API and the CLI'],
    ['Add tests', 'Add tests for the parser, the lexer and the printer'],
    ['Invite design to the retro', 'Invite product to the retro'],
    ['Rotate the on-call schedule', 'Write the on-call runbook'],
    ['Talk to ops', 'Talk to sales'],
    ['🚀', '🎉'],
    ['Write the runbook', ''],
  ];

  it('matches a small edit (both sides of the threshold)', () => {
    for (const [a, b] of same) {
      assert.ok(sameAction(a, b), `${a} / ${b}: ${actionSimilarity(a, b).toFixed(3)}`);
      assert.ok(sameAction(b, a), `${b} / ${a}`);
    }
  });

  it('keeps different actions apart (both sides of the threshold)', () => {
    for (const [a, b] of different) {
      assert.ok(!sameAction(a, b), `${a} / ${b}: ${actionSimilarity(a, b).toFixed(3)}`);
      assert.ok(!sameAction(b, a), `${b} / ${a}`);
    }
  });

  it('scores as documented', () => {
    const score = (a: string, b: string) => Math.round(actionSimilarity(a, b) * 1000) / 1000;
    assert.equal(score('Write the runbook', 'Write the on-call runbook'), 0.909);
    assert.equal(score('Write the runbook', 'Write the runbook for the database failover'), 0.833);
    assert.equal(score('Write the runbook', 'Review the runbook'), 0.5);
    assert.equal(score('Fix the flaky login test', 'Fix the flaky checkout test'), 0.75);
    assert.equal(score('Agree on a code review turnaround time of one day', 'Agree on a code review turnaround time of two days'), 0.857);
    assert.equal(MATCH_THRESHOLD, 0.82);
  });

  it('matches one to one: two similar actions in a note do not both continue one earlier action', () => {
    const report = analyzeFollowThrough([
      { file: '2026-01-01.md', text: '- [ ] Write the runbook' },
      { file: '2026-01-15.md', text: '- [ ] Write the runbook for the API\n- [ ] Write the runbook for the UI' },
    ]);
    assert.deepEqual(
      report.actions.map((action) => [action.text, action.firstRaised, action.timesCarried]),
      [
        ['Write the runbook for the API', '2026-01-01', 1],
        ['Write the runbook for the UI', '2026-01-15', 0],
      ],
    );
  });

  it('gives the earlier action to the item that matches it best, not to the first one', () => {
    const report = analyzeFollowThrough([
      { file: '2026-01-01.md', text: '- [ ] Write the runbook for the payment service' },
      { file: '2026-01-15.md', text: '- [ ] Write the runbook for the payment service and the cache warm-up\n- [ ] Write the runbook for the payment service today' },
    ]);
    assert.deepEqual(
      report.actions.map((action) => [action.text, action.timesCarried]),
      [
        ['Write the runbook for the payment service today', 1],
        ['Write the runbook for the payment service and the cache warm-up', 0],
      ],
    );
  });
});

describe('follow-through analysis: the fixture folder', () => {
  const report = analyzeFollowThrough(fixtureNotes());
  const action = (start: string) => {
    const found = report.actions.find((candidate) => candidate.text.startsWith(start));
    assert.ok(found, start);
    return found;
  };

  it('reads the seven dated notes in order and leaves the README out', () => {
    assert.deepEqual(
      report.retros.map((retro) => retro.date),
      ['2026-09-03', '2026-09-17', '2026-10-01', '2026-10-15', '2026-10-29', '2026-11-12', '2026-11-26'],
    );
    assert.ok(report.retros.every((retro) => retro.file.startsWith('retro/2026-')));
  });

  it('gives the figures of each retro', () => {
    assert.deepEqual(
      report.retros.map(({ raised, done, carried, dropped }) => [raised, done, carried, dropped]),
      [
        [4, 0, 0, 0],
        [3, 1, 3, 0],
        [1, 2, 4, 0],
        // The billing pairing, missing here, is dropped here (with the struck alerting)…
        [2, 1, 3, 2],
        // …and raised again here, not carried.
        [2, 1, 3, 0],
        [2, 1, 3, 1],
        [1, 1, 4, 0],
      ],
    );
  });

  it('follows an edited action, and finds the stuck ones where they stand now', () => {
    assert.deepEqual(action('Write the on-call runbook'), {
      text: 'Write the on-call runbook for the payment service',
      owner: 'maria',
      firstRaised: '2026-09-03',
      lastSeen: '2026-11-26',
      timesCarried: 6,
      status: 'open',
      file: 'retro/2026-11-26-sprint-36.md',
      line: 9,
    });
    assert.equal(action('Agree on a code review').text, 'Agree on a code review turnaround time of two days');
    assert.equal(action('Agree on a code review').firstRaised, '2026-09-17');
    assert.deepEqual(
      stuckActions(report).map((stuck) => [stuck.text, stuck.timesCarried]),
      [
        ['Write the on-call runbook for the payment service', 6],
        ['Agree on a code review turnaround time of two days', 5],
        ['Rotate the on-call schedule every month', 3],
      ],
    );
    const lines = readFileSync(path.join(FIXTURE_FOLDER, '2026-11-26-sprint-36.md'), 'utf8').split('\n');
    for (const stuck of stuckActions(report)) assert.match(lines[stuck.line], /^- \[ \] /);
  });

  it('finds done, dropped (struck and forgotten) and a forgotten action that came back as a new one', () => {
    assert.deepEqual([action('Fix the flaky').status, action('Fix the flaky').lastSeen], ['done', '2026-09-17']);
    assert.equal(action('Book a room').status, 'done');
    assert.deepEqual([action('Set up alerting').status, action('Set up alerting').timesCarried], ['dropped', 2]);
    assert.deepEqual([action('Update the README').status, action('Update the README').owner], ['dropped', undefined]);
    const pairings = report.actions.filter((candidate) => candidate.text === 'Pair on the billing migration');
    assert.deepEqual(
      pairings.map((pairing) => [pairing.status, pairing.timesCarried, pairing.firstRaised, pairing.lastSeen]),
      [
        ['dropped', 1, '2026-09-17', '2026-10-01'],
        ['done', 0, '2026-10-29', '2026-11-12'],
      ],
    );
    assert.deepEqual([action('Draft the migration').status, action('Clean up stale').status], ['done', 'done']);
  });

  it('keeps "Review the runbook" apart from "Write the runbook"', () => {
    assert.deepEqual([action('Review the runbook').status, action('Review the runbook').firstRaised], ['done', '2026-10-01']);
  });

  it('sees no action in the fence, the quote or the HTML comment', () => {
    for (const fake of ['Check the dashboards', 'Page the on-call', 'Migrate every team', 'Move the standup']) {
      assert.ok(!report.actions.some((candidate) => candidate.text.startsWith(fake)), fake);
    }
    assert.equal(report.actions.length, 15);
  });

  it('counts actions per owner, and sees one person carrying most of the open ones', () => {
    assert.deepEqual(report.owners, {
      ana: { open: 0, done: 2, dropped: 0 },
      kim: { open: 1, done: 2, dropped: 0 },
      maria: { open: 3, done: 0, dropped: 1 },
      ravi: { open: 0, done: 2, dropped: 1 },
      sam: { open: 1, done: 1, dropped: 0 },
    });
    assert.deepEqual(carryConcentration(report), { owner: 'maria', open: 3, totalOpen: 5 });
  });

  it('gives the follow-through rate of each retro', () => {
    assert.deepEqual(
      report.retros.map((retro) => followThroughRate(retro)),
      [undefined, 1 / 4, 2 / 6, 1 / 6, 1 / 4, 1 / 5, 1 / 5],
    );
  });

  it('has figures that add up', () => {
    checkConsistent(report);
  });
});

describe('follow-through analysis: status rules and edge cases', () => {
  const analyze = (...texts: string[]) => analyzeFollowThrough(texts.map((text, index) => ({ file: `2026-01-${String(index + 1).padStart(2, '0')}-retro.md`, text })));
  const statuses = (report: FollowThroughReport) => report.actions.map((action) => `${action.text}: ${action.status} ${action.timesCarried}`);

  it('is empty without notes, and without actions', () => {
    assert.deepEqual(analyzeFollowThrough([]), { retros: [], actions: [], owners: {} });
    assert.deepEqual(analyze('# Retro\n\nNo actions.'), { retros: [{ file: '2026-01-01-retro.md', date: '2026-01-01', raised: 0, done: 0, carried: 0, dropped: 0 }], actions: [], owners: {} });
  });

  it('leaves out files without a date or not .md, and reads a file given twice once', () => {
    const report = analyzeFollowThrough([
      { file: 'notes.md', text: '- [ ] Undated' },
      { file: '2026-01-01.txt', text: '- [ ] Not markdown' },
      { file: '2026-02-30.md', text: '- [ ] No such day' },
      { file: '2026-01-01.md', text: '- [ ] First' },
      { file: '2026-01-01.md', text: '- [ ] Second copy' },
    ]);
    assert.deepEqual(statuses(report), ['First: open 0']);
  });

  it('orders notes by the date in their name, then as carry-over does on one day', () => {
    const files = ['b/2026-01-08-sprint-2.md', 'a/2026-01-08-sprint.md', '2026-01-01-zeta.md', '2026-01-08-sprint-2.md', '2026-01-08-sprint.md'];
    assert.deepEqual(
      notesInDateOrder(files).map((entry) => entry.fileName),
      ['2026-01-01-zeta.md', '2026-01-08-sprint.md', '2026-01-08-sprint-2.md', 'a/2026-01-08-sprint.md', 'b/2026-01-08-sprint-2.md'],
    );
    const report = analyzeFollowThrough([
      { file: '2026-03-01-retro-2.md', text: '- [x] Write the runbook' },
      { file: '2026-03-01-retro.md', text: '- [ ] Write the runbook' },
    ]);
    assert.deepEqual(statuses(report), ['Write the runbook: done 0']);
    assert.deepEqual(report.retros.map((retro) => retro.file), ['2026-03-01-retro.md', '2026-03-01-retro-2.md']);
  });

  it('done: ticked in any note; the same words unticked later are a new action', () => {
    const report = analyze('- [ ] Fix the build', '- [x] Fix the build', '- [ ] Fix the build');
    assert.deepEqual(statuses(report), ['Fix the build: done 0', 'Fix the build: open 0']);
    assert.deepEqual(report.retros.map((retro) => [retro.raised, retro.done]), [[1, 0], [0, 1], [1, 0]]);
  });

  it('a ticked item copied on stays one done action', () => {
    assert.deepEqual(statuses(analyze('- [ ] Fix the build', '- [x] Fix the build', '- [x] Fix the build')), ['Fix the build: done 0']);
  });

  it('open: unticked in the latest note; otherwise dropped when it went missing', () => {
    const report = analyze('- [ ] A thing\n- [ ] Another thing', '- [ ] A thing', '- [ ] A thing\n- [ ] Third thing');
    assert.deepEqual(statuses(report), ['A thing: open 2', 'Another thing: dropped 0', 'Third thing: open 0']);
    assert.deepEqual(report.retros.map((retro) => retro.dropped), [0, 1, 0]);
  });

  it('an action missing from one retro is dropped there, and coming back in the next is a new action, raised again', () => {
    const report = analyze('- [ ] Pair on billing', '- [ ] Something else', '- [ ] Pair on billing');
    assert.deepEqual(statuses(report), ['Pair on billing: dropped 0', 'Something else: dropped 0', 'Pair on billing: open 0']);
    assert.deepEqual(report.retros.map((retro) => [retro.raised, retro.carried, retro.dropped]), [[1, 0, 0], [1, 0, 1], [1, 0, 1]]);
    assert.deepEqual(report.actions.map((action) => [action.firstRaised, action.lastSeen]), [['2026-01-01', '2026-01-01'], ['2026-01-02', '2026-01-02'], ['2026-01-03', '2026-01-03']]);
  });

  it('a retro’s figures stay as they were when a later note brings a missing action back', () => {
    const before = analyze('- [ ] Pair on billing', '- [ ] Something else');
    const after = analyze('- [ ] Pair on billing', '- [ ] Something else', '- [ ] Pair on billing');
    assert.deepEqual(after.retros.slice(0, 2), before.retros);
  });

  it('missing from two retros, it was dropped at the first, and coming back is a new action', () => {
    const report = analyze('- [ ] Pair on billing', '', '', '- [ ] Pair on billing');
    assert.deepEqual(statuses(report), ['Pair on billing: dropped 0', 'Pair on billing: open 0']);
    assert.deepEqual(report.retros.map((retro) => retro.dropped), [0, 1, 0, 0]);
  });

  it('a struck action is closed: the same words later are a new action', () => {
    const report = analyze('- [ ] Write docs', '- [ ] ~~Write docs~~ (dropped 2026-01-02)', '- [ ] Write docs');
    assert.deepEqual(statuses(report), ['Write docs: dropped 0', 'Write docs: open 0']);
  });

  it('reads the same words twice in one note as one action, ticked if either is', () => {
    const report = analyze('- [ ] Write the runbook @sam', '## Follow-ups\n- [x] Write the runbook\n\n## Action items\n- [ ] Write the runbook @sam');
    assert.deepEqual(statuses(report), ['Write the runbook: done 0']);
    assert.equal(report.actions[0].line, 1);
    assert.equal(report.actions[0].owner, 'sam');
  });

  it('reads nested items as actions of their own', () => {
    const report = analyze('- [ ] Ship the export\n  - [ ] CSV\n  - [ ] JSON', '- [ ] Ship the export\n  - [x] CSV\n  - [ ] JSON');
    assert.deepEqual(statuses(report), ['Ship the export: open 1', 'CSV: done 0', 'JSON: open 1']);
  });

  it('follows very long items', () => {
    const long = `Write the runbook ${Array.from({ length: 400 }, (_, index) => `step${index}`).join(' ')}`;
    const report = analyze(`- [ ] ${long}`, `- [ ] ${long} today`);
    assert.deepEqual(report.actions.map((action) => [action.timesCarried, action.text.length]), [[1, long.length + 6]]);
  });

  it('an item raised already ticked is raised and done in its note', () => {
    const report = analyze('- [x] Clean up flags');
    assert.deepEqual(report.retros.map((retro) => [retro.raised, retro.done, retro.carried]), [[1, 1, 0]]);
    assert.equal(followThroughRate(report.retros[0]), 1);
  });

  it('gives each action’s history in detail', () => {
    const detail = analyzeFollowThroughInDetail([
      { file: '2026-01-01.md', text: '- [ ] A thing' },
      { file: '2026-01-08.md', text: '# x\n\n- [x] A thing' },
    ]);
    assert.deepEqual(detail.histories, [[{ note: 0, line: 0, state: 'open' }, { note: 1, line: 2, state: 'done' }]]);
    assert.deepEqual(detail.notes, [{ file: '2026-01-01.md', date: '2026-01-01' }, { file: '2026-01-08.md', date: '2026-01-08' }]);
  });
});

describe('follow-through views', () => {
  const report = analyzeFollowThrough(fixtureNotes());

  it('lists stuck actions from a threshold', () => {
    assert.equal(stuckActions(report, 6).length, 1);
    assert.equal(stuckActions(report, 1).length, 4);
  });

  it('checks concentration only with enough open actions, and only above half', () => {
    const open = (owners: (string | undefined)[]): FollowThroughReport => {
      const actions = owners.map((owner, index) => ({ text: `a${index}`, owner, firstRaised: '2026-01-01', lastSeen: '2026-01-01', timesCarried: 0, status: 'open' as const, file: 'x.md', line: index }));
      const counts: Record<string, { open: number; done: number; dropped: number }> = {};
      for (const owner of owners) if (owner) counts[owner] = { open: (counts[owner]?.open ?? 0) + 1, done: 0, dropped: 0 };
      return { retros: [], actions, owners: counts };
    };
    assert.equal(MIN_OPEN_FOR_CARRY_CHECK, 3);
    assert.equal(carryConcentration(open(['a'])), undefined, 'one of one is no pattern');
    assert.equal(carryConcentration(open(['a', 'a'])), undefined, 'two of two are too few to say');
    assert.deepEqual(carryConcentration(open(['a', 'a', 'a'])), { owner: 'a', open: 3, totalOpen: 3 }, 'three of three on one person is the pattern');
    assert.deepEqual(carryConcentration(open(['a', 'a', 'b'])), { owner: 'a', open: 2, totalOpen: 3 });
    assert.equal(carryConcentration(open(['a', 'b', 'c'])), undefined);
    assert.deepEqual(carryConcentration(open(['a', 'a', 'a', 'b'])), { owner: 'a', open: 3, totalOpen: 4 });
    assert.equal(carryConcentration(open(['a', 'a', 'b', 'b'])), undefined, 'half is not more than half');
    assert.deepEqual(carryConcentration(open(['a', 'a', 'a', undefined, undefined])), { owner: 'a', open: 3, totalOpen: 5 }, 'actions without an owner count in the whole');
    assert.equal(carryConcentration(open(['a', 'a', undefined, undefined])), undefined);
  });

  it('groups open actions by owner, those without one last', () => {
    const withNobody = analyzeFollowThrough([{ file: '2026-01-01.md', text: '- [ ] x @zed\n- [ ] y\n- [ ] z @Ana\n- [ ] w @ana' }]);
    assert.deepEqual(
      openActionsByOwner(withNobody).map((group) => [group.owner, group.actions.map((action) => action.text)]),
      [
        ['ana', ['z', 'w']],
        ['zed', ['x']],
        [undefined, ['y']],
      ],
    );
    assert.deepEqual(openActionsByOwner(report).map((group) => [group.owner, group.actions.length]), [['kim', 1], ['maria', 3], ['sam', 1]]);
  });
});

describe('carried history for New Retrospective Note', () => {
  const notes = fixtureNotes();
  const previous = 'retro/2026-11-26-sprint-36.md';
  const blocks = openTaskItems(notes.find((entry) => entry.file === previous)!.text);

  it('says how often each carried item has been carried, counting this carry, and since when', () => {
    assert.deepEqual(
      carriedHistories(notes, previous, blocks),
      [
        { timesCarried: 7, since: '2026-09-03', tooOften: true, owner: 'maria' },
        { timesCarried: 6, since: '2026-09-17', tooOften: true, owner: 'maria' },
        { timesCarried: 4, since: '2026-10-15', tooOften: true, owner: 'maria' },
        { timesCarried: 2, since: '2026-11-12', tooOften: false, owner: 'sam' },
        { timesCarried: 1, since: '2026-11-26', tooOften: false, owner: 'kim' },
      ],
    );
  });

  it('counts only the notes up to the previous one', () => {
    const earlier = 'retro/2026-10-01-sprint-32.md';
    const histories = carriedHistories(notes, earlier, openTaskItems(notes.find((entry) => entry.file === earlier)!.text));
    assert.deepEqual(histories.map((history) => history?.timesCarried), [3, 3, 2, 2, 1]);
  });

  it('is undefined where a block is not a known action, or the previous note is unknown', () => {
    assert.deepEqual(carriedHistories(notes, previous, ['- [ ]\n  - a note under an empty box']), [undefined]);
    assert.deepEqual(carriedHistories(notes, 'retro/nope.md', blocks), blocks.map(() => undefined));
  });
});

describe('carried history in the new note', () => {
  it('writes an italic line of its own after the item, and a prompt when carried too often', () => {
    assert.equal(carriedHistoryLine({ timesCarried: 2, since: '2026-11-12', tooOften: false, owner: undefined }), '*Carried 2×, since 2026-11-12.*');
    assert.equal(
      carriedHistoryLine({ timesCarried: 3, since: '2026-10-01', tooOften: true, owner: 'sam' }),
      '*Carried 3×, since 2026-10-01. Carried often: split it, give it an owner, or drop it.*',
    );
    assert.equal(
      carriedHistoryLine({ timesCarried: 3, since: '2026-10-01', tooOften: false, owner: undefined }, { ...CARRIED_NOTE_STRINGS, carriedSince: '*{0}* mal_übertragen, seit {1}' }),
      '*\\*3\\* mal\\_übertragen, seit 2026-10-01*',
    );
  });

  it('leaves every item as it was: carry-over and follow-through read the same items, and never the line', () => {
    const notes = fixtureNotes();
    const previous = 'retro/2026-11-26-sprint-36.md';
    const blocks = openTaskItems(notes.find((entry) => entry.file === previous)!.text).concat('1. [ ] Numbered\n   with more', '- [ ] Parent\n  - [ ] Child');
    const histories = carriedHistories(notes, previous, blocks);
    const section = carriedOverSection(withCarriedHistory(blocks, histories), { date: '2026-11-26', link: '2026-11-26-sprint-36.md' });
    assert.match(section, /^- \[ \] Write the on-call runbook for the payment service @maria\n\n\*Carried 7×, since 2026-09-03\. Carried often: split it, give it an owner, or drop it\.\*\n\n- \[ \] Agree/m);
    assert.deepEqual(openTaskItems(section), blocks);
    assert.deepEqual(
      taskItems(section).map((item) => item.text),
      taskItems(blocks.join('\n')).map((item) => item.text),
    );
    // The next note carries the items on without the lines.
    const next = analyzeFollowThrough([...notes, { file: 'retro/2026-12-10-sprint-37.md', text: section }]);
    assert.equal(next.actions.find((action) => action.text.startsWith('Write the on-call'))!.timesCarried, 7);
  });
});
