import * as assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, dismissQuickInputUntilSettled, hasFolder } from './helpers';

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

const newRetroNote = (args?: object) => vscode.commands.executeCommand<vscode.Uri | undefined>('leadFromBehind.newRetroNote', args);

async function useRetroFolder(folder: string): Promise<string> {
  await vscode.workspace.getConfiguration('leadFromBehind').update('retro.folder', folder, vscode.ConfigurationTarget.Workspace);
  return path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, folder);
}

describe(`New Retrospective Note (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  if (!hasFolder()) {
    it('opens an untitled markdown note when no folder is open', async () => {
      const uri = await newRetroNote({ template: 'mad-sad-glad', title: 'Sprint $5 {x}' });
      assert.equal(uri?.scheme, 'untitled');
      const { document } = vscode.window.activeTextEditor!;
      assert.equal(document.languageId, 'markdown');
      assert.match(document.getText(), /^# Sprint \$5 \{x\} · /);
      assert.match(document.getText(), /^## Mad$/m);
    });
    return;
  }

  after(() => vscode.workspace.getConfiguration('leadFromBehind').update('retro.folder', undefined, vscode.ConfigurationTarget.Workspace));

  it('writes a dated note from a template, opens it at the first tab stop, and returns its URI', async () => {
    const folder = await useRetroFolder('docs/retros');
    const uri = await newRetroNote({ template: 'start-stop-continue', title: 'Sprint 42' });
    const expected = path.join(folder, `${today()}-sprint-42.md`);
    assert.equal(uri?.fsPath, expected);
    const onDisk = await readFile(expected, 'utf8');
    assert.match(onDisk, /^# Sprint 42 · /);
    assert.match(onDisk, /^## Start$/m);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, expected);
    assert.equal(editor.document.getText(), onDisk, 'the editor shows what is on disk');
    // The cursor waits at the first prompt's answer, just below the "## Start" heading and its hint.
    const firstHeading = editor.document.getText().split('\n').indexOf('## Start');
    assert.ok(editor.selection.active.line > firstHeading && editor.selection.active.line <= firstHeading + 3, `cursor on line ${editor.selection.active.line}`);
  });

  it('never overwrites: a second note on the same day gets -2', async () => {
    const folder = await useRetroFolder('docs/retros');
    const first = await newRetroNote({ template: '4ls', title: 'Same day' });
    const second = await newRetroNote({ template: '4ls', title: 'Same day' });
    assert.equal(path.basename(first!.fsPath), `${today()}-same-day.md`);
    assert.equal(path.basename(second!.fsPath), `${today()}-same-day-2.md`);
    assert.ok((await readdir(folder)).includes(`${today()}-same-day.md`));
  });

  it('gives two notes created at the same moment two names', async () => {
    await useRetroFolder('docs/retros');
    const uris = await Promise.all([newRetroNote({ template: 'daki', title: 'Race' }), newRetroNote({ template: 'daki', title: 'Race' })]);
    const names = uris.map((uri) => path.basename(uri!.fsPath)).sort();
    assert.deepEqual(names, [`${today()}-race-2.md`, `${today()}-race.md`]);
  });

  it('carries unchecked items over from the previous note, without touching it', async () => {
    const folder = await useRetroFolder('retros-carry');
    await mkdir(folder, { recursive: true });
    const old = [
      '# Old retro',
      '',
      '## Action items',
      '- [ ] Write the runbook for the payment queue',
      '  - [ ] Ask Dana for the alert thresholds',
      '- [x] Fix the flaky login test',
      '',
      '```',
      '- [ ] not a task, inside a fence',
      '```',
      '',
      '> - [ ] not a task, inside a quote',
      '',
    ].join('\r\n');
    const oldPath = path.join(folder, '2020-01-02-old.md');
    await writeFile(oldPath, old);
    await writeFile(path.join(folder, '2019-12-01-older.md'), '- [ ] from an even older note\n');

    const uri = await newRetroNote({ template: 'leading-from-behind', title: 'Carry' });
    const note = await readFile(uri!.fsPath, 'utf8');
    assert.match(note, /^## Follow-ups from 2020-01-02$/m);
    assert.match(note, /\]\(2020-01-02-old\.md\)/);
    assert.match(note, /^- \[ \] Write the runbook for the payment queue$/m);
    assert.match(note, /^ {2}- \[ \] Ask Dana for the alert thresholds$/m);
    assert.doesNotMatch(note, /flaky login|inside a fence|inside a quote|even older/);
    assert.equal(await readFile(oldPath, 'utf8'), old, 'the old note is unchanged');
  });

  it('carries over the previous note as it stands in its editor, unsaved changes included', async () => {
    const folder = await useRetroFolder('retros-unsaved');
    await mkdir(folder, { recursive: true });
    const oldPath = path.join(folder, '2020-03-04-old.md');
    const saved = '# Old retro\n\n## Action items\n- [ ] Rotate the on-call schedule\n- [ ] Update the runbook\n';
    await writeFile(oldPath, saved);
    // The facilitator ticks one box and types a new action, and saves neither.
    const document = await vscode.workspace.openTextDocument(oldPath);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => {
      edit.replace(new vscode.Range(3, 3, 3, 4), 'x');
      edit.insert(new vscode.Position(5, 0), '- [ ] Book the incident review\n');
    });
    assert.ok(document.isDirty);

    const uri = await newRetroNote({ template: 'leading-from-behind', title: 'After edits' });
    const note = await readFile(uri!.fsPath, 'utf8');
    assert.match(note, /^- \[ \] Update the runbook$/m);
    assert.match(note, /^- \[ \] Book the incident review$/m, 'the action typed but not saved is carried');
    assert.doesNotMatch(note, /Rotate the on-call schedule/, 'the box just ticked is not carried');
    assert.equal(await readFile(oldPath, 'utf8'), saved, 'the old note on disk is untouched');
  });

  it('shows an error and writes nothing where the folder cannot be created', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    // A file where a folder should be: unwritable even for root, unlike a permission bit.
    await writeFile(path.join(root, 'blocked'), 'a file, not a folder\n');
    await useRetroFolder('blocked/retros');
    const uri = await newRetroNote({ template: 'sailboat', title: 'Nowhere' });
    assert.equal(uri, undefined);
    assert.equal(await readFile(path.join(root, 'blocked'), 'utf8'), 'a file, not a folder\n');
  });

  it('refuses a retro folder outside the workspace', async () => {
    await useRetroFolder('../escape');
    assert.equal(await newRetroNote({ template: 'sailboat', title: 'Escape' }), undefined);
    const parent = path.dirname(vscode.workspace.workspaceFolders![0].uri.fsPath);
    assert.ok(!(await readdir(parent)).includes('escape'));
  });

  it('creates nothing when the title prompt is cancelled', async () => {
    const folder = await useRetroFolder('retros-cancel');
    assert.equal(await dismissQuickInputUntilSettled(newRetroNote({ template: 'starfish' })), undefined);
    await assert.rejects(readdir(folder), { code: 'ENOENT' });
  });

  it('creates nothing when the template pick is cancelled', async () => {
    const folder = await useRetroFolder('retros-cancel');
    assert.equal(await dismissQuickInputUntilSettled(newRetroNote()), undefined);
    await assert.rejects(readdir(folder), { code: 'ENOENT' });
  });

  it('fills the team name from the setting', async () => {
    await useRetroFolder('docs/retros');
    await vscode.workspace.getConfiguration('leadFromBehind').update('retro.teamName', 'Payments', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = await newRetroNote({ template: 'mad-sad-glad', title: 'Team' });
      assert.match(await readFile(uri!.fsPath, 'utf8'), /\*\*Team:\*\* Payments/);
    } finally {
      await vscode.workspace.getConfiguration('leadFromBehind').update('retro.teamName', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
