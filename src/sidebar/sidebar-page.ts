// The sidebar's page builder and markdown-it: loaded (from dist/lazy/) when the view is first shown.
import * as vscode from 'vscode';
import { localized } from '../common/l10n';
import { createRenderer } from '../core/sidebar/render';
import { SIDEBAR_STRINGS, sidebarHtml, type SidebarAssets, type SidebarContent } from '../core/sidebar/sidebar-html';

/** The whole page, in VS Code's display language where the strings are translated. */
export function sidebarPage(content: SidebarContent, assets: SidebarAssets): string {
  return sidebarHtml(content, createRenderer(), assets, localized(SIDEBAR_STRINGS), vscode.env.language);
}
