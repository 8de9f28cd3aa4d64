import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hasFolder, insertsTip, openUntitled, waitFor } from './helpers';

const validTip = `---
id: our-standup-tip
kind: tip
title: Let the standup run itself
summary: Rotate who runs the standup.
tags: [standup, team]
order: 10
question: "Who ran the last standup?"
---
Hand the standup to a different person each week.

## In a software team
On Mondays, whoever merged last runs it.
`;

const validTemplate = `---
id: our-retro
title: Our retro
description: The team's own short format.
whenToUse: Every second Friday.
---
# {{#title}}{{title}} · {{/title}}Our retro, {{date}}

## Wins
*What went well?*

- {{tabstop}}
`;

const brokenTip = `---
id: broken-tip
kind: tip
summary: Missing its title.
tags: [x]
order: 1
question: "?"
---
Body.
`;

/** Only what a team card needs: the rest comes from defaults, with a hint for each. */
const minimalTip = `---
id: our-minimal-tip
kind: tip
title: Pair on the scary changes
---
Two people look at a risky change before it merges. Nobody carries it alone.
`;

describe('team content (folder open)', function () {
  if (!hasFolder()) return;
  let teamFolder: string;

  before(async () => {
    await activateExtension();
    teamFolder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.lead-from-behind');
    await mkdir(path.join(teamFolder, 'templates'), { recursive: true });
    await writeFile(path.join(teamFolder, 'our-standup-tip.md'), validTip);
    await writeFile(path.join(teamFolder, 'templates', 'our-retro.md'), validTemplate);
    await writeFile(path.join(teamFolder, 'broken.md'), brokenTip);
    await writeFile(path.join(teamFolder, 'minimal.md'), minimalTip);
    await writeFile(path.join(teamFolder, 'shadow.md'), validTip.replace('our-standup-tip', 'shepherd'));
  });
  after(() => rm(teamFolder, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  const problemsOf = (file: string) => vscode.languages.getDiagnostics(vscode.Uri.file(path.join(teamFolder, file)));

  it('reports a malformed file in the Problems panel, with its line, while valid files load', async () => {
    // The file watcher reloads the team's content; the diagnostics show the reload happened.
    await waitFor(() => problemsOf('broken.md').length > 0, 'a diagnostic on broken.md');
    const [problem] = problemsOf('broken.md');
    assert.equal(problem.message, 'The front matter is missing "title".');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.source, 'Lead From Behind');
    assert.equal(problem.range.start.line, 0);
    const [shadow] = problemsOf('shadow.md');
    assert.match(shadow.message, /The id "shepherd" is already used by the built-in content/);
    assert.equal(shadow.range.start.line, 1);
    assert.deepEqual(problemsOf('our-standup-tip.md'), []);
  });

  it('lists a file over the size limit as a problem without reading it, however large it is', async () => {
    // 3 GB, sparse: it takes no disk, but reading it whole would fail (and take the host with it).
    const huge = path.join(teamFolder, 'huge.md');
    await writeFile(huge, '');
    await truncate(huge, 3 * (1024 ** 3));
    try {
      await waitFor(() => problemsOf('huge.md').length > 0, 'a problem on huge.md');
      assert.match(problemsOf('huge.md')[0].message, /over 256 KB, too large for a card or template, and was not read/);
    } finally {
      await rm(huge);
    }
  });

  it('loads a card with only id, kind, title and a body, and hints at each default it got', async () => {
    await waitFor(() => problemsOf('minimal.md').length > 0, 'hints on minimal.md');
    const hints = problemsOf('minimal.md');
    assert.deepEqual(
      hints.map((hint) => [hint.severity, hint.range.start.line, hint.message]),
      [
        [vscode.DiagnosticSeverity.Hint, 0, 'No "summary": the card shows the first sentence of its text.'],
        [vscode.DiagnosticSeverity.Hint, 0, 'No "tags": search finds the card by its title and text.'],
        [vscode.DiagnosticSeverity.Hint, 0, 'No "order": the card comes after the built-in cards of its kind.'],
        [vscode.DiagnosticSeverity.Hint, 0, 'No "question": the card asks a general question to reflect on.'],
      ],
    );
    // In the library, with the default question: Insert Tip shows what the sidebar shows.
    const document = await openUntitled('markdown', '');
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'our-minimal-tip' }), true);
    assert.match(editor.document.getText(), /\*\*Pair on the scary changes\*\*/);
    assert.match(editor.document.getText(), /\*\*Reflect:\*\* Where does this show up in your team, and what would you try\?/);
  });

  it('offers the team tip in Insert Tip', async () => {
    const document = await openUntitled('markdown', '');
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'our-standup-tip' }), true);
    assert.match(editor.document.getText(), /\*\*Let the standup run itself\*\*/);
  });

  it('offers the team template in New Retrospective Note', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('leadFromBehind.newRetroNote', { template: 'our-retro', title: 'Friday' });
    assert.match(await readFile(uri.fsPath, 'utf8'), /^# Friday · Our retro, \d{4}-\d{2}-\d{2}\n/);
  });

  it('reloads when a file is fixed, and the problem goes away', async () => {
    await writeFile(path.join(teamFolder, 'broken.md'), brokenTip.replace('summary: Missing its title.', 'title: Fixed\nsummary: Now complete.'));
    await waitFor(() => problemsOf('broken.md').length === 0, 'the diagnostic to clear');
    const document = await openUntitled('markdown', '');
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'broken-tip' }), true);
  });
});

