import * as vscode from 'vscode';

/** Setting ids, as contributed in package.json. */
export const Settings = {
  section: 'leadFromBehind',
  retroFolder: 'retro.folder',
  teamName: 'retro.teamName',
  teamContentFolder: 'teamContentFolder',
  reviewSchemes: 'review.schemes',
  reviewStatusBar: 'review.statusBar',
  toneSchemes: 'tone.schemes',
  toneSeverity: 'tone.severity',
  toneAllow: 'tone.allow',
  toneDisabledRules: 'tone.disabledRules',
  toneRetroNotes: 'tone.checkRetroNotes',
} as const;

export const DEFAULT_RETRO_FOLDER = 'docs/retros';
export const DEFAULT_TEAM_CONTENT_FOLDER = '.lead-from-behind';
export const DEFAULT_REVIEW_SCHEMES = ['review', 'pr', 'gl-review', 'comment'];
export const DEFAULT_TONE_SCHEMES = ['comment'];

/** True when a configuration change touches one of our settings. */
export function affects(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${Settings.section}.${key}`));
}

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
  // Windows reads ".. " and "..." as "..": any segment of only dots and spaces is refused.
  if (absolute || segments.length === 0 || segments.some((segment) => /^[.\s]+$/.test(segment))) return undefined;
  return vscode.Uri.joinPath(root, ...segments);
}
