import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, TestProbes, waitFor } from '../helpers';
import { handoverFile } from './session';

// The workbench keeps the global state in its own storage and writes it out 100 ms after a change; give it ample time.
const STORAGE_FLUSH_MS = 2000;

describe('review figures across a restart: the first session', () => {
  it('counts a review session, and leaves its report for the next session to compare', async () => {
    const probes = (await activateExtension()) as unknown as TestProbes;
    await vscode.commands.executeCommand('leadFromBehind.startReviewSession');
    await vscode.commands.executeCommand('leadFromBehind.endReviewSession');
    const report = await vscode.commands.executeCommand<{ weeks: { sessions: number }[] }>('leadFromBehind.reviewReflectionReport');
    assert.equal(report.weeks.reduce((sum, week) => sum + week.sessions, 0), 1, JSON.stringify(report));
    await waitFor(() => JSON.stringify(probes.reviewFiguresFromState()) === JSON.stringify(report), 'the figures in the global state');
    await new Promise((resolve) => setTimeout(resolve, STORAGE_FLUSH_MS));
    const [folder] = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folder, 'the restart phase opens a folder');
    writeFileSync(handoverFile(folder.uri.fsPath), JSON.stringify({ report, extensionHostPid: process.pid }));
  });
});
