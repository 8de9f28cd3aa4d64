// Follow-through in a real VS Code: the report command, the view, live updates, Review Open Actions'
// edits and their safety checks, on a folder of real-looking retro notes. The expected figures are worked
// out by hand from the notes below, not computed by the analysis.
import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { FollowThroughReport } from '../../src/core/follow-through/report';
import { openActionPickItems } from '../../src/follow-through/review-open-actions';
import { activateWithProbes, closeAllEditors, hasFolder, isPackagedRun, messagesDuring, SidebarProbe, testProbesOrSkip, trySystem, waitFor, watchesTheApiOrSkip } from './helpers';

const VIEW_ID = 'leadFromBehind.followThrough';

/**
 * Four sprints of a team's notes. By hand:
 * - "Write the on-call runbook" (@dana) is raised on 09-03 and still open in each later note: carried 3×, open, stuck.
 * - "Add alerting for the payment queue" (@sam) is ticked on 09-17: done.
 * - "Pair on the flaky checkout test" is open on 09-03 and 09-17, and gone on 10-01: dropped.
 * - "Share the incident review notes" (@lee) is raised on 09-17, carried on 10-01, ticked on 10-15: done.
 * - "Rotate the release captain" (@dana) is raised on 10-01 and carried on 10-15: open.
 * - "Book the architecture review" (no owner) and "Ask support for the top three complaints" (@sam) are new on 10-15.
 */
const NOTES: Record<string, string> = {
  '2026-09-03-sprint-40.md': `# Sprint 40 · Thursday 2026-09-03

## What went well
- Deploys were calm this sprint.
- The new joiners paired from day one.

## What could be better
- The checkout test failed on every third run.

## Actions
- [ ] Write the on-call runbook @dana
- [ ] Add alerting for the payment queue @sam
- [ ] Pair on the flaky checkout test
`,
  '2026-09-17-sprint-41.md': `# Sprint 41 · Thursday 2026-09-17

## Follow-ups from 2026-09-03

Still open from [the previous retro](2026-09-03-sprint-40.md):

- [ ] Write the on-call runbook @dana
- [x] Add alerting for the payment queue @sam
- [ ] Pair on the flaky checkout test

## What happened
- An incident on Tuesday night; the review found two missing alerts.

## Actions
- [ ] Share the incident review notes @lee
`,
  '2026-10-01-sprint-42.md': `# Sprint 42 · Thursday 2026-10-01

## Follow-ups from 2026-09-17

- [ ] Write the on-call runbook @dana
- [ ] Share the incident review notes @lee

## Actions
- [ ] Rotate the release captain @dana
`,
  '2026-10-15-sprint-43.md': `# Sprint 43 · Thursday 2026-10-15

## Follow-ups from 2026-10-01

- [ ] Write the on-call runbook @dana
- [x] Share the incident review notes @lee
- [ ] Rotate the release captain @dana

## Actions
- [ ] Book the architecture review
- [ ] Ask support for the top three complaints @sam
`,
};
const LATEST = '2026-10-15-sprint-43.md';
/** 0-based lines of the latest note's open actions. */
const LINE = { runbook: 4, rotate: 6, book: 9, askSupport: 10 };

let folderCount = 0;

