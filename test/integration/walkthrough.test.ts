import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, hasFolder, waitFor } from './helpers';

interface WalkthroughStep {
  id: string;
  media: { svg?: string; altText?: string };
  completionEvents: string[];
}

describe(`walkthrough (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('has five steps, each with its picture on disk and a completion event that can happen', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs as { id: string; steps: WalkthroughStep[] }[];
    assert.equal(walkthrough.steps.length, 5);
    const commands = new Set(await vscode.commands.getCommands(true));
    const views = new Set((extension.packageJSON.contributes.views.leadFromBehind as { id: string }[]).map((view) => view.id));
    for (const step of walkthrough.steps) {
      assert.ok(step.media.svg && step.media.altText, `${step.id} has a picture and its alt text`);
      const picture = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, step.media.svg));
      // Theme-aware: the picture takes its colours from the theme, with a fallback for each.
      assert.match(new TextDecoder().decode(picture), /var\(--vscode-[\w-]+,#[0-9a-f]+\)/);
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on an event`);
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(id), `${event}: the command is registered`);
        else if (kind === 'onView') assert.ok(views.has(id), `${event}: the view is contributed`);
        else assert.fail(`unexpected completion event ${event}`);
      }
    }
  });

  it('opens in the editor area', async () => {
    const before = vscode.window.tabGroups.activeTabGroup.activeTab;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab !== before, 'the walkthrough tab');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Try the Tone Check opens a sample comment, unsaved, with two findings and their rewrites', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('leadFromBehind.tryToneCheck');
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const toneDiagnostics = () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Lead From Behind');
    await waitFor(() => toneDiagnostics().length === 2, 'two tone findings on the sample');
    const [first] = toneDiagnostics();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, first.range);
    assert.ok(actions.some((action) => action.isPreferred && action.edit), 'a preferred rewrite for the first finding');
  });

  if (!hasFolder()) {
    it('Set Up Team Content asks for a folder when none is open, and writes nothing', async () => {
      assert.equal(await vscode.commands.executeCommand('leadFromBehind.setUpTeamContent'), undefined);
    });
    return;
  }

  describe('Set Up Team Content', () => {
    const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
    const configuration = () => vscode.workspace.getConfiguration('leadFromBehind');
    afterEach(async () => {
      await configuration().update('teamContentFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await configuration().update('retro.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(path.join(root(), '.lead-from-behind'), { recursive: true, force: true });
    });

    it('creates the folder with a sample tip, opens it, and the tip reaches Insert Tip', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.setUpTeamContent');
      assert.equal(uri.fsPath, path.join(root(), '.lead-from-behind', 'our-first-tip.md'));
      assert.match(await readFile(uri.fsPath, 'utf8'), /^---\n[\s\S]*\nid: our-first-tip\n/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
      // The team content watcher picks the new file up.
      const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await vscode.window.showTextDocument(note);
      await waitFor(async () => (await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'our-first-tip' })) === true, 'the team tip in Insert Tip');
      assert.match(note.getText(), /\*\*Pass the retro around\*\*/);
    });

    it('never overwrites a tip the team already edited', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.setUpTeamContent');
      const edited = (await readFile(uri.fsPath, 'utf8')).replace('Pass the retro around', 'Our own title');
      await writeFile(uri.fsPath, edited);
      const again = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.setUpTeamContent');
      assert.equal(again.fsPath, uri.fsPath);
      assert.equal(await readFile(uri.fsPath, 'utf8'), edited);
    });

    it('creates nothing outside the workspace when the folder leads through a link', async () => {
      const outside = await mkdtemp(path.join(os.tmpdir(), 'lfb-outside-'));
      const link = path.join(root(), 'linked');
      await symlink(outside, link);
      try {
        await configuration().update('teamContentFolder', 'linked/team', vscode.ConfigurationTarget.Workspace);
        assert.equal(await vscode.commands.executeCommand('leadFromBehind.setUpTeamContent'), undefined);
        // New Retrospective Note checks the same way before it creates its folder.
        await configuration().update('retro.folder', 'linked/retros', vscode.ConfigurationTarget.Workspace);
        assert.equal(await vscode.commands.executeCommand('leadFromBehind.newRetroNote', { template: 'start-stop-continue', title: 'x' }), undefined);
        assert.deepEqual(await readdir(outside), []);
      } finally {
        await rm(link);
        await rm(outside, { recursive: true, force: true });
      }
    });
  });
});
