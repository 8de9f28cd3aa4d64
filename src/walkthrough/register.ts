import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import { folderInside, setting, Settings } from '../common/settings';
import { createExclusive, createFolderInside, errorText } from '../common/workspace-files';
import { SAMPLE_REVIEW_COMMENT, SAMPLE_TEAM_TIP, SAMPLE_TEAM_TIP_FILE } from '../core/content/samples';

/**
 * The two commands that only the walkthrough needs: one shows the tone check on a sample comment, the
 * other starts a team's content folder. The other steps use the features' own commands.
 */
export function register(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.tryToneCheck, tryToneCheck),
    vscode.commands.registerCommand(Commands.setUpTeamContent, setUpTeamContent),
  );
}

/** Opens a sample review comment in an untitled editor, so nothing is written, and checks its tone. */
async function tryToneCheck(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_REVIEW_COMMENT });
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand(Commands.checkTone);
  return document;
}

/**
 * Creates the team content folder with one sample tip, and opens the tip. An existing file is opened as it
 * is, never overwritten. Returns the tip's URI, or undefined when nothing could be set up.
 */
async function setUpTeamContent(): Promise<vscode.Uri | undefined> {
  const root = await pickWorkspaceFolder();
  if (!root) return undefined;
  const relative = setting(Settings.teamContentFolder, root);
  const folder = folderInside(root.uri, relative);
  if (!folder) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: the team content folder must be a relative path inside "{0}". Check the setting leadFromBehind.teamContentFolder.', root.name),
    );
    return undefined;
  }
  const tip = vscode.Uri.joinPath(folder, SAMPLE_TEAM_TIP_FILE);
  try {
    await createFolderInside(folder, root.uri);
    const outcome = await createExclusive(tip, new TextEncoder().encode(SAMPLE_TEAM_TIP));
    if (outcome === 'exists') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Lead From Behind: "{0}" is already there, so it was opened as it is.', vscode.workspace.asRelativePath(tip)));
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: could not set up team content in "{0}": {1}. Nothing was written.', relative, errorText(error)),
    );
    return undefined;
  }
  await vscode.window.showTextDocument(tip);
  return tip;
}

async function pickWorkspaceFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Lead From Behind: open a folder first. Team content lives in the repository, so the whole team shares it.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder should hold the team content?') });
}
