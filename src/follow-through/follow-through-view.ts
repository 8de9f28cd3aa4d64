import * as vscode from 'vscode';
import { Commands, FOLLOW_THROUGH_VIEW_ID } from '../common/commands';
import type { ContentService } from '../content/content-service';
import { parseFollowThroughMessage } from '../core/sidebar/follow-through-messages';
import type { FollowThroughExtensionMessage } from '../core/sidebar/follow-through-protocol';
import type { SidebarAssets } from '../core/sidebar/sidebar-html';
import { RenderedWebviewView, type WebviewViewProbe } from '../sidebar/rendered-webview-view';
import type { LoadedFollowThrough } from './register';

/** Test mode only: what an integration test needs to watch and steer the Follow-through view's renders. */
export type FollowThroughProbe = WebviewViewProbe;

/**
 * The Follow-through view: how the team follows through on its retro actions, from its notes. The page is
 * built on the extension host; its script only posts what the reader asks for, and each message is checked.
 *
 * In a workspace of several folders it shows one folder's notes, the first folder's until the reader picks
 * another (with the page's "Change folder").
 */
export class FollowThroughView extends RenderedWebviewView<FollowThroughExtensionMessage> {
  static readonly viewType = FOLLOW_THROUGH_VIEW_ID;
  private chosenFolder: vscode.WorkspaceFolder | undefined;
  /** The analysis the page shows: its messages may name only its notes. */
  private shown: Awaited<ReturnType<LoadedFollowThrough['feature']['followThroughViewPage']>>['analysis'];
  private listening = false;

  constructor(
    extensionUri: vscode.Uri,
    private readonly load: () => Promise<LoadedFollowThrough>,
    private readonly content: ContentService,
    options: { probe?: boolean } = {},
  ) {
    super(extensionUri, 'follow-through', options);
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()));
    // The reflection question comes from the cards, which the team's content may change or translate.
    this._register(content.onDidChange(() => void this.refresh()));
  }

  /** The folder the view shows: the one picked while it is still open, else the first. */
  get folder(): vscode.WorkspaceFolder | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const chosen = this.chosenFolder && folders.find((folder) => folder.uri.toString() === this.chosenFolder!.uri.toString());
    return chosen ?? folders[0];
  }

  protected async renderHtml(_webview: vscode.Webview, assets: SidebarAssets): Promise<string> {
    const [{ feature, service }, library] = await Promise.all([this.load(), this.content.getLibrary()]);
    if (!this.listening) {
      this.listening = true;
      // The notes changed (a save, a file event): render again.
      this._register(service.onDidChange(() => void this.refresh()));
    }
    const question = library.get(feature.LEADING_FROM_THE_FRONT_CARD)?.question;
    const { html, analysis } = await feature.followThroughViewPage(service, this.folder, assets, question);
    this.shown = analysis;
    return html;
  }

  protected failureHeading(): string {
    return vscode.l10n.t('The follow-through of the retro actions could not be shown.');
  }

  protected async onPageMessage(raw: unknown): Promise<void> {
    const shown = this.shown;
    const message = parseFollowThroughMessage(raw, { isNote: (file) => shown?.notes.has(file) ?? false });
    if (!message) return;
    switch (message.type) {
      case 'openAction': {
        const { feature } = await this.load();
        if (shown) await feature.openNoteAt(shown, message.file, message.line);
        return;
      }
      case 'reviewOpenActions': {
        const folder = this.folder;
        if (folder) await vscode.commands.executeCommand(Commands.reviewOpenActions, { folder: folder.uri.toString() });
        return;
      }
      case 'chooseFolder': {
        const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Whose retro notes should the view show?') });
        if (!picked) return;
        this.chosenFolder = picked;
        await this.refresh();
        return;
      }
    }
  }
}
