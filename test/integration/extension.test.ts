import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, hasFolder, isPackagedRun, testProbesOrSkip, waitFor } from './helpers';

describe(`extension (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  it('activates', async () => {
    await activateExtension();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('runs from where the run said: the installed package, or the source tree', () => {
    const { extensionUri, packageJSON } = vscode.extensions.getExtension(EXTENSION_ID)!;
    const packaged = isPackagedRun();
    // An installed extension lives in a folder named <publisher>.<name>-<version>.
    const installedFolder = `${EXTENSION_ID}-${packageJSON.version}`;
    assert.equal(extensionUri.path.endsWith(`/${installedFolder}`), packaged, extensionUri.path);
  });

  it('gives other extensions only analyzeFeedback and isReviewActive; the test probes only when run for its tests', async () => {
    const api = await activateExtension();
    const publicMembers = ['analyzeFeedback', 'isReviewActive'];
    const probes = [
      ...['isSidebarResolved', 'isSidebarVisible', 'reviewPrompt', 'sidebarProbe', 'followThroughProbe'],
      ...['reviewFiguresState', 'reviewFiguresFromState', 'yourReviewsProbe', 'reflectionOffer', 'forgetReflectionOffer', 'reflectionFolder', 'reflectionNotes'],
    ];
    // The packaged run installs the .vsix: VS Code runs it in Production mode, as a user's VS Code does.
    assert.deepEqual(Object.keys(api).sort(), isPackagedRun() ? publicMembers : [...publicMembers, ...probes].sort());
    assert.equal(typeof api.isReviewActive(), 'boolean');
    assert.equal(api.analyzeFeedback('Please add a test.').tone, 'directive');
  });

  it('registers every contributed command', async () => {
    await activateExtension();
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length >= 3);
    assert.deepEqual(contributed.map((c) => c.command).filter((command) => !registered.has(command)), []);
  });

  it('gives every command the "Lead From Behind" category', () => {
    const { packageJSON } = vscode.extensions.getExtension(EXTENSION_ID)!;
    // VS Code hands extensions their manifest with package.nls.json already applied.
    for (const command of packageJSON.contributes.commands) assert.equal(command.category, 'Lead From Behind', command.command);
  });

  it('resolves the sidebar view when its container opens', async function () {
    const api = await testProbesOrSkip(this);
    await vscode.commands.executeCommand('workbench.view.extension.leadFromBehind');
    await waitFor(() => api.isSidebarResolved(), 'the sidebar webview to resolve');
  });

  it('shows the sidebar from the search command and from Open Sidebar', async function () {
    const api = await testProbesOrSkip(this);
    for (const command of ['leadFromBehind.focusSearch', 'leadFromBehind.openSidebar']) {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor(() => !api.isSidebarVisible(), 'another view to replace the sidebar');
      await vscode.commands.executeCommand(command);
      await waitFor(() => api.isSidebarVisible(), `${command} to show the sidebar`);
    }
  });
});
