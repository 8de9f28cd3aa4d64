import * as vscode from 'vscode';
import { Disposable, DisposableGroup } from '../common/disposable';
import { randomHex } from '../common/random-hex';
import { sidebarErrorHtml } from '../core/sidebar/sidebar-error-html';
import type { SidebarAssets } from '../core/sidebar/sidebar-html';

/** Test mode only: what an integration test needs to watch and steer a view's renders. */
export interface WebviewViewProbe {
  /** The page the view shows now; undefined while no view is resolved. */
  html(): string | undefined;
  /** Awaited by each render once its page is built, before the page lands: a test holds a render here, or makes it fail. */
  beforeRenderLands: (() => Promise<void>) | undefined;
  /** Settles once every render started so far has; rejects if one of them let an error escape. */
  settled(): Promise<void>;
  /** Handles a message as if the page had sent it. */
  receive(message: unknown): Promise<void>;
}

/**
 * A webview view in the Lead From Behind sidebar whose page is built on the extension host (so it paints
 * with its content on the first frame) and whose script only adds behaviour. It owns what every such view
 * needs: the CSP assets and nonce, renders where only the newest lands, an error page with Retry, the
 * "ready" handshake that holds messages until the page can take them, and no writes to a disposed view.
 */
export abstract class RenderedWebviewView<ToPage extends { readonly type: string }> extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private webviewReady = false;
  // Messages sent before the script said "ready" would be lost, so they wait here.
  private readonly pending: ToPage[] = [];
  // The current view's event subscriptions; they go with it.
  private readonly viewSubscriptions = this._register(new DisposableGroup());
  // Renders overlap (a change while the first render runs): each takes a number, and only the newest may
  // set the page.
  private renderGeneration = 0;

  private readonly rendersInFlight = new Set<Promise<void>>();
  private readonly escapedErrors: unknown[] = [];
  /** Set in Test mode only. */
  readonly probe: WebviewViewProbe | undefined;

  private readonly renderWhenShown: boolean;

  /**
   * `script` is the page's script in dist/webview/. `renderWhenShown`: build the page again each time the view
   * is shown, for data that can change without an event (another window's figures).
   */
  constructor(
    protected readonly extensionUri: vscode.Uri,
    private readonly script: string,
    options: { probe?: boolean; renderWhenShown?: boolean } = {},
  ) {
    super();
    this.probe = options.probe ? this.createProbe() : undefined;
    this.renderWhenShown = options.renderWhenShown ?? false;
  }

  /** The page, built for `assets` (its script, styles and nonce). */
  protected abstract renderHtml(webview: vscode.Webview, assets: SidebarAssets): Promise<string>;

  /** A message from the page other than the handshake and Retry. Untrusted: the page shows repository content. */
  protected abstract onPageMessage(raw: unknown): Promise<void>;

  /** The error page's heading, in the display language: what could not be shown. */
  protected abstract failureHeading(): string;

  async resolveWebviewView(view: vscode.WebviewView): Promise<void> {
    // A view that VS Code replaces is done with, disposed or not: its late events must not touch the new one.
    this.releaseView();
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot, this.mediaRoot] };
    this.viewSubscriptions.add(
      view.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      // A hidden view loses its page (none is retained); the reloaded page says "ready" again.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.webviewReady = false;
        else if (this.renderWhenShown) void this.render(view);
      }),
      view.onDidDispose(() => this.releaseView()),
    );
    await this.render(view);
  }

  get isResolved(): boolean {
    return this.view !== undefined;
  }

  get isVisible(): boolean {
    return this.view?.visible ?? false;
  }

  /** Renders the page again if the view is resolved; the page restores its own state from `setState`. */
  protected refresh(): Promise<void> {
    return this.view ? this.render(this.view) : Promise.resolve();
  }

  /** Sends a message once the page is ready for it. */
  protected post(message: ToPage): void {
    this.pending.push(message);
    this.flush();
  }

  /** Renders the page into `view`. A render that fails shows what went wrong, with Retry. */
  private render(view: vscode.WebviewView): Promise<void> {
    return this.track(this.renderInto(view));
  }

  private async renderInto(view: vscode.WebviewView): Promise<void> {
    const generation = ++this.renderGeneration;
    let html: string | undefined;
    let failure: unknown;
    try {
      const page = await this.renderHtml(view.webview, this.assets(view.webview, `${this.script}.js`));
      if (this.probe?.beforeRenderLands) await this.probe.beforeRenderLands();
      html = page;
    } catch (error) {
      console.error(`Lead From Behind: could not render the view ${this.script}`, error);
      failure = error;
    }
    // A newer render is on its way, or the view was disposed meanwhile (setting its page would throw).
    if (generation !== this.renderGeneration || this.view !== view) return;
    this.webviewReady = false;
    view.webview.html = html ?? this.errorHtml(view.webview, failure);
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

  private createProbe(): WebviewViewProbe {
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

  private get webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  private get mediaRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media');
  }

  /**
   * The page in place of the content: what went wrong, in plain words, and Retry. Built by the main bundle:
   * a lazily loaded page builder may be what failed.
   */
  private errorHtml(webview: vscode.Webview, failure: unknown): string {
    const problem = failure instanceof Error ? failure.message : String(failure);
    const words = {
      heading: this.failureHeading(),
      detail: vscode.l10n.t('What went wrong: {0}', problem),
      retry: vscode.l10n.t('Retry'),
    };
    return sidebarErrorHtml(words, this.assets(webview, 'sidebar-error.js'), vscode.env.language);
  }

  private assets(webview: vscode.Webview, script: string): SidebarAssets {
    const { webviewRoot, mediaRoot } = this;
    return {
      cspSource: webview.cspSource,
      // A fresh script nonce per page load.
      nonce: randomHex(16),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, script)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'sidebar.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'codicons', 'codicon.css')).toString(),
    };
  }

  private async onMessage(raw: unknown): Promise<void> {
    // The handshake and Retry need no content: they are answered even when rendering failed.
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
    await this.onPageMessage(raw);
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
