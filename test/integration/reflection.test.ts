import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hasFolder, openUntitled, TestProbes, testProbesOrSkip, waitFor, watchesTheApiOrSkip } from './helpers';

const target = () => (hasFolder() ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
const configure = (key: string, value: unknown) => vscode.workspace.getConfiguration('leadFromBehind').update(key, value, target());
// Counting is the user's own switch: an application setting, in the user's settings only.
const setCounting = (on: boolean | undefined) => vscode.workspace.getConfiguration('leadFromBehind').update('reflection.enabled', on, vscode.ConfigurationTarget.Global);

interface Week {
  week: string;
  commentsFinished: number;
  commentsFlagged: number;
  commentsLeftFlagged: number;
  commentsRewritten: number;
  flagsByRule: Record<string, number>;
  resolvedByRewrite: number;
  resolvedByLabel: number;
  leftInPlace: number;
  sessions: number;
  sessionMinutes: number;
}

const FIELDS = ['commentsFinished', 'commentsFlagged', 'commentsLeftFlagged', 'commentsRewritten', 'resolvedByRewrite', 'resolvedByLabel', 'leftInPlace', 'sessions', 'sessionMinutes'] as const;
type Totals = Record<(typeof FIELDS)[number] | 'flags', number>;

const report = async () => vscode.commands.executeCommand<{ weeks: Week[] }>('leadFromBehind.reviewReflectionReport');

/** Every week summed: the tests compare before and after, so other tests' counts and a week boundary do not matter. */
function sum(weeks: readonly Week[]): Totals {
  const totals = Object.fromEntries([...FIELDS, 'flags'].map((field) => [field, 0])) as Totals;
  for (const week of weeks) {
    for (const field of FIELDS) totals[field] += week[field];
    totals.flags += Object.values(week.flagsByRule).reduce((a, b) => a + b, 0);
  }
  return totals;
}

const totals = async () => sum((await report()).weeks);

/** What changed since `before`, in the fields that changed. */
async function change(before: Totals): Promise<Partial<Totals>> {
  const now = await totals();
  return Object.fromEntries(Object.entries(now).filter(([field, value]) => value !== before[field as keyof Totals]).map(([field, value]) => [field, value - before[field as keyof Totals]]));
}

const toneDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Lead From Behind');

/** Opens an empty document in a configured scheme (untitled) and types `text` into it, key by key as VS Code's `type` does. */
async function typeComment(language: 'markdown' | 'plaintext', text: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await openUntitled(language, ''));
  await vscode.commands.executeCommand('type', { text });
  assert.equal(editor.document.getText(), text);
  return editor;
}

/** The quick fixes on the first tone diagnostic, as the light bulb offers them. */
async function quickFixes(document: vscode.TextDocument): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await waitFor(() => toneDiagnostics(document.uri).length > 0, 'a tone diagnostic');
  const [diagnostic] = toneDiagnostics(document.uri);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions };
}

