import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import { SidebarViewProvider } from './sidebar-view-provider';

export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): SidebarViewProvider {
  const provider = new SidebarViewProvider(context.extensionUri, content);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(SidebarViewProvider.viewType, provider),
    vscode.commands.registerCommand(Commands.openSidebar, () => vscode.commands.executeCommand(`${SidebarViewProvider.viewType}.focus`)),
    vscode.commands.registerCommand(Commands.focusSearch, () => provider.focusSearch()),
  );
  return provider;
}
