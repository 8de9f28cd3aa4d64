import * as vscode from 'vscode';
import { Commands, SIDEBAR_VIEW_ID } from '../common/commands';
import { tipBlockLabels } from '../common/l10n';
import type { ContentService } from '../content/content-service';
import type { SidebarAssets } from '../core/sidebar/sidebar-html';
import { parseWebviewMessage } from '../core/sidebar/sidebar-messages';
import { tipBlock } from '../core/content/tip-block';
import type { ExtensionMessage, WebviewMessage } from '../core/sidebar/protocol';
import { RenderedWebviewView, type WebviewViewProbe } from './rendered-webview-view';

/** Test mode only: what an integration test needs to watch and steer the cards view's renders. */
export type SidebarProbe = WebviewViewProbe;

/** The "Lead From Behind" sidebar: server-rendered cards, with search and actions added by the webview script. */
export class SidebarViewProvider extends RenderedWebviewView<ExtensionMessage> {
  static readonly viewType = SIDEBAR_VIEW_ID;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    options: { probe?: boolean } = {},
  ) {
    super(extensionUri, 'sidebar', options);
    // The team's content changed: re-render. The page restores its search and scroll from saved state.
    this._register(content.onDidChange(() => void this.refresh()));
  }

  /** Reveals the view and puts the cursor in its search box. */
  async focusSearch(): Promise<void> {
    await vscode.commands.executeCommand(`${SidebarViewProvider.viewType}.focus`);
    this.post({ type: 'focusSearch' });
  }

  /** Reveals the view and shows a card in it: scrolled to, with the focus, a search that hid it cleared. */
  async revealCard(id: string): Promise<void> {
    await vscode.commands.executeCommand(`${SidebarViewProvider.viewType}.focus`);
    this.post({ type: 'revealCard', id });
  }

  protected async renderHtml(_webview: vscode.Webview, assets: SidebarAssets): Promise<string> {
    // markdown-it loads only now, when the view is first shown.
    const [{ sidebarPage }, library] = await Promise.all([import('./sidebar-page'), this.content.getLibrary()]);
    return sidebarPage(library, assets);
  }

  protected failureHeading(): string {
    return vscode.l10n.t('The Lead From Behind cards could not be shown.');
  }

  protected async onPageMessage(raw: unknown): Promise<void> {
    const library = await this.content.getLibrary();
    const message: WebviewMessage | undefined = parseWebviewMessage(raw, {
      isCard: (id) => library.has(id),
      isTemplate: (id) => library.getTemplate(id) !== undefined,
    });
    if (!message) return;
    switch (message.type) {
      case 'insert':
        await vscode.commands.executeCommand(Commands.insertTip, { id: message.id });
        return;
      case 'startRetro':
        await vscode.commands.executeCommand(Commands.newRetroNote, { template: message.id });
        return;
      case 'copy': {
        const card = library.get(message.id);
        if (!card) return;
        await vscode.env.clipboard.writeText(tipBlock(card, 'markdown', tipBlockLabels()));
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied "{0}" as markdown', card.title), 3000);
        return;
      }
    }
  }
}
