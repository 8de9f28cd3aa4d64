import * as vscode from 'vscode';

/** Setting ids, as contributed in package.json. */
export const Settings = {
  section: 'leadFromBehind',
  retroFolder: 'retro.folder',
  teamName: 'retro.teamName',
  teamContentFolder: 'teamContentFolder',
} as const;

export function setting<T>(key: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  return vscode.workspace.getConfiguration(Settings.section, scope).get<T>(key, fallback);
}

/**
 * Resolves a folder setting inside a workspace folder. Absolute paths and `..` are refused, so a
 * repository's settings can never point the extension at files outside it.
 */
export function folderInside(root: vscode.Uri, relativePath: string): vscode.Uri | undefined {
  const segments = relativePath.split(/[\\/]+/).filter((segment) => segment && segment !== '.');
  const absolute = /^([\\/]|[a-zA-Z]:)/.test(relativePath.trim());
  if (absolute || segments.length === 0 || segments.includes('..')) return undefined;
  return vscode.Uri.joinPath(root, ...segments);
}
