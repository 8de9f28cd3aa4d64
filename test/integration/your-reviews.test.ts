import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { isoWeek } from '../../src/core/reflection/week';
import { closeAllEditors, dismissQuickInputUntilSettled, ExtensionApi, hasFolder, messagesDuring, openUntitled, testProbesOrSkip, TestProbes, waitFor } from './helpers';

const VIEW_ID = 'leadFromBehind.yourReviews';
const THIS_WEEK = isoWeek(new Date());

/** Figures as another window would have stored them: its own record under its own key. */
async function seedAnotherWindow(api: TestProbes, counts: Record<string, unknown>): Promise<string> {
  const key = `reflection.figures.test-${Math.random().toString(16).slice(2)}`;
  await api.reviewFiguresState().update(key, { updated: Date.now(), weeks: { [THIS_WEEK]: counts } });
  return key;
}

const setReflectionSetting = (key: 'folder' | 'offer' | 'enabled', value: unknown) =>
  vscode.workspace.getConfiguration('leadFromBehind').update(`reflection.${key}`, value, vscode.ConfigurationTarget.Global);

async function report(): Promise<{ weeks: { week: string; commentsFinished: number; commentsLeftFlagged: number; commentsRewritten: number; flagsByRule: Record<string, number> }[] }> {
  return vscode.commands.executeCommand('leadFromBehind.reviewReflectionReport');
}

describe('Your Reviews view', function () {
  this.timeout(60_000);
  let api: ExtensionApi & TestProbes;
  const seeded: string[] = [];

  before(async function () {
    api = await testProbesOrSkip(this);
  });

  afterEach(async () => {
    for (const key of seeded.splice(0)) await api.reviewFiguresState().update(key, undefined);
    await api.yourReviewsProbe?.settled().catch(() => undefined);
  });

  /** Renders the view again (as Retry does) and returns its page once it landed. */
  async function rerender(): Promise<string> {
    const probe = api.yourReviewsProbe!;
    await probe.receive({ type: 'retry' });
    await probe.settled();
    return probe.html()!;
  }

  it('resolves in the Lead From Behind sidebar and shows the figures every window counted', async () => {
    assert.ok(api.yourReviewsProbe, 'the view has its probe in Test mode');
    seeded.push(
      await seedAnotherWindow(api, {
        commentsFinished: 7,
        commentsFlagged: 3,
        commentsLeftFlagged: 2,
        commentsRewritten: 1,
        flagsByRule: { verdict: 4, wish: 1 },
        resolvedByRewrite: 2,
        leftInPlace: 2,
        sessions: 1,
        sessionMinutes: 20,
      }),
    );
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await waitFor(() => api.yourReviewsProbe!.html() !== undefined, 'the Your Reviews page');
    const html = await rerender();
    assert.match(html, /<svg class="chart" id="chart" role="img"/);
    assert.match(html, new RegExp(`<tr data-week="${THIS_WEEK}"><th scope="row">${THIS_WEEK}</th><td>(\\d+)</td>`));
    const row = new RegExp(`<tr data-week="${THIS_WEEK}"><th scope="row">${THIS_WEEK}</th><td>(\\d+)</td><td>(\\d+) \\(\\d+%\\)</td><td>(\\d+) \\(\\d+%\\)</td>`).exec(html);
    assert.ok(row, html);
    const counted = (await report()).weeks.find((figures) => figures.week === THIS_WEEK)!;
    // The table counts finished comments: those that went out with a flag left in, and those with a rewrite taken.
    assert.deepEqual(row.slice(1).map(Number), [counted.commentsFinished, counted.commentsLeftFlagged, counted.commentsRewritten], 'the table shows the report this week');
    assert.ok(counted.commentsFinished >= 7 && counted.commentsLeftFlagged >= 2 && counted.commentsRewritten >= 1 && counted.flagsByRule.verdict >= 4);
    assert.match(html, /data-action="openCard" data-id="speak-for-yourself"/, 'the verdict rule links to its review prompt');
    assert.match(html, /id="reflect" data-action="reflect"/);
  });

  it('shows a directive comment counted in this window, once it is finished', async function () {
    // Counting through the tone check: an untitled note checked on demand, typed in, then closed.
    const before = (await report()).weeks.find((figures) => figures.week === THIS_WEEK);
    const document = await openUntitled('markdown', '');
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('leadFromBehind.checkTone');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Rename this variable to total.'));
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).length > 0, 'the tone check to flag the comment');
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await waitFor(() => api.yourReviewsProbe!.html() !== undefined, 'the Your Reviews page');
    const pageBefore = api.yourReviewsProbe!.html();
    await closeAllEditors();
    await waitFor(
      async () => ((await report()).weeks.find((figures) => figures.week === THIS_WEEK)?.commentsFinished ?? 0) > (before?.commentsFinished ?? 0),
      'the closed comment to be counted',
      30_000,
    );
    // The view renders again by itself when the figures change.
    await waitFor(() => api.yourReviewsProbe!.html() !== pageBefore, 'the view to render the new figures');
    await api.yourReviewsProbe!.settled();
    const counted = (await report()).weeks.find((figures) => figures.week === THIS_WEEK)!;
    assert.match(api.yourReviewsProbe!.html()!, new RegExp(`<tr data-week="${THIS_WEEK}"><th scope="row">${THIS_WEEK}</th><td>${counted.commentsFinished}</td>`));
    assert.match(api.yourReviewsProbe!.html()!, /data-rule="imperative"/);
  });

  it('says when counting is off', async () => {
    await setReflectionSetting('enabled', false);
    try {
      await waitFor(async () => /id="counting-off"/.test(await rerender()), 'the counting-off line');
    } finally {
      await setReflectionSetting('enabled', undefined);
    }
    assert.doesNotMatch(await rerender(), /id="counting-off"/);
  });

  it('shows a rule’s review prompt in the cards view when its link is used, and ignores unknown cards', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.isSidebarVisible(), 'the sidebar to be hidden');
    await api.yourReviewsProbe!.receive({ type: 'openCard', id: 'no-such-card' });
    assert.equal(api.isSidebarVisible(), false, 'an unknown card does nothing');
    await api.yourReviewsProbe!.receive({ type: 'openCard', id: 'ask-dont-tell' });
    await waitFor(() => api.isSidebarVisible(), 'the cards view to show');
  });
});

