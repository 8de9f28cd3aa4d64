import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, ExtensionApi, hasFolder, openUntitled, testProbesOrSkip, waitFor } from './helpers';

const target = () => (hasFolder() ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
const configure = (key: string, value: unknown) => vscode.workspace.getConfiguration('leadFromBehind').update(key, value, target());

describe(`code review companion (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  let api: ExtensionApi;
  const disposables: vscode.Disposable[] = [];

  before(async () => {
    api = await activateExtension();
    for (const scheme of ['lfb-diff-test', 'lfb-review-test']) {
      disposables.push(vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: (uri) => `${uri.path}\nconst a = 1;\n` }));
    }
  });
  after(async () => {
    for (const disposable of disposables) disposable.dispose();
    for (const key of ['review.schemes', 'tone.schemes', 'tone.severity', 'tone.allow', 'tone.disabledRules']) await configure(key, undefined);
    for (const key of ['tone.allow', 'tone.disabledRules']) {
      await vscode.workspace.getConfiguration('leadFromBehind').update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });
  afterEach(closeAllEditors);

  it('turns the review state on for a diff, and off when it closes', async () => {
    await closeAllEditors();
    assert.equal(api.isReviewActive(), false);
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse('lfb-diff-test:/before.ts'), vscode.Uri.parse('lfb-diff-test:/after.ts'), 'A change');
    await waitFor(() => api.isReviewActive(), 'the review to be active');
    await closeAllEditors();
    await waitFor(() => !api.isReviewActive(), 'the review to end');
  });

  it('shows a short status-bar prompt while a diff is open, and hides it when the diff closes', async function () {
    const probes = await testProbesOrSkip(this);
    await closeAllEditors();
    assert.equal(probes.reviewPrompt(), undefined);
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse('lfb-diff-test:/before.ts'), vscode.Uri.parse('lfb-diff-test:/after.ts'), 'A change');
    await waitFor(() => probes.reviewPrompt() !== undefined, 'the status-bar prompt');
    assert.ok(probes.reviewPrompt()!.length <= 24, probes.reviewPrompt());
    await closeAllEditors();
    await waitFor(() => probes.reviewPrompt() === undefined, 'the prompt to go');
  });

  it('treats an editor in a review scheme as a review', async () => {
    await configure('review.schemes', ['lfb-review-test']);
    await vscode.window.showTextDocument(vscode.Uri.parse('lfb-review-test:/pr/1/file.ts'));
    await waitFor(() => api.isReviewActive(), 'the review to be active');
    await closeAllEditors();
    await waitFor(() => !api.isReviewActive(), 'the review to end');
  });

  it('starts and ends a review session by hand', async () => {
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    assert.equal(api.isReviewActive(), true);
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    assert.equal(api.isReviewActive(), false);
  });

  it('moves to the next prompt on request, and drops the prompt when the session ends', async function () {
    const probes = await testProbesOrSkip(this);
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await waitFor(() => probes.reviewPrompt() !== undefined, 'the status-bar prompt');
    const first = probes.reviewPrompt();
    await vscode.commands.executeCommand('leadFromBehind.nextReviewPrompt');
    assert.notEqual(probes.reviewPrompt(), first);
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    await waitFor(() => probes.reviewPrompt() === undefined, 'the prompt to go');
  });

  it('hides the prompt when the setting turns it off', async function () {
    const probes = await testProbesOrSkip(this);
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await waitFor(() => probes.reviewPrompt() !== undefined, 'the status-bar prompt');
    await configure('review.statusBar', false);
    await waitFor(() => probes.reviewPrompt() === undefined, 'the prompt to go');
    await configure('review.statusBar', undefined);
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
  });

  const toneDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Lead From Behind');

  it('flags directive phrasing in a configured scheme, and the preferred quick fix clears it', async () => {
    await configure('tone.schemes', ['comment', 'untitled']);
    const document = await openUntitled('markdown', 'Rename `data` to `invoices`.');
    await vscode.window.showTextDocument(document);
    await waitFor(() => toneDiagnostics(document.uri).length > 0, 'a tone diagnostic');
    const [diagnostic] = toneDiagnostics(document.uri);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.equal((diagnostic.code as { value: string }).value, 'imperative');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // Only this extension offers quick fixes in the test host (the API returns actions without their diagnostics).
    const ours = actions.filter((action) => action.kind?.value === 'quickfix');
    assert.equal(ours.filter((action) => action.isPreferred).length, 1);
    assert.ok(ours.some((action) => action.title.startsWith('Add a Conventional Comments label')));
    assert.ok(ours.some((action) => action.command?.command === 'leadFromBehind.disableToneRule'));
    const preferred = ours.find((action) => action.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.match(document.getText(), /`data`.*`invoices`/, 'code spans survive the rewrite');
    assert.notEqual(document.getText(), 'Rename `data` to `invoices`.');
    await waitFor(() => toneDiagnostics(document.uri).length === 0, 'the diagnostic to clear');
  });

  it('links each finding to its rule: the rules page opens read-only, at the rule\'s heading', async () => {
    await configure('tone.schemes', ['comment', 'untitled']);
    // Two rules far apart on the page: the link is the rule's own, not the page's top.
    for (const [comment, ruleId] of [['Rename `data` to `invoices`.', 'imperative'], ['Why didn\'t you add a test?', 'accusing-why']]) {
      const document = await openUntitled('markdown', comment);
      await vscode.window.showTextDocument(document);
      await waitFor(() => toneDiagnostics(document.uri).some((diagnostic) => (diagnostic.code as { value: string }).value === ruleId), `a ${ruleId} diagnostic`);
      const { target } = toneDiagnostics(document.uri).find((diagnostic) => (diagnostic.code as { value: string }).value === ruleId)!.code as { target: vscode.Uri };
      // As the hover and the Problems panel open it: through the opener, which reads the selection from the fragment.
      await vscode.commands.executeCommand('vscode.open', target);
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/tone-rules.md') === true, 'the rules page');
      const editor = vscode.window.activeTextEditor!;
      await waitFor(() => editor.selection.active.line > 0, `${ruleId}: the selection to move to the rule`);
      assert.equal(editor.document.lineAt(editor.selection.active.line).text, `## ${ruleId}`);
      assert.ok(editor.visibleRanges.some((range) => range.contains(editor.selection.active)), `${ruleId}: the heading is in view`);
      assert.equal(editor.document.languageId, 'markdown');
      // Read-only: typing does not change the page of the install.
      const page = editor.document.getText();
      await vscode.commands.executeCommand('type', { text: 'x' });
      assert.equal(editor.document.getText(), page);
      assert.equal(editor.document.isDirty, false);
      await closeAllEditors();
    }
    // The control: typing does reach an editable editor.
    const editable = await vscode.window.showTextDocument(await openUntitled('markdown', ''));
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(editable.document.getText(), 'x');
  });

  it('offers no quick fixes when only refactorings are asked for', async () => {
    await configure('tone.schemes', ['comment', 'untitled']);
    const document = await openUntitled('markdown', 'Please add a test.');
    await vscode.window.showTextDocument(document);
    await waitFor(() => toneDiagnostics(document.uri).length > 0, 'a tone diagnostic');
    const range = toneDiagnostics(document.uri)[0].range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.Refactor.value);
    assert.deepEqual(actions.filter((action) => action.title.includes('Rewrite')), []);
  });

  it('respects severity, disabled rules and allowed phrases', async () => {
    await configure('tone.schemes', ['comment', 'untitled']);
    await configure('tone.severity', 'Hint');
    const document = await openUntitled('markdown', 'You should add a test.');
    await vscode.window.showTextDocument(document);
    await waitFor(() => toneDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'a hint');
    const ruleId = (toneDiagnostics(document.uri)[0].code as { value: string }).value;
    await vscode.commands.executeCommand('leadFromBehind.disableToneRule', ruleId);
    await waitFor(() => toneDiagnostics(document.uri).length === 0, 'the rule to be off');
    // In the user's own settings, like an allowed phrase.
    assert.deepEqual(vscode.workspace.getConfiguration('leadFromBehind').inspect<string[]>('tone.disabledRules')?.globalValue, [ruleId]);
    await vscode.workspace.getConfiguration('leadFromBehind').update('tone.disabledRules', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(() => toneDiagnostics(document.uri).length > 0, 'the rule to be back');
    await vscode.commands.executeCommand('leadFromBehind.allowTonePhrase', 'You should');
    await waitFor(() => toneDiagnostics(document.uri).length === 0, 'the phrase to be allowed');
    // The user's own settings hold it, never the file the team shares, unless asked.
    const inspected = vscode.workspace.getConfiguration('leadFromBehind').inspect<string[]>('tone.allow');
    assert.deepEqual(inspected?.globalValue, ['You should']);
    assert.equal(inspected?.workspaceValue, undefined);
    await vscode.workspace.getConfiguration('leadFromBehind').update('tone.allow', undefined, vscode.ConfigurationTarget.Global);
    if (hasFolder()) {
      await vscode.commands.executeCommand('leadFromBehind.allowTonePhrase', 'You should', 'workspace');
      assert.deepEqual(vscode.workspace.getConfiguration('leadFromBehind').inspect<string[]>('tone.allow')?.workspaceValue, ['You should']);
    }
  });

  it('checks any document on demand and returns the findings', async () => {
    const document = await openUntitled('plaintext', 'Can you use the existing helper?\n\nCan you avoid `any` here?');
    await vscode.window.showTextDocument(document);
    const findings = await vscode.commands.executeCommand<{ ruleId: string; start: number; end: number; suggestions: string[] }[]>('leadFromBehind.checkTone');
    assert.ok(findings.length >= 1, JSON.stringify(findings));
    for (const finding of findings) {
      assert.ok(finding.end > finding.start && finding.suggestions.length >= 1, JSON.stringify(finding));
    }
    await waitFor(() => toneDiagnostics(document.uri).length === findings.length, 'diagnostics for the findings');
  });

  it('checks only the selection when there is one, and shows findings only there', async () => {
    const document = await openUntitled('plaintext', 'Please add a test.\n\nPlease rename this to fooBar.');
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 2, document.lineAt(2).text.length);
    const findings = await vscode.commands.executeCommand<{ start: number; end: number }[]>('leadFromBehind.checkTone');
    const selected = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.ok(findings[0].start >= selected.start && findings[0].end <= selected.end);
    await waitFor(() => toneDiagnostics(document.uri).length === 1, 'one diagnostic');
    assert.equal(toneDiagnostics(document.uri)[0].range.start.line, 2, 'the diagnostic is in the selection');
  });

  it('exposes the analyzer to other extensions', () => {
    assert.equal(api.analyzeFeedback('Please add a test.').tone, 'directive');
    assert.equal(api.analyzeFeedback('Nice catch, thanks!').tone, 'supportive');
  });
});
