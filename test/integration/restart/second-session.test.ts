import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers';
import { handoverFile } from './session';

describe('review figures across a restart: the second session', () => {
  it('reports the figures the first session counted, from what VS Code kept of the global state', async () => {
    await activateExtension();
    const [folder] = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folder, 'the restart phase opens a folder');
    const first = JSON.parse(readFileSync(handoverFile(folder.uri.fsPath), 'utf8')) as { report: unknown; extensionHostPid: number };
    // A new extension host: nothing of the first session's memory is here.
    assert.notEqual(process.pid, first.extensionHostPid);
    const report = await vscode.commands.executeCommand('leadFromBehind.reviewReflectionReport');
    assert.deepEqual(report, first.report);
  });
});
