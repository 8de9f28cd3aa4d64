import * as assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, dismissQuickInputUntilSettled, hasFolder, openUntitled, waitFor } from './helpers';

describe(`New Team Card (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  if (!hasFolder()) {
    it('writes nothing when no folder is open', async () => {
      assert.equal(await vscode.commands.executeCommand('leadFromBehind.newTeamCard', { kind: 'tip', title: 'Nowhere to go' }), undefined);
    });
    return;
  }

  const teamFolder = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.lead-from-behind');
  const problemsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri);
  const filesInTeamFolder = () => readdir(teamFolder()).catch(() => [] as string[]);
  afterEach(() => rm(teamFolder(), { recursive: true, force: true }));

  /** Waits until Insert Tip knows the card: the team content watcher has loaded the new file. */
  async function insertOnceLoaded(id: string): Promise<string> {
    const document = await openUntitled('markdown', '');
    await vscode.window.showTextDocument(document);
    await waitFor(async () => (await vscode.commands.executeCommand('leadFromBehind.insertTip', { id })) === true, `the card "${id}" in Insert Tip`);
    return document.getText();
  }

  it('writes a complete tip in the team folder, opens it, and the tip loads without problems', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newTeamCard', { kind: 'tip', title: 'Pair on the risky changes' });
    assert.equal(uri.fsPath, path.join(teamFolder(), 'pair-on-the-risky-changes.md'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
    const text = await readFile(uri.fsPath, 'utf8');
    for (const field of ['id: pair-on-the-risky-changes', 'kind: tip', 'title: "Pair on the risky changes"', 'summary: ', 'tags: ', 'order: ', 'question: ']) {
      assert.ok(text.includes(`\n${field}`), field);
    }
    assert.match(await insertOnceLoaded('pair-on-the-risky-changes'), /\*\*Pair on the risky changes\*\*/);
    assert.deepEqual(problemsOf(uri), []);
  });

  it('writes a review prompt with its label and example, and it loads without problems', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newTeamCard', { kind: 'prompt', title: 'Question the code: never the person' });
    assert.match(await readFile(uri.fsPath, 'utf8'), /\nlabel: "Question the code…"\ndirective: "[^"]+"\nsupportive: "[^"]+"\n/);
    assert.match(await insertOnceLoaded('question-the-code-never-the-person'), /Instead of:/);
    assert.deepEqual(problemsOf(uri), []);
  });

  it('never overwrites: a file with the same name stays as it is, and the card gets the next free name', async () => {
    await mkdir(teamFolder(), { recursive: true });
    const existing = path.join(teamFolder(), 'our-retro-habit.md');
    await writeFile(existing, 'the team wrote this\n');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newTeamCard', { kind: 'tip', title: 'Our retro habit' });
    assert.equal(path.basename(uri.fsPath), 'our-retro-habit-2.md');
    assert.equal(await readFile(existing, 'utf8'), 'the team wrote this\n');
    assert.match(await readFile(uri.fsPath, 'utf8'), /\nid: our-retro-habit-2\n/);
  });

  it('does not take the id of a built-in card, so the new card still loads', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newTeamCard', { kind: 'concept', title: 'Shepherd' });
    assert.equal(path.basename(uri.fsPath), 'shepherd-2.md');
    assert.match(await readFile(uri.fsPath, 'utf8'), /\nid: shepherd-2\n/);
    // Insert Tip offers no concepts. A tip written after it shows that a load has read both files.
    await vscode.commands.executeCommand('leadFromBehind.newTeamCard', { kind: 'tip', title: 'Loaded after the shepherd' });
    await insertOnceLoaded('loaded-after-the-shepherd');
    assert.deepEqual(problemsOf(uri), []);
  });

  it('refuses a kind or title it cannot use, and writes nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.newTeamCard', { kind: 'essay', title: 'A title' }), undefined);
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.newTeamCard', { kind: 'tip', title: '   ' }), undefined);
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.newTeamCard', { kind: 'tip', title: 'two\nlines' }), undefined);
    assert.deepEqual(await filesInTeamFolder(), []);
  });

  it('writes nothing when the kind pick is dismissed', async () => {
    const result = await dismissQuickInputUntilSettled(vscode.commands.executeCommand('leadFromBehind.newTeamCard'));
    assert.equal(result, undefined);
    assert.deepEqual(await filesInTeamFolder(), []);
  });

  it('writes nothing when the title box is dismissed', async () => {
    const result = await dismissQuickInputUntilSettled(vscode.commands.executeCommand('leadFromBehind.newTeamCard', { kind: 'tip' }));
    assert.equal(result, undefined);
    assert.deepEqual(await filesInTeamFolder(), []);
  });
});