/** Takes a code action the way VS Code does (the CodeAction contract): its edit first, then its command. */
async function take(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit && await vscode.workspace.applyEdit(action.edit), action.title);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe(`review reflection: counting (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  before(async () => {
    await activateExtension();
  });
  beforeEach(async () => {
    await configure('tone.schemes', ['comment', 'untitled']);
  });
  afterEach(async () => {
    await closeAllEditors();
    await configure('tone.schemes', undefined);
    await setCounting(undefined);
  });

  it('counts a directive comment typed in a configured scheme, fixed with the preferred rewrite and closed: one finished, one flagged, one resolved by a rewrite', async () => {
    const before = await totals();
    const editor = await typeComment('plaintext', 'Rename data to invoices.');
    const { diagnostic } = await quickFixes(editor.document);
    // The preferred fix, through VS Code's own code action command: it applies the edit, then runs the command.
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.end);
    await vscode.commands.executeCommand('editor.action.codeAction', { kind: vscode.CodeActionKind.QuickFix.value, apply: 'first', preferred: true });
    await waitFor(() => editor.document.getText() !== 'Rename data to invoices.', 'the rewrite');
    await waitFor(() => toneDiagnostics(editor.document.uri).length === 0, 'the flag to clear');
    assert.deepEqual(await change(before), {}, 'nothing is counted before the comment is finished');
    await closeAllEditors();
    await waitFor(async () => (await change(before)).commentsFinished === 1, 'the finished comment to be counted');
    // One finished comment, flagged, its flag resolved by the rewrite: counted as a comment with a rewrite taken, and none left flagged.
    const changed = await change(before);
    assert.equal(changed.commentsLeftFlagged ?? 0, 0);
    assert.deepEqual(changed, { commentsFinished: 1, commentsFlagged: 1, commentsRewritten: 1, flags: 1, resolvedByRewrite: 1 });
    const { weeks } = await report();
    assert.ok(weeks.at(-1)!.flagsByRule.imperative >= 1, JSON.stringify(weeks.at(-1)));
  });

  it('counts a label quick fix as resolved by a label', async () => {
    const before = await totals();
    const editor = await typeComment('markdown', 'Rename data to invoices.');
    const { actions } = await quickFixes(editor.document);
    const label = actions.find((action) => action.title.startsWith('Add a Conventional Comments label'));
    assert.ok(label, actions.map((action) => action.title).join(', '));
    await take(label);
    assert.match(editor.document.getText(), /^suggestion \(non-blocking\): /);
    await closeAllEditors();
    await waitFor(async () => (await change(before)).commentsFinished === 1, 'the finished comment to be counted');
    assert.deepEqual(await change(before), { commentsFinished: 1, commentsFlagged: 1, flags: 1, resolvedByLabel: 1 });
  });

  it('counts a flag still there when the comment closes as left in place', async () => {
    const before = await totals();
    const editor = await typeComment('plaintext', 'You must add a test.');
    await waitFor(() => toneDiagnostics(editor.document.uri).length > 0, 'a tone diagnostic');
    const flags = toneDiagnostics(editor.document.uri).length;
    await closeAllEditors();
    await waitFor(async () => (await change(before)).commentsFinished === 1, 'the finished comment to be counted');
    assert.deepEqual(await change(before), { commentsFinished: 1, commentsFlagged: 1, commentsLeftFlagged: 1, flags, leftInPlace: flags });
  });

  it('counts a comment box emptied after typing, as the comment widget empties it on submit, and the next comment in it apart', async () => {
    const before = await totals();
    const editor = await typeComment('plaintext', 'Please add a test.');
    await waitFor(() => toneDiagnostics(editor.document.uri).length > 0, 'a tone diagnostic');
    const flags = toneDiagnostics(editor.document.uri).length;
    const all = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    const submit = new vscode.WorkspaceEdit();
    submit.replace(editor.document.uri, all, '');
    assert.ok(await vscode.workspace.applyEdit(submit));
    await waitFor(async () => (await change(before)).commentsFinished === 1, 'the submitted comment to be counted');
    assert.deepEqual(await change(before), { commentsFinished: 1, commentsFlagged: 1, commentsLeftFlagged: 1, flags, leftInPlace: flags });
    await vscode.commands.executeCommand('type', { text: 'Rename it.' });
    // The tone check reads it (closing an untitled document reverts it to nothing first).
    await waitFor(() => toneDiagnostics(editor.document.uri).length > 0, 'a tone diagnostic on the second comment');
    await closeAllEditors();
    await waitFor(async () => (await change(before)).commentsFinished === 2, 'the second comment to be counted');
    assert.equal((await change(before)).commentsFlagged, 2, 'two comments, each flagged once');
    assert.equal((await change(before)).commentsLeftFlagged, 2, 'both went out with their flag');
  });

  it('counts a comment typed in VS Code\'s own comment box (the comment scheme) when its thread closes', async () => {
    await configure('tone.schemes', undefined);
    const before = await totals();
    const controller = vscode.comments.createCommentController('lfb-reflection-test', 'Lead From Behind test reviews');
    try {
      const editor = await vscode.window.showTextDocument(await openUntitled('plaintext', 'const total = 0;\n'));
      const thread = controller.createCommentThread(editor.document.uri, new vscode.Range(0, 0, 0, 0), []);
      thread.canReply = true;
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      // A new thread opens its reply box at once: a `comment:` document, synced to the extension host.
      const box = () => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'comment' && !document.isClosed);
      await waitFor(() => box() !== undefined, 'the comment box document');
      const comment = box()!;
      const typing = new vscode.WorkspaceEdit();
      typing.insert(comment.uri, new vscode.Position(0, 0), 'You must add a test.');
      assert.ok(await vscode.workspace.applyEdit(typing));
      await waitFor(() => toneDiagnostics(comment.uri).length > 0, 'a tone diagnostic in the comment box');
      const flags = toneDiagnostics(comment.uri).length;
      assert.deepEqual(await change(before), {});
      // The thread goes (as when the comment is cancelled): its box's document closes with the text in it.
      thread.dispose();
      await waitFor(() => comment.isClosed, 'the comment box to close');
      await waitFor(async () => (await change(before)).commentsFinished === 1, 'the comment to be counted');
      assert.deepEqual(await change(before), { commentsFinished: 1, commentsFlagged: 1, commentsLeftFlagged: 1, flags, leftInPlace: flags });
    } finally {
      controller.dispose();
    }
  });

  it('counts a document checked on demand when it closes after typing, and not one only checked', async () => {
    await configure('tone.schemes', undefined);
    const before = await totals();
    const looked = await vscode.window.showTextDocument(await openUntitled('plaintext', 'Please add a test.'));
    assert.ok((await vscode.commands.executeCommand<unknown[]>('leadFromBehind.checkTone')).length > 0);
    await closeAllEditors();
    const typed = await vscode.window.showTextDocument(await openUntitled('plaintext', 'Thanks for the fix.'));
    assert.deepEqual(await vscode.commands.executeCommand<unknown[]>('leadFromBehind.checkTone'), []);
    await vscode.commands.executeCommand('type', { text: 'Please add a test. ' });
    await waitFor(() => toneDiagnostics(typed.document.uri).length > 0, 'the typed text to be checked');
    assert.notEqual(looked.document.uri.toString(), typed.document.uri.toString());
    await closeAllEditors();
    await waitFor(async () => (await change(before)).commentsFinished === 1, 'the typed document to be counted');
    // The one only checked closed first; had it counted, this would be 2.
    assert.equal((await change(before)).commentsFinished, 1);
  });

  it('counts nothing while leadFromBehind.reflection.enabled is false', async () => {
    await setCounting(false);
    const before = await totals();
    const editor = await typeComment('plaintext', 'You must add a test.');
    await waitFor(() => toneDiagnostics(editor.document.uri).length > 0, 'a tone diagnostic');
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    await closeAllEditors();
    // The control: the same steps counted with counting on (the tests above); here, give them time to land.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(await change(before), {});
  });

  it('counts a review session started and ended by hand', async () => {
    const before = await totals();
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    assert.deepEqual(await change(before), { sessions: 1 });
  });
});

describe(`review reflection: kept privately in the global state, across windows (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  let probes: TestProbes;
  const OTHER_WINDOW = 'reflection.figures.0123456789abcdef';

  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await closeAllEditors();
    await configure('tone.schemes', undefined);
    await probes?.reviewFiguresState().update(OTHER_WINDOW, undefined);
  });

  /** This week's key, as the extension names it: the report's newest week after counting a session now. */
  async function currentWeek(): Promise<string> {
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    return (await report()).weeks.at(-1)!.week;
  }

  it('keeps the figures in the global state, counts only, and reads them back from the global state alone, as a window starting now would', async function () {
    probes = await testProbesOrSkip(this);
    await configure('tone.schemes', ['comment', 'untitled']);
    await typeComment('plaintext', 'Rename invoicesTable to ledgerEntries, obviously.');
    await closeAllEditors();
    const before = await report();
    await waitFor(() => JSON.stringify(probes.reviewFiguresFromState()) === JSON.stringify(before), 'the figures to be written');
    const state = probes.reviewFiguresState();
    // Reading them back writes nothing.
    const stored = () => JSON.stringify([...state.keys()].sort().map((key) => [key, state.get(key)]));
    const unread = stored();
    probes.reviewFiguresFromState();
    assert.equal(stored(), unread);
    const ours = state.keys().filter((key) => key.startsWith('reflection.'));
    assert.ok(ours.some((key) => /^reflection\.figures\.[0-9a-f]{16}$/.test(key)), ours.join(', '));
    const values = JSON.stringify(ours.map((key) => state.get(key)));
    for (const word of ['Rename', 'invoicesTable', 'ledgerEntries', 'obviously', 'untitled', 'lfb-untitled']) assert.ok(!values.includes(word), `${word} in ${values}`);
  });

  it('sums another window\'s record with this window\'s', async function () {
    probes = await testProbesOrSkip(this);
    const week = await currentWeek();
    const before = await totals();
    // As a second window writes it: its own key, its record whole.
    const other = { updated: Date.now(), weeks: { [week]: { commentsFinished: 4, commentsFlagged: 2, commentsLeftFlagged: 1, commentsRewritten: 1, flagsByRule: { verdict: 3 }, resolvedByRewrite: 1, resolvedByLabel: 1, leftInPlace: 1, sessions: 2, sessionMinutes: 50 } } };
    await probes.reviewFiguresState().update(OTHER_WINDOW, other);
    assert.deepEqual(await change(before), { commentsFinished: 4, commentsFlagged: 2, commentsLeftFlagged: 1, commentsRewritten: 1, flags: 3, resolvedByRewrite: 1, resolvedByLabel: 1, leftInPlace: 1, sessions: 2, sessionMinutes: 50 });
    // This window counts on; the other window's record is untouched.
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    assert.equal((await change(before)).sessions, 3);
    assert.deepEqual(probes.reviewFiguresState().get(OTHER_WINDOW), other);
    assert.equal(sum(probes.reviewFiguresFromState().weeks as unknown as Week[]).sessions, before.sessions + 3);
  });

  describe('Clear My Review Figures', () => {
    let answer: string | undefined;
    let asked: { message: string; modal: boolean }[] = [];
    const window = vscode.window as unknown as Record<'showWarningMessage', unknown>;
    let original: unknown;
    beforeEach(function () {
      // The modal dialog cannot be clicked from a test: the test answers it, through the API object the extension shares.
      watchesTheApiOrSkip(this);
      original = window.showWarningMessage;
      asked = [];
      window.showWarningMessage = (message: string, options: vscode.MessageOptions, ...items: string[]) => {
        asked.push({ message, modal: options?.modal === true });
        return Promise.resolve(answer === undefined ? undefined : items.find((item) => item === answer));
      };
    });
    afterEach(() => {
      if (original) window.showWarningMessage = original;
    });

    it('asks first, and keeps every figure when the answer is no', async function () {
      probes = await testProbesOrSkip(this);
      await currentWeek();
      const before = await totals();
      answer = undefined;
      assert.equal(await vscode.commands.executeCommand('leadFromBehind.clearReviewFigures'), false);
      assert.equal(asked.length, 1);
      assert.equal(asked[0].modal, true);
      assert.deepEqual(await change(before), {});
    });

    it('deletes every figure of every window after the confirmation, also as read back from the global state alone', async function () {
      probes = await testProbesOrSkip(this);
      const week = await currentWeek();
      await probes.reviewFiguresState().update(OTHER_WINDOW, { updated: Date.now(), weeks: { [week]: { commentsFinished: 2 } } });
      assert.ok((await totals()).commentsFinished >= 2);
      answer = 'Clear My Review Figures';
      assert.equal(await vscode.commands.executeCommand('leadFromBehind.clearReviewFigures'), true);
      assert.equal(asked[0].modal, true);
      assert.deepEqual(await report(), { weeks: [] });
      assert.deepEqual(probes.reviewFiguresFromState(), { weeks: [] });
      assert.deepEqual(probes.reviewFiguresState().keys().filter((key) => key.startsWith('reflection.figures.')), []);
      // Counting goes on after a clear.
      await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
      await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
      assert.deepEqual(sum((await report()).weeks).sessions, 1);
    });
  });
});