describe('Reflect on This Week and Open Past Reflection', function () {
  this.timeout(60_000);
  let api: ExtensionApi & TestProbes;
  const cleanups: (() => Promise<unknown>)[] = [];

  before(async function () {
    api = await testProbesOrSkip(this);
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const noteFile = () => `${THIS_WEEK}-reflection.md`;

  it('creates this week’s note in the extension’s global storage, with the figures, a card and questions, and reopens it without overwriting', async () => {
    const key = await seedAnotherWindow(api, { commentsFinished: 5, commentsFlagged: 2, commentsLeftFlagged: 1, commentsRewritten: 2, flagsByRule: { 'you-must': 9 }, leftInPlace: 1, resolvedByRewrite: 3 });
    cleanups.push(() => Promise.resolve(api.reviewFiguresState().update(key, undefined)));
    const folder = vscode.Uri.parse(api.reflectionFolder());
    assert.match(folder.path, /\/lead-from-behind\.lead-from-behind\/reflections$/, folder.toString());
    for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) assert.ok(!folder.path.startsWith(workspaceFolder.uri.path), 'not in the workspace');
    const file = vscode.Uri.joinPath(folder, noteFile());
    cleanups.push(() => rm(file.fsPath, { force: true }));
    await rm(file.fsPath, { force: true });

    const created = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.reflectOnWeek');
    assert.equal(created?.toString(), file.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString(), 'the note is open');
    const text = await readFile(file.fsPath, 'utf8');
    const counted = (await report()).weeks.find((figures) => figures.week === THIS_WEEK)!;
    assert.match(text, new RegExp(`^# Reflection on week ${THIS_WEEK}\\n`));
    assert.match(text, new RegExp(`^- Comments finished: ${counted.commentsFinished}$`, 'm'));
    assert.match(text, new RegExp(`^- Comments that went out with a directive flag left in: ${counted.commentsLeftFlagged}$`, 'm'));
    assert.match(text, new RegExp(`^- Comments in which you took a rewrite: ${counted.commentsRewritten}$`, 'm'));
    assert.match(text, /^## The habit that came up most: Obligation on the author$/m, 'you-must, flagged most');
    assert.match(text, /^### Leave the decision to the author$/m);
    assert.match(text, /^\*\*Reflect:\*\* .+\?"?$/m);
    assert.equal(text.match(/^\d\. .+\?.*$/gm)?.length, 2, 'two questions from the model');
    assert.match(text, /^## One thing to try next week\n\n- \n/m);

    // Reflecting again this week opens the same note, as it was left.
    await writeFile(file.fsPath, `${text}\nMy own words.\n`);
    await closeAllEditors();
    const again = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.reflectOnWeek');
    assert.equal(again?.toString(), file.toString());
    assert.match(await readFile(file.fsPath, 'utf8'), /My own words\.\n$/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString());
  });

  it('lists the notes newest first, opens one by name, and closes its quick pick without opening any', async () => {
    const folder = vscode.Uri.parse(api.reflectionFolder());
    const old = vscode.Uri.joinPath(folder, '2020-W01-reflection.md');
    await vscode.workspace.fs.createDirectory(folder);
    await writeFile(old.fsPath, '# An old reflection\n');
    await writeFile(vscode.Uri.joinPath(folder, 'not-a-note.md').fsPath, 'other\n');
    cleanups.push(() => rm(old.fsPath, { force: true }), () => rm(vscode.Uri.joinPath(folder, 'not-a-note.md').fsPath, { force: true }));
    await vscode.commands.executeCommand('leadFromBehind.reflectOnWeek');
    cleanups.push(() => rm(vscode.Uri.joinPath(folder, noteFile()).fsPath, { force: true }));

    const notes = await api.reflectionNotes();
    assert.deepEqual(notes.slice(0, 1), [noteFile()]);
    assert.ok(notes.indexOf('2020-W01-reflection.md') > 0);
    assert.ok(!notes.includes('not-a-note.md'));

    await closeAllEditors();
    const opened = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.openPastReflection', { file: '2020-W01-reflection.md' });
    assert.equal(opened?.toString(), old.toString());
    assert.equal(vscode.window.activeTextEditor?.document.getText(), '# An old reflection\n');

    const { messages } = await messagesDuring(() => vscode.commands.executeCommand('leadFromBehind.openPastReflection', { file: '../elsewhere.md' }));
    assert.match(messages.join('\n'), /there is no reflection note "\.\.\/elsewhere\.md"/);
    assert.equal(await dismissQuickInputUntilSettled(vscode.commands.executeCommand('leadFromBehind.openPastReflection')), undefined);
  });

  it('writes into the folder the setting names, and refuses a relative one with the note open unsaved', async () => {
    const mine = await mkdtemp(path.join(os.tmpdir(), 'lfb-reflections-'));
    cleanups.push(() => rm(mine, { recursive: true, force: true }), () => Promise.resolve(setReflectionSetting('folder', undefined)));
    await setReflectionSetting('folder', path.join(mine, 'notes'));
    const created = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.reflectOnWeek');
    assert.equal(created?.fsPath, path.join(mine, 'notes', noteFile()));
    assert.match(await readFile(created!.fsPath, 'utf8'), /^# Reflection on week /);
    assert.deepEqual(await api.reflectionNotes(), [noteFile()]);

    await closeAllEditors();
    await setReflectionSetting('folder', 'notes/reflections');
    const { result, messages } = await messagesDuring(() => vscode.commands.executeCommand<vscode.Uri | undefined>('leadFromBehind.reflectOnWeek'));
    assert.equal(result, undefined);
    assert.match(messages.join('\n'), /could not be saved in "notes\/reflections": "notes\/reflections" is a relative path/);
    const unsaved = vscode.window.activeTextEditor?.document;
    assert.equal(unsaved?.isUntitled, true, 'the note is open, unsaved');
    assert.match(unsaved!.getText(), /^# Reflection on week /);
    if (hasFolder()) {
      const inWorkspace = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'notes');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(inWorkspace)), 'nothing is written in the workspace');
    }
  });
});

describe('the weekly offer to reflect', function () {
  this.timeout(60_000);
  let api: ExtensionApi & TestProbes;

  before(async function () {
    api = await testProbesOrSkip(this);
  });

  afterEach(async () => {
    await setReflectionSetting('offer', undefined);
    await setReflectionSetting('enabled', undefined);
    await api.forgetReflectionOffer();
    await closeAllEditors();
  });

  async function reviewSession(): Promise<void> {
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
  }

  it('appears after a review session ends, at most once a week, and goes when used', async () => {
    await api.forgetReflectionOffer();
    assert.equal(api.reflectionOffer(), undefined);
    await reviewSession();
    await waitFor(() => api.reflectionOffer() !== undefined, 'the offer');
    assert.match(api.reflectionOffer()!, /Reflect on this week/);

    // Used: it goes, and the next session this week brings no new one.
    const folder = vscode.Uri.parse(api.reflectionFolder());
    const note = vscode.Uri.joinPath(folder, `${THIS_WEEK}-reflection.md`);
    const existed = await Promise.resolve(vscode.workspace.fs.stat(note)).then(() => true, () => false);
    await vscode.commands.executeCommand('leadFromBehind.reflectOnWeek');
    if (!existed) await rm(note.fsPath, { force: true });
    assert.equal(api.reflectionOffer(), undefined);
    await reviewSession();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(api.reflectionOffer(), undefined, 'once a week');
  });

  it('appears after a review session ends with counting off too, and that session is not counted', async () => {
    // Reflecting needs no figures: the offer has its own setting, counting its own.
    await api.forgetReflectionOffer();
    await setReflectionSetting('enabled', false);
    const before = JSON.stringify(await report());
    await reviewSession();
    await waitFor(() => api.reflectionOffer() !== undefined, 'the offer');
    assert.equal(JSON.stringify(await report()), before, 'nothing counted');
  });

  it('leaves in the global state only the keys the README and store.ts list, after a comment, a session, its offer and a note', async () => {
    await api.forgetReflectionOffer();
    // A comment checked on demand, typed in and closed: counted.
    const before = JSON.stringify(await report());
    const editor = await vscode.window.showTextDocument(await openUntitled('markdown', ''));
    await vscode.commands.executeCommand('leadFromBehind.checkTone');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Rename this variable to total.'));
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).length > 0, 'the tone check');
    await closeAllEditors();
    await waitFor(async () => JSON.stringify(await report()) !== before, 'the comment to be counted', 30_000);
    await reviewSession();
    await waitFor(() => api.reflectionOffer() !== undefined, 'the offer');
    const note = vscode.Uri.joinPath(vscode.Uri.parse(api.reflectionFolder()), `${THIS_WEEK}-reflection.md`);
    const existed = await Promise.resolve(vscode.workspace.fs.stat(note)).then(() => true, () => false);
    await vscode.commands.executeCommand('leadFromBehind.reflectOnWeek');
    if (!existed) await rm(note.fsPath, { force: true });
    const keys = api.reviewFiguresState().keys();
    // This window's record and the week of the offer, at least.
    assert.ok(keys.some((key) => /^reflection\.figures\.[0-9a-f]{16}$/.test(key)), keys.join(', '));
    assert.ok(keys.includes('reflection.offer.lastWeek'), keys.join(', '));
    // Nothing else: window records, the archive, the clear token and the offer's week.
    const documented = (key: string) => /^reflection\.figures\.[0-9a-f]{16}$/.test(key) || ['reflection.figures.archive', 'reflection.cleared', 'reflection.offer.lastWeek'].includes(key);
    assert.deepEqual(keys.filter((key) => !documented(key)), []);
  });

  it('never appears when the setting is off, and goes when it is turned off', async () => {
    await api.forgetReflectionOffer();
    await setReflectionSetting('offer', false);
    await reviewSession();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(api.reflectionOffer(), undefined);

    await setReflectionSetting('offer', undefined);
    await reviewSession();
    await waitFor(() => api.reflectionOffer() !== undefined, 'the offer');
    await setReflectionSetting('offer', false);
    await waitFor(() => api.reflectionOffer() === undefined, 'the offer to go');
  });
});
