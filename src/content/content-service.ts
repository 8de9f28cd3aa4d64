import * as vscode from 'vscode';
import { KeptPromise } from '../core/kept-promise';
import { ContentLibrary } from '../core/content/library';
import type { RetroTemplate } from '../core/retro/template';
import type { Card } from '../core/types';
import { displayLanguages } from '../common/l10n';
import type { TeamContent } from '../team-content/team-content';

interface BuiltinContent {
  readonly cards: Card[];
  readonly templates: RetroTemplate[];
}

/**
 * The built-in content merged with the team's. The build validates content/ and writes it as
 * dist/content.json, so built-in content costs one file read and no markdown or YAML parsing.
 */
export class ContentService implements vscode.Disposable {
  private readonly builtin = new KeptPromise(() => this.readBuiltin());
  private readonly library = new KeptPromise(() => this.load());
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the team's content changed; `getLibrary()` then gives the new library. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly team: TeamContent,
  ) {
    // Reload at once, so the Problems panel reflects a saved team file even before anyone asks for content.
    this.subscription = team.onDidChange(() => {
      this.reload();
      this.changeEmitter.fire();
    });
  }

  /** The built-in and the team's content. A failed load is not kept: the next call tries again. */
  getLibrary(): Promise<ContentLibrary> {
    return this.library.get();
  }

  /** Loads again, newest wins. */
  private reload(): void {
    this.library.reload().catch((error) => console.error('Lead From Behind: could not load content', error));
  }

  private async load(): Promise<ContentLibrary> {
    const builtin = await this.builtin.get();
    const owned = (items: readonly { id: string }[]) => new Map(items.map((item) => [item.id, 'the built-in content']));
    const team = await this.team.load({ cards: owned(builtin.cards), templates: owned(builtin.templates) });
    return new ContentLibrary([...builtin.cards, ...team.cards], [...builtin.templates, ...team.templates]);
  }

  /** The built-in content in VS Code's display language where it is translated (content/de/ …), else in English. */
  private async readBuiltin(): Promise<BuiltinContent> {
    const read = async (file: string) =>
      JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', file)))) as BuiltinContent;
    for (const language of displayLanguages()) {
      try {
        return await read(`content.${language}.json`);
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
      }
    }
    return read('content.json');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
