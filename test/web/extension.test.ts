import * as vscode from 'vscode';

const EXTENSION_ID = 'lead-from-behind.lead-from-behind';

// node:assert is not there in a web worker; these two say what failed just as well.
function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}
function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const root = () => vscode.workspace.workspaceFolders![0].uri;

describe('the extension in a web worker (vscode.dev, github.dev)', () => {
  let api: { isSidebarResolved(): boolean; isReviewActive(): boolean; reviewPrompt(): string | undefined };

  before(async () => {
    const extension = vscode.extensions.getExtension<typeof api>(EXTENSION_ID);
    ok(extension, 'the extension is installed');
    api = await extension.activate();
    ok(vscode.workspace.workspaceFolders?.length, 'a folder is open');
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('runs in the web worker host: its folder is not on a local disk', () => {
    // The workspace reaches the worker through the remote file system, never as file:.
    ok(root().scheme !== 'file', `the workspace scheme is ${root().scheme}`);
  });

  it('registers every contributed command', async () => {
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((command) => command.command).filter((command) => !registered.has(command));
    equal(missing.join(', '), '', 'commands not registered');
  });

  it('resolves the sidebar', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.leadFromBehind');
    await waitFor(() => api.isSidebarResolved(), 'the sidebar webview to resolve');
  });

  it('inserts a tip', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'encourage-your-team' }), true, 'Insert Tip returns');
    ok(document.getText().includes('**Encourage your team**'), 'the tip is in the document');
  });

  it('checks the tone of a comment', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'You should add a test for the empty list case.' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('leadFromBehind.checkTone');
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((diagnostic) => diagnostic.source === 'Lead From Behind'), 'a tone diagnostic');
  });

  it('opens a finding\'s rule link read-only, at the rule\'s heading, from the packaged page', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Rename `data` to `invoices`.' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('leadFromBehind.checkTone');
    const imperative = () => vscode.languages.getDiagnostics(document.uri).find((diagnostic) => (diagnostic.code as { value?: string } | undefined)?.value === 'imperative');
    await waitFor(() => imperative() !== undefined, 'an imperative diagnostic');
    await vscode.commands.executeCommand('vscode.open', (imperative()!.code as { target: vscode.Uri }).target);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/tone-rules.md') === true, 'the rules page');
    const editor = vscode.window.activeTextEditor!;
    await waitFor(() => editor.selection.active.line > 0, 'the selection to move to the rule');
    equal(editor.document.lineAt(editor.selection.active.line).text, '## imperative', 'the line of the selection');
    ok(editor.visibleRanges.some((range) => range.contains(editor.selection.active)), 'the heading is in view');
    // Read-only: typing does not change it; the control shows that typing reaches an editable editor.
    const page = editor.document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    equal(editor.document.getText() === page && !editor.document.isDirty, true, 'the page is unchanged after typing');
    const editable = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' }));
    await vscode.commands.executeCommand('type', { text: 'x' });
    equal(editable.document.getText(), 'x', 'the text typed into an editable editor');
  });

  it('keeps a review session, with its prompt in the status bar', async () => {
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    try {
      await waitFor(() => api.isReviewActive() && api.reviewPrompt() !== undefined, 'the review prompt');
    } finally {
      await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    }
    await waitFor(() => !api.isReviewActive(), 'the session to end');
  });

  it('writes retro notes through the workspace file system, and never over an existing one', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newRetroNote', { template: 'start-stop-continue', title: 'Web sprint' });
    ok(first, 'a note was created');
    ok(decode(await vscode.workspace.fs.readFile(first)).startsWith('# Web sprint'), 'the note holds its title');
    // The same title on the same day: without an atomic create, the name is still never reused.
    const [second, third] = await Promise.all([
      vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newRetroNote', { template: 'start-stop-continue', title: 'Web sprint' }),
      vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newRetroNote', { template: 'start-stop-continue', title: 'Web sprint' }),
    ]);
    const names = new Set([first, second, third].map((uri) => uri?.toString()));
    equal(names.size, 3, 'three notes under three names');
  });

  it('reads the team content folder, and Set Up Team Content never overwrites it', async () => {
    const tip = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.setUpTeamContent');
    ok(tip, 'the sample tip was created');
    const edited = decode(await vscode.workspace.fs.readFile(tip)).replace('Pass the retro around', 'Our own title');
    await vscode.workspace.fs.writeFile(tip, new TextEncoder().encode(edited));
    await vscode.commands.executeCommand('leadFromBehind.setUpTeamContent');
    equal(decode(await vscode.workspace.fs.readFile(tip)), edited, 'the edited tip');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await waitFor(async () => (await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'our-first-tip' })) === true, 'the team tip in Insert Tip');
    ok(document.getText().includes('**Our own title**'), 'the team tip is inserted');
  });
});