describe('Follow-through (folder open)', function () {
  if (!hasFolder()) return;
  this.timeout(60_000);
  let root: string;
  let retro: string;
  let notesDir: string;

  const report = (args?: object) => vscode.commands.executeCommand<FollowThroughReport | undefined>('leadFromBehind.followThroughReport', args);
  const review = (args: object) => vscode.commands.executeCommand<string | undefined>('leadFromBehind.reviewOpenActions', args);
  const file = (name: string) => `${retro}/${name}`;
  const action = (found: FollowThroughReport, text: string) => {
    const match = found.actions.find((candidate) => candidate.text === text);
    assert.ok(match, `the report has "${text}": ${found.actions.map((candidate) => candidate.text).join(' | ')}`);
    return match;
  };

  /** A fresh retro folder with the notes, set as the retro folder; waits until the report has read them. */
  async function freshNotes(): Promise<void> {
    retro = `docs/follow-through-${process.pid}-${++folderCount}`;
    notesDir = path.join(root, ...retro.split('/'));
    await mkdir(notesDir, { recursive: true });
    for (const [name, text] of Object.entries(NOTES)) await writeFile(path.join(notesDir, name), text);
    await vscode.workspace.getConfiguration('leadFromBehind').update('retro.folder', retro, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => (await report())?.retros.length === 4, 'the report to read the four notes');
  }

  before(async () => {
    await activateWithProbes();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });
  beforeEach(freshNotes);
  afterEach(async () => {
    await closeAllEditors();
    await rm(notesDir, { recursive: true, force: true });
  });
  after(() => vscode.workspace.getConfiguration('leadFromBehind').update('retro.folder', undefined, vscode.ConfigurationTarget.Workspace));

  it('returns the report: figures per retro, each action, and the owners', async () => {
    const found = (await report())!;
    assert.deepEqual(found.retros, [
      { file: file('2026-09-03-sprint-40.md'), date: '2026-09-03', raised: 3, done: 0, carried: 0, dropped: 0 },
      { file: file('2026-09-17-sprint-41.md'), date: '2026-09-17', raised: 1, done: 1, carried: 2, dropped: 0 },
      { file: file('2026-10-01-sprint-42.md'), date: '2026-10-01', raised: 1, done: 0, carried: 2, dropped: 1 },
      { file: file('2026-10-15-sprint-43.md'), date: '2026-10-15', raised: 2, done: 1, carried: 2, dropped: 0 },
    ]);
    assert.deepEqual(action(found, 'Write the on-call runbook'), {
      text: 'Write the on-call runbook',
      owner: 'dana',
      firstRaised: '2026-09-03',
      lastSeen: '2026-10-15',
      timesCarried: 3,
      status: 'open',
      file: file(LATEST),
      line: LINE.runbook,
    });
    assert.deepEqual(
      found.actions.map(({ text, status, owner }) => [text, status, owner ?? null]).sort(),
      [
        ['Add alerting for the payment queue', 'done', 'sam'],
        ['Ask support for the top three complaints', 'open', 'sam'],
        ['Book the architecture review', 'open', null],
        ['Pair on the flaky checkout test', 'dropped', null],
        ['Rotate the release captain', 'open', 'dana'],
        ['Share the incident review notes', 'done', 'lee'],
        ['Write the on-call runbook', 'open', 'dana'],
      ],
    );
    const flaky = action(found, 'Pair on the flaky checkout test');
    assert.equal(flaky.lastSeen, '2026-09-17');
    assert.equal(flaky.timesCarried, 1);
    assert.equal(action(found, 'Share the incident review notes').timesCarried, 1);
    assert.deepEqual(action(found, 'Rotate the release captain'), {
      text: 'Rotate the release captain',
      owner: 'dana',
      firstRaised: '2026-10-01',
      lastSeen: '2026-10-15',
      timesCarried: 1,
      status: 'open',
      file: file(LATEST),
      line: LINE.rotate,
    });
    assert.deepEqual(found.owners, {
      dana: { open: 2, done: 0, dropped: 0 },
      sam: { open: 1, done: 1, dropped: 0 },
      lee: { open: 0, done: 1, dropped: 0 },
    });
  });

  it('takes a folder by name or URI, and says when there is no such folder', async function () {
    watchesTheApiOrSkip(this);
    const folder = vscode.workspace.workspaceFolders![0];
    assert.equal((await report({ folder: folder.name }))?.retros.length, 4);
    assert.equal((await report({ folder: folder.uri.toString() }))?.retros.length, 4);
    const { result, messages } = await messagesDuring(() => report({ folder: 'no-such-folder' }));
    assert.equal(result, undefined);
    assert.deepEqual(messages, ['Lead From Behind: there is no workspace folder "no-such-folder".']);
  });

  it('updates when a note is saved with a box just ticked', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(notesDir, LATEST));
    const editor = await vscode.window.showTextDocument(document);
    const box = document.lineAt(LINE.rotate).text.indexOf('[ ]') + 1;
    await editor.edit((edit) => edit.replace(new vscode.Range(LINE.rotate, box, LINE.rotate, box + 1), 'x'));
    assert.ok(await document.save());
    const saved = Date.now();
    await waitFor(async () => action((await report())!, 'Rotate the release captain').status === 'done', 'the report to see the ticked box', 3000);
    const found = (await report())!;
    assert.equal(found.retros[3].done, 2);
    assert.deepEqual(found.owners.dana, { open: 1, done: 1, dropped: 0 });
    console.log(`      the report saw the saved tick within ${Date.now() - saved} ms`);
  });

  it('sees a note written on disk in a retro folder whose name looks like a glob', async () => {
    const odd = `docs/retros [2026] {x}-${process.pid}-${++folderCount}`;
    const oddDir = path.join(root, ...odd.split('/'));
    await mkdir(oddDir, { recursive: true });
    try {
      await writeFile(path.join(oddDir, '2026-09-03-sprint-40.md'), NOTES['2026-09-03-sprint-40.md']);
      await vscode.workspace.getConfiguration('leadFromBehind').update('retro.folder', odd, vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await report())?.retros.length === 1, 'the report to read the one note');
      // Written on disk, not saved from an editor: only the file watcher can tell.
      await writeFile(path.join(oddDir, '2026-09-17-sprint-41.md'), NOTES['2026-09-17-sprint-41.md']);
      await waitFor(async () => (await report())?.retros.length === 2, 'the file watcher to see the new note', 10_000);
      assert.equal(action((await report())!, 'Add alerting for the payment queue').status, 'done');
    } finally {
      await rm(oddDir, { recursive: true, force: true });
    }
  });

  it('marks done an action on the first line of a note that starts with a BOM, and keeps the BOM', async () => {
    const latest = path.join(notesDir, LATEST);
    const original = `\uFEFF- [ ] Thank the support team @kim\n${NOTES[LATEST]}`;
    await writeFile(latest, original);
    await waitFor(async () => (await report())!.actions.some((candidate) => candidate.text === 'Thank the support team'), 'the report to see the action on line 0');
    // The pick, built from the note as it is on disk, BOM and all.
    const [item] = openActionPickItems({ report: (await report())!, notes: new Map([[file(LATEST), original]]) }).filter((candidate) => candidate.target?.line === 0);
    assert.deepEqual(item.target, { file: file(LATEST), line: 0, text: 'Thank the support team', lineText: '- [ ] Thank the support team @kim' }, 'the line as an editor shows it, without the BOM');
    assert.equal(await review({ action: item.target, choice: 'done' }), 'done');
    assert.equal(await readFile(latest, 'utf8'), original.replace('- [ ]', '- [x]'));
  });

  it('reads a note that has unsaved changes from its editor', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(notesDir, LATEST));
    const editor = await vscode.window.showTextDocument(document);
    const box = document.lineAt(LINE.book).text.indexOf('[ ]') + 1;
    await editor.edit((edit) => {
      edit.replace(new vscode.Range(LINE.book, box, LINE.book, box + 1), 'x');
      edit.insert(new vscode.Position(document.lineCount, 0), '- [ ] Try a silent retro next time @kim\n');
    });
    assert.ok(document.isDirty);
    const found = (await report())!;
    assert.equal(action(found, 'Book the architecture review').status, 'done');
    assert.equal(action(found, 'Try a silent retro next time').owner, 'kim');
    assert.equal(found.retros[3].raised, 3);
    assert.equal(await readFile(path.join(notesDir, LATEST), 'utf8'), NOTES[LATEST], 'nothing was saved');
  });

  it('lists the open actions grouped by owner, with no owner last', async () => {
    const found = (await report())!;
    const notes = new Map(Object.entries(NOTES).map(([name, text]) => [file(name), text]));
    const items = openActionPickItems({ report: found, notes });
    assert.deepEqual(
      items.map((item) => (item.kind === vscode.QuickPickItemKind.Separator ? `— ${item.label}` : `${item.label} · ${item.description}`)),
      [
        '— @dana',
        'Write the on-call runbook · carried 3×, since 2026-09-03',
        'Rotate the release captain · carried 1×, since 2026-10-01',
        '— @sam',
        'Ask support for the top three complaints · raised 2026-10-15',
        '— No owner',
        'Book the architecture review · raised 2026-10-15',
      ],
    );
    const runbook = items.find((item) => item.label === 'Write the on-call runbook')!;
    assert.deepEqual(runbook.target, { file: file(LATEST), line: LINE.runbook, text: 'Write the on-call runbook', lineText: '- [ ] Write the on-call runbook @dana' });
    assert.equal(runbook.detail, `${file(LATEST)}:${LINE.runbook + 1}`);
  });

  it('marks an action done by ticking its box, and changes no other line of the note', async () => {
    const found = (await report())!;
    const runbook = action(found, 'Write the on-call runbook');
    assert.equal(await review({ action: runbook, choice: 'done' }), 'done');
    const before = NOTES[LATEST].split('\n');
    const after = (await readFile(path.join(notesDir, LATEST), 'utf8')).split('\n');
    assert.equal(after.length, before.length);
    for (let line = 0; line < before.length; line++) {
      if (line === LINE.runbook) assert.equal(after[line], '- [x] Write the on-call runbook @dana');
      else assert.equal(after[line], before[line], `line ${line} is unchanged`);
    }
    for (const [name, text] of Object.entries(NOTES)) {
      if (name !== LATEST) assert.equal(await readFile(path.join(notesDir, name), 'utf8'), text, `${name} is unchanged`);
    }
    await waitFor(async () => action((await report())!, 'Write the on-call runbook').status === 'done', 'the report to see it done');
  });

  it('marks an action done in an editor with unsaved changes, and leaves the saving to its author', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(notesDir, LATEST));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'Facilitator: Kim\n'));
    const typed = document.getText().split('\n');
    // The action moved one line down with the unsaved line: the report reads the editor.
    const rotate = action((await report())!, 'Rotate the release captain');
    assert.equal(rotate.line, LINE.rotate + 1);
    assert.equal(await review({ action: rotate, choice: 'done' }), 'done');
    assert.ok(document.isDirty, 'still unsaved');
    const now = document.getText().split('\n');
    for (let line = 0; line < typed.length; line++) {
      assert.equal(now[line], line === rotate.line ? '- [x] Rotate the release captain @dana' : typed[line], `line ${line}`);
    }
    assert.equal(await readFile(path.join(notesDir, LATEST), 'utf8'), NOTES[LATEST], 'the file on disk is untouched');
  });

  it('drops an action: struck through with the date, and then dropped in the report', async () => {
    const found = (await report())!;
    const book = action(found, 'Book the architecture review');
    assert.equal(await review({ action: book, choice: 'drop' }), 'dropped');
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const after = (await readFile(path.join(notesDir, LATEST), 'utf8')).split('\n');
    const before = NOTES[LATEST].split('\n');
    for (let line = 0; line < before.length; line++) {
      assert.equal(after[line], line === LINE.book ? `- [ ] ~~Book the architecture review~~ (dropped ${today})` : before[line], `line ${line}`);
    }
    await waitFor(async () => action((await report())!, 'Book the architecture review').status === 'dropped', 'the report to see it dropped');
    assert.equal((await report())!.retros[3].dropped, 1);
  });

  it('refuses to edit a note changed underneath, and changes nothing', async function () {
    watchesTheApiOrSkip(this);
    const found = (await report())!;
    const runbook = action(found, 'Write the on-call runbook');
    // Someone else's edit lands between the list and the choice: a line above the action.
    const moved = NOTES[LATEST].replace('## Follow-ups from 2026-10-01\n', '## Follow-ups from 2026-10-01\nAgreed: one owner per action.\n');
    await writeFile(path.join(notesDir, LATEST), moved);
    const { result, messages } = await messagesDuring(() => review({ action: runbook, choice: 'done' }));
    assert.equal(result, 'refused');
    assert.equal(messages.length, 1);
    assert.match(messages[0], /changed since the list was made: line 5 no longer holds the open action "Write the on-call runbook"\. Nothing was changed/);
    assert.equal(await readFile(path.join(notesDir, LATEST), 'utf8'), moved);
  });

  it('refuses when the line the pick showed was edited, even if the action reads the same', async function () {
    watchesTheApiOrSkip(this);
    const found = (await report())!;
    const notes = new Map(Object.entries(NOTES).map(([name, text]) => [file(name), text]));
    const picked = openActionPickItems({ report: found, notes }).find((item) => item.label === 'Rotate the release captain')!.target!;
    // The owner changes while the pick is open: same action, another line.
    const edited = NOTES[LATEST].replace('- [ ] Rotate the release captain @dana', '- [ ] Rotate the release captain @sam');
    await writeFile(path.join(notesDir, LATEST), edited);
    const { result } = await messagesDuring(() => review({ action: picked, choice: 'done' }));
    assert.equal(result, 'refused');
    assert.equal(await readFile(path.join(notesDir, LATEST), 'utf8'), edited);
  });

  it('refuses an action that is not open any more, and a file that is not a note', async function () {
    watchesTheApiOrSkip(this);
    const found = (await report())!;
    const alerting = action(found, 'Add alerting for the payment queue');
    const done = await messagesDuring(() => review({ action: alerting, choice: 'done' }));
    assert.equal(done.result, 'refused');
    const outside = await messagesDuring(() => review({ action: { file: 'package.json', line: 0, text: 'x' }, choice: 'drop' }));
    assert.equal(outside.result, 'refused');
    assert.match(outside.messages[0], /"package\.json" is not a retro note/);
    for (const [name, text] of Object.entries(NOTES)) assert.equal(await readFile(path.join(notesDir, name), 'utf8'), text);
  });

  it('refuses a note it cannot write, says so, and leaves the file as it was', async function () {
    watchesTheApiOrSkip(this);
    const latest = path.join(notesDir, LATEST);
    // Immutable: not even root may write it (a permission bit would not stop root).
    const unavailable = trySystem('chattr', ['+i', latest]);
    if (unavailable) {
      console.log(`      (skipped: cannot make a file read-only here: ${unavailable})`);
      this.skip();
    }
    try {
      const rotate = action((await report())!, 'Rotate the release captain');
      const { result, messages } = await messagesDuring(() => review({ action: rotate, choice: 'done' }));
      assert.equal(result, 'refused');
      assert.equal(messages.length, 1);
      assert.match(messages[0], /could not change ".*2026-10-15-sprint-43\.md": .*Nothing was changed\./);
      assert.equal(await readFile(latest, 'utf8'), NOTES[LATEST], 'the file is as it was');
    } finally {
      trySystem('chattr', ['-i', latest]);
    }
  });

  it('changes nothing but the action even where saving would: trailing spaces and the missing final newline stay', async function () {
    watchesTheApiOrSkip(this);
    const latest = path.join(notesDir, LATEST);
    // Two save participants that would change other lines of this note if it were saved from an editor.
    const original = NOTES[LATEST].replace('\n', '  \n').replace(/\n+$/, '');
    await writeFile(latest, original);
    const files = vscode.workspace.getConfiguration('files');
    await files.update('trimTrailingWhitespace', true, vscode.ConfigurationTarget.Global);
    await files.update('insertFinalNewline', true, vscode.ConfigurationTarget.Global);
    try {
      // Open in an editor, with nothing unsaved.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(latest));
      const rotate = action((await report())!, 'Rotate the release captain');
      assert.equal(await review({ action: rotate, choice: 'done' }), 'done');
      const expected = original
        .split('\n')
        .map((line, index) => (index === rotate.line ? '- [x] Rotate the release captain @dana' : line))
        .join('\n');
      assert.equal(await readFile(latest, 'utf8'), expected);
      await waitFor(() => vscode.window.activeTextEditor?.document.getText() === expected, 'the open editor to show the file as it is now');
    } finally {
      await files.update('trimTrailingWhitespace', undefined, vscode.ConfigurationTarget.Global);
      await files.update('insertFinalNewline', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('opens a note at the action', async () => {
    const found = (await report())!;
    assert.equal(await review({ action: action(found, 'Rotate the release captain'), choice: 'open' }), 'opened');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, path.join(notesDir, LATEST));
    assert.equal(editor.selection.active.line, LINE.rotate);
  });

  it('New Retrospective Note says how often each carried item was carried, and asks about the stuck one', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newRetroNote', { template: 'leading-from-behind', title: 'Sprint 44' });
    assert.equal(path.dirname(uri.fsPath), notesDir);
    const note = await readFile(uri.fsPath, 'utf8');
    assert.match(note, /^## Follow-ups from 2026-10-15$/m);
    assert.match(
      note,
      /^- \[ \] Write the on-call runbook @dana\n\n\*Carried 4×, since 2026-09-03\. Carried often: split it, give it an owner, or drop it\.\*\n\n- \[ \] Rotate the release captain @dana\n\n\*Carried 2×, since 2026-10-01\.\*\n\n- \[ \] Book the architecture review\n\n\*Carried 1×, since 2026-10-15\.\*\n/m,
    );
    assert.match(note, /^- \[ \] Ask support for the top three complaints @sam\n\n\*Carried 1×, since 2026-10-15\.\*$/m);
    assert.doesNotMatch(note, /Share the incident review notes/, 'the done action is not carried');
    // The new note is one more retro: the actions carried into it count once more, and its lines are no actions.
    await vscode.workspace.saveAll(false);
    await waitFor(async () => (await report())?.retros.length === 5, 'the report to read the new note');
    const found = (await report())!;
    assert.equal(action(found, 'Write the on-call runbook').timesCarried, 4);
    assert.equal(action(found, 'Write the on-call runbook').file, file(path.basename(uri.fsPath)));
    assert.equal(found.actions.filter((candidate) => candidate.status === 'open').length, 4);
    assert.deepEqual(found.retros[4].raised, 0);
  });

  describe('the view', () => {
    let probe: SidebarProbe;

    before(async function () {
      probe = (await testProbesOrSkip(this)).followThroughProbe!;
      assert.ok(probe, 'the extension gives the Follow-through probe in Test mode');
    });
    afterEach(async () => {
      if (probe) await probe.settled();
    });

    it('resolves with the chart, the table and the stuck action', async () => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await waitFor(() => /<svg/.test(probe.html() ?? '') && (probe.html() ?? '').includes(retro), 'the view to show these notes', 15_000);
      const html = probe.html()!;
      assert.match(html, /<svg[^>]*role="img"/, 'the chart');
      assert.match(html, /<table/, 'the table');
      for (const date of ['2026-09-03', '2026-09-17', '2026-10-01', '2026-10-15']) assert.ok(html.includes(date), date);
      assert.match(html, new RegExp(`data-file="${file(LATEST)}"[^>]*data-line="${LINE.runbook}"|data-line="${LINE.runbook}"[^>]*data-file="${file(LATEST)}"`), 'the stuck runbook links to its line');
      assert.match(html, /data-command="reviewOpenActions"/);
    });

    it('renders again when a note is saved', async () => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await waitFor(() => (probe.html() ?? '').includes(retro), 'the view to show these notes', 15_000);
      // The owners table is where a new action's owner shows.
      assert.doesNotMatch(probe.html()!, /@kim/);
      const document = await vscode.workspace.openTextDocument(path.join(notesDir, LATEST));
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), '- [ ] Celebrate the quiet on-call week @kim\n'));
      // Typing only marks the analysis out of date: the view waits for the save (beyond the 300 ms debounce).
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.doesNotMatch(probe.html()!, /@kim/, 'typing alone does not render the view again');
      await document.save();
      await waitFor(() => /<th scope="row">@kim<\/th><td>1<\/td>/.test(probe.html() ?? ''), 'the view to show the new owner', 5000);
    });

    it('opens only notes it shows, at a valid line', async () => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await waitFor(() => (probe.html() ?? '').includes(retro), 'the view to show these notes', 15_000);
      await closeAllEditors();
      for (const hostile of [
        { type: 'openAction', file: '../../etc/passwd', line: 0 },
        { type: 'openAction', file: 'package.json', line: 0 },
        { type: 'openAction', file: file(LATEST), line: -1 },
        { type: 'openAction', file: file(LATEST), line: 1.5 },
        { type: 'openAction', file: file(LATEST), line: '3' },
        { type: 'openNote', file: file(LATEST) },
        null,
      ]) {
        await probe.receive(hostile);
      }
      assert.equal(vscode.window.activeTextEditor, undefined, 'nothing opened');
      await probe.receive({ type: 'openAction', file: file(LATEST), line: LINE.runbook });
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(notesDir, LATEST), 'the note to open');
      assert.equal(vscode.window.activeTextEditor!.selection.active.line, LINE.runbook);
    });
  });
});

describe('Follow-through probe', () => {
  it('is given in Test mode only', async () => {
    const api = await activateWithProbes();
    assert.equal(api.followThroughProbe === undefined, isPackagedRun());
  });
});
