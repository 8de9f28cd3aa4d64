import * as vscode from 'vscode';
import { ContentLibrary } from '../core/library';
import type { Card } from '../core/types';

/**
 * Loads the cards on first use. The build validates content/ and writes it as dist/content.json,
 * so the extension reads one file and parses no markdown or YAML at run time.
 */
export class ContentService {
  private library: Promise<ContentLibrary> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  getLibrary(): Promise<ContentLibrary> {
    this.library ??= this.load();
    return this.library;
  }

  private async load(): Promise<ContentLibrary> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', 'content.json');
    const { cards } = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as { cards: Card[] };
    return new ContentLibrary(cards);
  }
}
