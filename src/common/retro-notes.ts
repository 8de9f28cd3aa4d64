// Reading retro notes as the team sees them. One reader for New Retrospective Note (carry-over and the
// carried history under each item) and Follow-through, so both read the same notes the same way.
import * as vscode from 'vscode';
import { parseNoteDate } from '../core/retro/carry-over';

/**
 * A retro note is a few KB. One far larger (a log pasted in, years of appended notes) is not read: parsing
 * it would hold the extension host up for seconds.
 */
export const MAX_NOTE_BYTES = 256 * 1024;

/**
 * The retro notes among a folder's entries: files named `YYYY-MM-DD….md`. Links are left out: they could
 * lead out of the workspace.
 */
export function retroNoteNames(entries: readonly (readonly [string, vscode.FileType])[]): string[] {
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && /\.md$/i.test(name) && parseNoteDate(name) !== undefined)
    .map(([name]) => name)
    .sort();
}

/** The note's document, when an editor has it open. */
export function openNote(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}

/** An open note's text as it stands, unsaved changes included; undefined when over MAX_NOTE_BYTES. */
export function editorNoteText(document: vscode.TextDocument): string | undefined {
  const text = document.getText();
  return new TextEncoder().encode(text).length > MAX_NOTE_BYTES ? undefined : text;
}

/** A note's bytes from disk as text (a BOM dropped, as an editor shows it); undefined when over MAX_NOTE_BYTES. */
export function diskNoteText(bytes: Uint8Array): string | undefined {
  return bytes.byteLength > MAX_NOTE_BYTES ? undefined : new TextDecoder().decode(bytes);
}

/**
 * A note as the team sees it: its editor's text, with boxes just ticked and actions typed but not yet
 * saved, or else the file on disk. Undefined when it is over MAX_NOTE_BYTES (a file that large is not
 * even read).
 */
export async function readNoteText(uri: vscode.Uri): Promise<string | undefined> {
  const open = openNote(uri);
  if (open) return editorNoteText(open);
  if ((await vscode.workspace.fs.stat(uri)).size > MAX_NOTE_BYTES) return undefined;
  return diskNoteText(await vscode.workspace.fs.readFile(uri));
}
