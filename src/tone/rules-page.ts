import * as vscode from 'vscode';
import { ToneRuleId, toneRuleLine } from '../core/tone';

/** The rules' reference, shipped in the package (see .vscodeignore). */
export const TONE_RULES_PAGE = 'docs/tone-rules.md';
/** Documents of this scheme are the extension's own pages, served read-only from the package. */
export const DOCS_SCHEME = 'lead-from-behind-docs';
const PAGE_PATH = '/tone-rules.md';

/**
 * A finding's link: the rules page at its rule's heading. The fragment is a line (`#L95`), the only kind
 * VS Code's opener turns into a selection, from a hover, the Problems panel and `vscode.open` alike. The
 * page comes from our own scheme, so it opens read-only instead of as an editable file of the install.
 */
export function toneRuleLink(ruleId: ToneRuleId): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: PAGE_PATH, fragment: `L${toneRuleLine(ruleId)}` });
}

/** Serves the shipped rules page under DOCS_SCHEME; nothing else. Reads it through the workspace file system, so it works on the web too. */
export class RulesPageProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.path !== PAGE_PATH) throw new Error(vscode.l10n.t('Lead From Behind has no page {0}.', uri.path));
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, TONE_RULES_PAGE)));
  }
}
