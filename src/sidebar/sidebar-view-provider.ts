import * as vscode from 'vscode';
import { Disposable, DisposableGroup } from '../common/disposable';
import { Commands, SIDEBAR_VIEW_ID } from '../common/commands';
import { tipBlockLabels } from '../common/l10n';
import type { ContentService } from '../content/content-service';
import { sidebarErrorHtml } from '../core/sidebar/sidebar-error-html';
import type { SidebarAssets } from '../core/sidebar/sidebar-html';
import { parseWebviewMessage } from '../core/sidebar/sidebar-messages';
import { tipBlock } from '../core/content/tip-block';
import type { ExtensionMessage, WebviewMessage } from '../core/sidebar/protocol';

/** Test mode only: what an integration test needs to watch and steer the view's renders. */
export interface SidebarProbe {
  /** The page the view shows now; undefined while no view is resolved. */
  html(): string | undefined;
  /** Awaited by each render once its page is built, before the page lands: a test holds a render here, or makes it fail. */
  beforeRenderLands: (() => Promise<void>) | undefined;
  /** Settles once every render started so far has; rejects if one of them let an error escape. */
  settled(): Promise<void>;
  /** Handles a message as if the page had sent it. */
  receive(message: unknown): Promise<void>;
}

/** The "Lead From Behind" sidebar: server-rendered cards, with search and actions added by the webview script. */
export class SidebarViewProvider extends Disposable implements vscode.WebviewViewProvider {
  static readonly viewType = SIDEBAR_VIEW_ID;

  private view: vscode.WebviewView | undefined;
  private webviewReady = false;
  // Messages sent before the script said "ready" would be lost, so they wait here.
  private readonly pending: ExtensionMessage[] = [];
  // The current view's event subscriptions; they go with it.
  private readonly viewSubscriptions = this._register(new DisposableGroup());

  private readonly rendersInFlight = new Set<Promise<void>>();
  private readonly escapedErrors: unknown[] = [];
  /** Set in Test mode only. */
  readonly probe: SidebarProbe | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    options: { probe?: boolean } = {},
  ) {
    super();
    this.probe = options.probe ? this.createProbe() : undefined;
    // The team's content changed: re-render. The page restores its search and scroll from saved state.
    this._register(
      content.onDidChange(() => {
        if (this.view) void this.render(this.view);
      }),
    );
  }

  // Renders overlap when team files change while the view renders, its first render included: each render
  // takes a number, and only the newest may set the page.
  private renderGeneration = 0;

  /** Renders the page into `view`. A render that fails shows what went wrong, with Retry. */
  private render(view: vscode.WebviewView): Promise<void> {
    return this.track(this.renderInto(view));
  }

  private async renderInto(view: vscode.WebviewView): Promise<void> {
    const generation = ++this.renderGeneration;
    let html: string | undefined;
    let failure: unknown;
    try {
      const page = await this.renderHtml(view.webview);
      if (this.probe?.beforeRenderLands) await this.probe.beforeRenderLands();
      html = page;
    } catch (error) {
      console.error('Lead From Behind: could not render the sidebar', error);
      failure = error;
    }
    // A newer render is on its way, or the view was disposed meanwhile (setting its page would throw).
    if (generation !== this.renderGeneration || this.view !== view) return;
    this.webviewReady = false;
    view.webview.html = html ?? this.errorHtml(view.webview, failure);
  }

  async resolveWebviewView(view: vscode.WebviewView): Promise<void> {
    // A view that VS Code replaces is done with, disposed or not: its late events must not touch the new one.
    this.releaseView();
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot, this.mediaRoot] };
    this.viewSubscriptions.add(
      view.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      // A hidden view loses its page (we do not retain it); the reloaded page says "ready" again.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.webviewReady = false;
      }),
      view.onDidDispose(() => this.releaseView()),
    );
    await this.render(view);
  }

  private track(render: Promise<void>): Promise<void> {
    if (!this.probe) return render;
    this.rendersInFlight.add(render);
    render.then(
      () => this.rendersInFlight.delete(render),
      (error) => {
        this.rendersInFlight.delete(render);
        this.escapedErrors.push(error);
      },
    );
    return render;
  }

  private createProbe(): SidebarProbe {
    return {
      html: () => this.view?.webview.html,
      beforeRenderLands: undefined,
      settled: async () => {
        await Promise.allSettled([...this.rendersInFlight]);
        if (this.escapedErrors.length > 0) throw this.escapedErrors.splice(0)[0];
      },
      receive: (message) => this.onMessage(message),
    };
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
    // markdown-it loads only now, when the view is first shown.
    const [{ sidebarPage }, library] = await Promise.all([import('./sidebar-page'), this.content.getLibrary()]);
    return sidebarPage(library, this.assets(webview, 'sidebar.js'));
  }

  /**
   * The page in place of the cards: what went wrong, in plain words, and Retry. Built by the main bundle:
   * the lazily loaded page builder may be what failed.
   */
  private errorHtml(webview: vscode.Webview, failure: unknown): string {
    const problem = failure instanceof Error ? failure.message : String(failure);
    const words = {
      heading: vscode.l10n.t('The Lead From Behind cards could not be shown.'),
      detail: vscode.l10n.t('What went wrong: {0}', problem),
      retry: vscode.l10n.t('Retry'),
    };
    return sidebarErrorHtml(words, this.assets(webview, 'sidebar-error.js'), vscode.env.language);
  }

  private assets(webview: vscode.Webview, script: string): SidebarAssets {
    const { webviewRoot, mediaRoot } = this;
    return {
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, script)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'sidebar.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'codicons', 'codicon.css')).toString(),
    };
  }

  private async onMessage(raw: unknown): Promise<void> {
    // The handshake and Retry need no content: answer them even if loading content failed.
    const type = (raw as { type?: unknown } | null)?.type;
    if (type === 'ready') {
      this.webviewReady = true;
      this.flush();
      return;
    }
    if (type === 'retry') {
      if (this.view) await this.render(this.view);
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

  private releaseView(): void {
    this.view = undefined;
    this.webviewReady = false;
    this.viewSubscriptions.clear();
  }

  override dispose(): void {
    this.releaseView();
    super.dispose();
  }
}

/** A fresh script nonce per page load, from a cryptographic source. */
function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
