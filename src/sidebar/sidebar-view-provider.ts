import * as vscode from 'vscode';
import { Commands, SIDEBAR_VIEW_ID } from '../common/commands';
import { tipBlockLabels } from '../common/l10n';
import type { ContentService } from '../content/content-service';
import { parseWebviewMessage } from '../core/sidebar/sidebar-messages';
import { tipBlock } from '../core/content/tip-block';
import type { ExtensionMessage, WebviewMessage } from '../core/sidebar/protocol';

/** The "Lead From Behind" sidebar: server-rendered cards, with search and actions added by the webview script. */
export class SidebarViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = SIDEBAR_VIEW_ID;

  private view: vscode.WebviewView | undefined;
  private webviewReady = false;
  // Messages sent before the script said "ready" would be lost, so they wait here.
  private readonly pending: ExtensionMessage[] = [];
  private readonly viewDisposables: vscode.Disposable[] = [];

  private readonly contentSubscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
  ) {
    // The team's content changed: re-render. The page restores its search and scroll from saved state.
    this.contentSubscription = content.onDidChange(() => void this.refresh());
  }

  // Renders can overlap when team files change quickly; only the newest may set the page.
  private renderGeneration = 0;

  private async refresh(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const generation = ++this.renderGeneration;
    try {
      const html = await this.renderHtml(view.webview);
      if (generation !== this.renderGeneration || this.view !== view) return;
      this.webviewReady = false;
      view.webview.html = html;
    } catch (error) {
      console.error('Lead From Behind: could not render the sidebar', error);
    }
  }

  async resolveWebviewView(view: vscode.WebviewView): Promise<void> {
    this.view = view;
    this.webviewReady = false;
    view.webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot, this.mediaRoot] };
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      // A hidden view loses its page (we do not retain it); the reloaded page says "ready" again.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.webviewReady = false;
      }),
      view.onDidDispose(() => this.disposeView()),
    );
    view.webview.html = await this.renderHtml(view.webview);
  }

  /** Reveals the view and puts the cursor in its search box. */
  async focusSearch(): Promise<void> {
    await vscode.commands.executeCommand(`${SidebarViewProvider.viewType}.focus`);
    this.post({ type: 'focusSearch' });
  }

  get isResolved(): boolean {
    return this.view !== undefined;
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  private get webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  private get mediaRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media');
  }

  private async renderHtml(webview: vscode.Webview): Promise<string> {
    const { webviewRoot, mediaRoot } = this;
    // markdown-it loads only now, when the view is first shown.
    const [{ sidebarPage }, library] = await Promise.all([import('./sidebar-page'), this.content.getLibrary()]);
    return sidebarPage(library, {
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'sidebar.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'sidebar.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'codicons', 'codicon.css')).toString(),
    });
  }

  private async onMessage(raw: unknown): Promise<void> {
    // The handshake needs no content: answer it even if loading content failed.
    if ((raw as { type?: unknown } | null)?.type === 'ready') {
      this.webviewReady = true;
      this.flush();
      return;
    }
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

  private post(message: ExtensionMessage): void {
    this.pending.push(message);
    this.flush();
  }

  private flush(): void {
    if (!this.view || !this.webviewReady) return;
    for (const message of this.pending.splice(0)) void this.view.webview.postMessage(message);
  }

  private disposeView(): void {
    this.view = undefined;
    this.webviewReady = false;
    for (const disposable of this.viewDisposables.splice(0)) disposable.dispose();
  }

  dispose(): void {
    this.contentSubscription.dispose();
    this.disposeView();
  }
}

/** A fresh script nonce per page load, from a cryptographic source. */
function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
