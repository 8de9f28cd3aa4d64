import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hasFolder, openUntitled, waitFor } from './helpers';

async function openMarkdown(content: string): Promise<vscode.TextEditor> {
  if (hasFolder()) {
    // A real file on disk, so the test can also check what is saved.
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `insert-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    return vscode.window.showTextDocument(uri);
  }
  return vscode.window.showTextDocument(await openUntitled('markdown', content));
}

describe(`Insert Tip (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('inserts the named card as a TIP block at the cursor and returns true', async () => {
    const editor = await openMarkdown('# Retro\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const inserted = await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'encourage-your-team' });
    assert.equal(inserted, true);
    const text = editor.document.getText();
    assert.match(text, /^# Retro\n\n> \[!TIP\]\n> \*\*Encourage your team\*\*\n>\n> /);
    // The tip's step for this week, then the question, each a paragraph of its own in the block.
    assert.match(text, /^> \*\*Try this week:\*\* .+\.\n>\n> \*\*Reflect:\*\* .+\?$/m);
    assert.match(text, /^> \*\*Answer:\*\* Your answer$/m);
    // The answer is the tab stop: the cursor selects its placeholder.
    assert.equal(editor.document.getText(editor.selection), 'Your answer');
    if (hasFolder()) {
      assert.equal(await editor.document.save(), true, 'the save went through');
      assert.equal(await readFile(editor.document.uri.fsPath, 'utf8'), text);
    }
  });

  it('inserts at every cursor', async () => {
    const editor = await openMarkdown('one\n\ntwo\n\nthree\n');
    editor.selections = [new vscode.Selection(1, 0, 1, 0), new vscode.Selection(3, 0, 3, 0)];
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'ask-dont-tell' }), true);
    const text = editor.document.getText();
    assert.equal(text.match(/> \[!TIP\]/g)?.length, 2);
    assert.match(text, /^> Instead of: \*.+\*$/m);
    assert.match(text, /^one\n\n> \[!TIP\]/);
    assert.match(text, /\n\ntwo\n\n> \[!TIP\]/);
    assert.match(text, /\n\nthree\n$/);
  });

  it('opens an untitled markdown document when no editor is open', async () => {
    await closeAllEditors();
    const inserted = await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'make-a-good-plan' });
    assert.equal(inserted, true);
    await waitFor(() => vscode.window.activeTextEditor !== undefined, 'an editor');
    const { document } = vscode.window.activeTextEditor!;
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^> \[!TIP\]\n> \*\*Make a good plan\*\*/);
  });

  it('leaves a read-only document unchanged and returns false', async () => {
    const scheme = 'lfb-readonly-test';
    const original = '# Read-only notes\n';
    const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: () => original });
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(`${scheme}:/notes.md`));
      const inserted = await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'encourage-your-team' });
      assert.equal(inserted, false);
      assert.equal(editor.document.getText(), original);
      assert.equal(editor.document.isDirty, false);
    } finally {
      registration.dispose();
    }
  });

  it('returns false for an id that is not a tip or prompt, and changes nothing', async () => {
    const editor = await openMarkdown('keep me\n');
    for (const id of ['no-such-card', 'shepherd', 42]) {
      assert.equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id }), false, String(id));
    }
    assert.equal(editor.document.getText(), 'keep me\n');
  });
});
