import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import { SidebarViewProvider } from './sidebar-view-provider';

export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): SidebarViewProvider {
  // The probe lets integration tests watch and steer renders; it exists in Test mode only.
  const provider = new SidebarViewProvider(context.extensionUri, content, { probe: context.extensionMode === vscode.ExtensionMode.Test });
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(SidebarViewProvider.viewType, provider),
    vscode.commands.registerCommand(Commands.openSidebar, () => vscode.commands.executeCommand(`${SidebarViewProvider.viewType}.focus`)),
    vscode.commands.registerCommand(Commands.focusSearch, () => provider.focusSearch()),
  );
  return provider;
}
