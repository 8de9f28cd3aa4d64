// Runs first (files run in name order): nothing has asked for content yet.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, hasFolder, waitFor } from './helpers';

describe('activation (folder open)', function () {
  if (!hasFolder()) return;

  it("publishes the team content's problems soon after activation, before anything asks for content", async () => {
    await activateExtension();
    // In the fixture, from before VS Code started.
    const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.lead-from-behind', 'startup', 'broken-at-startup.md');
    const problems = () => vscode.languages.getDiagnostics(vscode.Uri.file(file));
    await waitFor(() => problems().length > 0, 'the problem of the broken team file');
    assert.equal(problems()[0].message, 'The front matter is missing "title".');
  });
});
