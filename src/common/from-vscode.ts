// From VS Code's types to the core's: every conversion in this direction lives here; to-vscode.ts holds
// the other one.
import type * as vscode from 'vscode';

/** A range in a document as offsets into its text, as the core counts. */
export function toOffsets(document: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}
