import * as vscode from 'vscode';
import { SETTING_DEFAULTS, SettingKey, Settings, SettingTypes } from './setting-defaults';

export { Settings, SETTING_DEFAULTS } from './setting-defaults';
export type { SettingKey, SettingTypes } from './setting-defaults';

/** True when a configuration change touches one of our settings. */
export function affects(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${Settings.section}.${key}`));
}

/** A setting's value, or its default (the one package.json contributes: see setting-defaults.ts). */
export function setting<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingTypes[K] {
  return vscode.workspace.getConfiguration(Settings.section, scope).get<SettingTypes[K]>(key, SETTING_DEFAULTS[key]);
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