describe('team content behind a link (folder open)', function () {
  if (!hasFolder()) return;
  const configuration = () => vscode.workspace.getConfiguration('leadFromBehind');

  it('is not read when the team folder is a link that leads outside the workspace', async () => {
    await activateExtension();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'lfb-team-outside-'));
    await writeFile(path.join(outside, 'our-standup-tip.md'), validTip.replace('our-standup-tip', 'linked-tip'));
    const link = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'linked-team');
    await symlink(outside, link);
    try {
      await configuration().update('teamContentFolder', 'linked-team', vscode.ConfigurationTarget.Workspace);
      // Give the reload its time, then ask: the linked card must not be there.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const document = await openUntitled('markdown', '');
      await vscode.window.showTextDocument(document);
      assert.equal(await vscode.commands.executeCommand('leadFromBehind.insertTip', { id: 'linked-tip' }), false);
      assert.equal(document.getText(), '');
    } finally {
      await configuration().update('teamContentFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(link);
      await rm(outside, { recursive: true, force: true });
      await closeAllEditors();
    }
  });
});

describe('team content that moves (folder open)', function () {
  if (!hasFolder()) return;
  // These wait on VS Code's file watcher, whose events come late on a busy machine (seen past 10 s with
  // the fuzzer running beside the suite). A lost event still fails, after WATCHER_WAIT_MS.
  this.timeout(90_000);
  const WATCHER_WAIT_MS = 30_000;
  const workspaceRoot = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const teamFolder = () => path.join(workspaceRoot(), '.lead-from-behind');
  const problemsAt = (file: string) => vscode.languages.getDiagnostics(vscode.Uri.file(file));
  const configuration = () => vscode.workspace.getConfiguration('leadFromBehind');

  before(() => activateExtension());
  afterEach(async () => {
    await closeAllEditors();
    await rm(teamFolder(), { recursive: true, force: true });
    await rm(`${teamFolder()}-away`, { recursive: true, force: true });
  });

  it('drops the cards and problems of a team subfolder that is deleted', async () => {
    const sub = path.join(teamFolder(), 'sub');
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, 'sub-tip.md'), validTip.replace('our-standup-tip', 'sub-tip'));
    await writeFile(path.join(sub, 'sub-broken.md'), brokenTip.replace('broken-tip', 'sub-broken'));
    await waitFor(() => problemsAt(path.join(sub, 'sub-broken.md')).length > 0, 'the problem in the subfolder', WATCHER_WAIT_MS);
    assert.equal(await insertsTip('sub-tip'), true);

    await rm(sub, { recursive: true });
    await waitFor(() => problemsAt(path.join(sub, 'sub-broken.md')).length === 0, "the deleted subfolder's problem to go", WATCHER_WAIT_MS);
    assert.equal(await insertsTip('sub-tip'), false);
  });

  it('drops the cards of a team folder renamed away, and watches it again when it comes back', async () => {
    await mkdir(teamFolder(), { recursive: true });
    await writeFile(path.join(teamFolder(), 'moving-tip.md'), validTip.replace('our-standup-tip', 'moving-tip'));
    await writeFile(path.join(teamFolder(), 'moving-broken.md'), brokenTip.replace('broken-tip', 'moving-broken'));
    const broken = path.join(teamFolder(), 'moving-broken.md');
    await waitFor(() => problemsAt(broken).length > 0, 'the problem in the team folder', WATCHER_WAIT_MS);
    assert.equal(await insertsTip('moving-tip'), true);

    await rename(teamFolder(), `${teamFolder()}-away`);
    await waitFor(() => problemsAt(broken).length === 0, "the renamed folder's problem to go", WATCHER_WAIT_MS);
    assert.equal(await insertsTip('moving-tip'), false);

    await rename(`${teamFolder()}-away`, teamFolder());
    await waitFor(() => problemsAt(broken).length > 0, 'the problem to come back with the folder', WATCHER_WAIT_MS);
    assert.equal(await insertsTip('moving-tip'), true);
    // Watched again: fixing the file clears its problem.
    await writeFile(broken, brokenTip.replace('broken-tip', 'moving-broken').replace('summary: Missing its title.', 'title: Fixed\nsummary: Complete.'));
    await waitFor(() => problemsAt(broken).length === 0, 'the fixed file to clear its problem', WATCHER_WAIT_MS);
  });

  it('drops the cards of a team folder whose parent folder is renamed or deleted', async () => {
    const parent = path.join(workspaceRoot(), 'docs-moving');
    const broken = path.join(parent, 'team', 'parent-broken.md');
    await mkdir(path.dirname(broken), { recursive: true });
    await writeFile(broken, brokenTip.replace('broken-tip', 'parent-broken'));
    await writeFile(path.join(parent, 'team', 'parent-tip.md'), validTip.replace('our-standup-tip', 'parent-tip'));
    await configuration().update('teamContentFolder', 'docs-moving/team', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => problemsAt(broken).length > 0, 'the problem in the team folder', WATCHER_WAIT_MS);
      assert.equal(await insertsTip('parent-tip'), true);

      await rename(parent, `${parent}-renamed`);
      await waitFor(() => problemsAt(broken).length === 0, "the problem to go with the renamed parent folder", WATCHER_WAIT_MS);
      assert.equal(await insertsTip('parent-tip'), false);

      await rename(`${parent}-renamed`, parent);
      await waitFor(() => problemsAt(broken).length > 0, 'the problem to come back with the parent folder', WATCHER_WAIT_MS);
      await rm(parent, { recursive: true });
      await waitFor(() => problemsAt(broken).length === 0, "the problem to go with the deleted parent folder", WATCHER_WAIT_MS);
      assert.equal(await insertsTip('parent-tip'), false);
    } finally {
      await configuration().update('teamContentFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(parent, { recursive: true, force: true });
      await rm(`${parent}-renamed`, { recursive: true, force: true });
    }
  });

  it('picks up and watches a team folder that appears after activation, under a folder that was not there', async () => {
    const later = path.join(workspaceRoot(), 'pulled-later');
    const broken = path.join(later, 'team', 'pulled-broken.md');
    await configuration().update('teamContentFolder', 'pulled-later/team', vscode.ConfigurationTarget.Workspace);
    try {
      // Let the setting's reload pass, as it would long before a git pull.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await mkdir(path.dirname(broken), { recursive: true });
      await writeFile(broken, brokenTip.replace('broken-tip', 'pulled-broken'));
      await writeFile(path.join(later, 'team', 'pulled-tip.md'), validTip.replace('our-standup-tip', 'pulled-tip'));
      await waitFor(() => problemsAt(broken).length > 0, 'the problem in the folder that appeared', WATCHER_WAIT_MS);
      assert.equal(await insertsTip('pulled-tip'), true);
      await writeFile(broken, brokenTip.replace('broken-tip', 'pulled-broken').replace('summary: Missing its title.', 'title: Fixed\nsummary: Complete.'));
      await waitFor(() => problemsAt(broken).length === 0, 'the fixed file to clear its problem', WATCHER_WAIT_MS);
    } finally {
      await configuration().update('teamContentFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(later, { recursive: true, force: true });
    }
  });
});
