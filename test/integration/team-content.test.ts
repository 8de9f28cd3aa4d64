import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hasFolder, openUntitled, waitFor } from './helpers';

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
