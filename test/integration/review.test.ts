import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, ExtensionApi, hasFolder, openUntitled, waitFor } from './helpers';

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

  it('turns the review state and the status-bar prompt on for a diff, and off when it closes', async () => {
    await closeAllEditors();
    assert.equal(api.isReviewActive(), false);
    assert.equal(api.reviewPrompt(), undefined);
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse('lfb-diff-test:/before.ts'), vscode.Uri.parse('lfb-diff-test:/after.ts'), 'A change');
    await waitFor(() => api.isReviewActive(), 'the review to be active');
    await waitFor(() => api.reviewPrompt() !== undefined, 'the status-bar prompt');
    assert.ok(api.reviewPrompt()!.length <= 24, api.reviewPrompt());
    await closeAllEditors();
    await waitFor(() => !api.isReviewActive(), 'the review to end');
    await waitFor(() => api.reviewPrompt() === undefined, 'the prompt to go');
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
    await waitFor(() => api.reviewPrompt() !== undefined, 'the status-bar prompt');
    const first = api.reviewPrompt();
    await vscode.commands.executeCommand('leadFromBehind.nextReviewPrompt');
    assert.notEqual(api.reviewPrompt(), first);
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    assert.equal(api.isReviewActive(), false);
    await waitFor(() => api.reviewPrompt() === undefined, 'the prompt to go');
  });

  it('hides the prompt when the setting turns it off', async () => {
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await waitFor(() => api.reviewPrompt() !== undefined, 'the status-bar prompt');
    await configure('review.statusBar', false);
    await waitFor(() => api.reviewPrompt() === undefined, 'the prompt to go');
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
    assert.match(String((diagnostic.code as { target: vscode.Uri }).target), /docs\/tone-rules\.md#rule-imperative$/);

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
