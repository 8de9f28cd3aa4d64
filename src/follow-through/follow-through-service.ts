// The follow-through analysis of each workspace folder's retro notes, kept up to date: loaded (from
// dist/lazy/) on first use, when the view is shown or a command asks.
import * as vscode from 'vscode';
import { Disposable, DisposableGroup } from '../common/disposable';
import { folderInside, setting, Settings } from '../common/settings';
import { diskNoteText, editorNoteText, MAX_NOTE_BYTES, retroNoteNames } from '../common/retro-notes';
import { errorText, isReallyInside } from '../common/workspace-files';
import { analyzeFollowThrough } from '../core/follow-through/analyze';
import type { FollowThroughReport, RetroNoteText } from '../core/follow-through/report';

/** A save arrives as several file events, and a git pull as many: one analysis serves a burst. */
export const CHANGE_DELAY_MS = 300;
const RACY_MS = 2000;

/** One workspace folder's notes as analysed, and what could not be read. */
export interface FolderFollowThrough {
  readonly folder: vscode.WorkspaceFolder;
  /** The retro folder, relative to the workspace folder with forward slashes (`docs/retros`). */
  readonly retroFolder: string;
  readonly report: FollowThroughReport;
  /** The text each note had when analysed, by its path relative to the workspace folder. */
  readonly notes: ReadonlyMap<string, string>;
  /** Notes left out, each with why, in words for the user. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

/** Why a folder has no analysis, in words for the user. */
export class FollowThroughUnavailable extends Error {}

interface FolderState {
  readonly folder: vscode.WorkspaceFolder;
  readonly watchers: DisposableGroup;
  /** The retro folder it watches, as a URI path (`/ws/docs/retros`); undefined when the setting is refused. */
  retroPath: string | undefined;
  /** The analysis while it is current; dropped by any change. */
  current: Promise<FolderFollowThrough> | undefined;
  /** Counts changes, so an analysis that a change overtook is not kept. */
  generation: number;
}

interface DiskText {
  readonly mtime: number;
  readonly size: number;
  readonly text: string;
}

/**
 * Reads each workspace folder's retro notes (`YYYY-MM-DD*.md` in `leadFromBehind.retro.folder`) and
 * analyses them, once per change. A folder is read and watched from the first time someone asks for it.
 *
 * - A note open in an editor counts as it stands there, unsaved changes included; others are read from
 *   disk, and a note's text is kept until its modification time or size changes.
 * - Typing in a note only marks the analysis out of date (the next request redoes it): the view updates
 *   when a note is saved, created or deleted, or when an editor with unsaved changes closes, at most once
 *   per CHANGE_DELAY_MS.
 */
export class FollowThroughService extends Disposable {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Something that the analyses read changed; fired at most once per CHANGE_DELAY_MS. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly folders = new Map<string, FolderState>();
  private readonly diskTexts = new Map<string, DiskText>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.noteChanged(event.document.uri, false);
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.noteChanged(document.uri, true)));
    // An editor closed with unsaved changes: its note counts as it is on disk again.
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.noteChanged(document.uri, true)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(`${Settings.section}.${Settings.retroFolder}`)) return;
        for (const state of this.folders.values()) this.watch(state);
        this.scheduleChange();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(({ removed }) => {
        for (const folder of removed) this.forget(folder.uri.toString());
        this.scheduleChange();
      }),
    );
  }

  /**
   * The analysis of `folder`'s notes. The one kept is returned unless something changed since;
   * `fresh` reads every note again (a check before an edit must not trust a file event still on its way).
   * Rejects with FollowThroughUnavailable when the retro folder setting cannot be used.
   */
  analysis(folder: vscode.WorkspaceFolder, options: { readonly fresh?: boolean } = {}): Promise<FolderFollowThrough> {
    const state = this.stateOf(folder);
    if (options.fresh) state.current = undefined;
    if (!state.current) {
      const generation = state.generation;
      const analysis = this.analyse(state, options.fresh ?? false);
      state.current = analysis;
      // A change during the analysis already dropped it; a failure is not kept either.
      analysis.catch(() => {
        if (state.current === analysis && state.generation === generation) state.current = undefined;
      });
    }
    return state.current;
  }

  /** The URI of a note of `analysis`, or undefined when `file` is not one of the notes it read. */
  static noteUri(analysis: FolderFollowThrough, file: string): vscode.Uri | undefined {
    if (!analysis.notes.has(file)) return undefined;
    return vscode.Uri.joinPath(analysis.folder.uri, ...file.split('/'));
  }

  private stateOf(folder: vscode.WorkspaceFolder): FolderState {
    const key = folder.uri.toString();
    let state = this.folders.get(key);
    if (!state) {
      state = { folder, watchers: new DisposableGroup(), retroPath: undefined, current: undefined, generation: 0 };
      this.folders.set(key, state);
      this.watch(state);
    }
    return state;
  }

  /**
   * Watches the retro folder's notes, and the folder itself (it may be created, deleted or renamed).
   * Anything there drops the analysis. The folder's path is only ever a base URI, never part of a glob:
   * a folder named `retros [2026]` or `{old}` would be read as a pattern.
   */
  private watch(state: FolderState): void {
    state.watchers.clear();
    state.current = undefined;
    state.generation++;
    const retro = this.retroFolderOf(state.folder);
    state.retroPath = retro?.path;
    if (!retro) return;
    const changed = () => this.invalidate(state, true);
    const notes = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(retro, '*.md'));
    state.watchers.add(notes, notes.onDidCreate(changed), notes.onDidChange(changed), notes.onDidDelete(changed));
    // The folder itself, among its parent's entries. Both may not exist yet: the retro folder is inside the
    // workspace folder, whose own watcher reports what happens there.
    const parent = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(retro, '..'), '*'));
    const itself = (uri: vscode.Uri) => {
      if (uri.path === retro.path) changed();
    };
    state.watchers.add(parent, parent.onDidCreate(itself), parent.onDidChange(itself), parent.onDidDelete(itself));
  }

  private retroFolderOf(folder: vscode.WorkspaceFolder): vscode.Uri | undefined {
    return folderInside(folder.uri, setting(Settings.retroFolder, folder));
  }

  /** A document changed, was saved or closed: if it is a note of a folder we read, its analysis is out of date. */
  private noteChanged(uri: vscode.Uri, announce: boolean): void {
    if (!/\.md$/i.test(uri.path)) return;
    for (const state of this.folders.values()) {
      if (state.retroPath !== undefined && uri.scheme === state.folder.uri.scheme && uri.path.startsWith(`${state.retroPath}/`)) {
        this.invalidate(state, announce);
      }
    }
  }

  private invalidate(state: FolderState, announce: boolean): void {
    state.current = undefined;
    state.generation++;
    if (announce) this.scheduleChange();
  }

  private scheduleChange(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.changeEmitter.fire(), CHANGE_DELAY_MS);
  }

  private forget(key: string): void {
    const state = this.folders.get(key);
    if (!state) return;
    state.watchers.dispose();
    this.folders.delete(key);
    const prefix = `${key.replace(/\/$/, '')}/`;
    for (const uri of this.diskTexts.keys()) if (uri.startsWith(prefix)) this.diskTexts.delete(uri);
  }

  private async analyse(state: FolderState, fresh: boolean): Promise<FolderFollowThrough> {
    const { folder } = state;
    const retro = this.retroFolderOf(folder);
    if (!retro) {
      throw new FollowThroughUnavailable(
        vscode.l10n.t('The retro folder must be a relative path inside "{0}". Check the setting leadFromBehind.retro.folder.', folder.name),
      );
    }
    const retroFolder = relativePath(folder.uri, retro);
    const empty = (skipped: FolderFollowThrough['skipped'] = []): FolderFollowThrough => ({
      folder,
      retroFolder,
      report: analyzeFollowThrough([]),
      notes: new Map(),
      skipped,
    });
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(retro);
    } catch {
      return empty(); // No retro folder yet: no notes.
    }
    // A folder that the repository commits as a link to somewhere else is not read (as for team content).
    try {
      if (!(await isReallyInside(retro, folder.uri))) {
        throw new FollowThroughUnavailable(
          vscode.l10n.t('The retro folder "{0}" is a link that leads outside the workspace folder, so its notes were not read.', retroFolder),
        );
      }
    } catch (error) {
      if (error instanceof FollowThroughUnavailable) throw error;
      return empty(); // Gone between the listing and the check.
    }
    const names = retroNoteNames(entries);
    const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
    const skipped: { file: string; reason: string }[] = [];
    const read = await Promise.all(
      names.map(async (name): Promise<RetroNoteText | undefined> => {
        const file = `${retroFolder}/${name}`;
        const uri = vscode.Uri.joinPath(retro, name);
        try {
          const text = await this.currentText(uri, open.get(uri.toString()), fresh);
          if (text !== undefined) return { file, text };
          skipped.push({ file, reason: vscode.l10n.t('it is larger than {0} KB', String(MAX_NOTE_BYTES / 1024)) });
        } catch (error) {
          skipped.push({ file, reason: errorText(error) });
        }
        return undefined;
      }),
    );
    const notes = read.filter((note): note is RetroNoteText => note !== undefined);
    this.forgetDiskTextsOutside(retro, new Set(names));
    skipped.sort((a, b) => a.file.localeCompare(b.file));
    return { folder, retroFolder, report: analyzeFollowThrough(notes), notes: new Map(notes.map((note) => [note.file, note.text])), skipped };
  }

  /**
   * A note's text as the team sees it: an open editor's, else the disk's (`fresh`: read again even if its
   * time and size are the same; a box ticked within the same millisecond keeps both). Undefined when it is
   * over MAX_NOTE_BYTES.
   */
  private async currentText(uri: vscode.Uri, open: vscode.TextDocument | undefined, fresh: boolean): Promise<string | undefined> {
    if (open) return editorNoteText(open);
    const key = uri.toString();
    // The size first: a file over the limit is never read, however large it is.
    const { mtime, size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_NOTE_BYTES) return undefined;
    const kept = this.diskTexts.get(key);
    if (!fresh && kept && kept.mtime === mtime && kept.size === size) return kept.text;
    // It may have grown between the two calls.
    const text = diskNoteText(await vscode.workspace.fs.readFile(uri));
    if (text === undefined) return undefined;
    // A file written in the last moments may be written again within the same tick of its clock, with
    // the same size (a box ticked): such a text is not kept, as git does with "racy" files.
    if (Date.now() - mtime > RACY_MS) this.diskTexts.set(key, { mtime, size, text });
    else this.diskTexts.delete(key);
    return text;
  }

  private forgetDiskTextsOutside(retro: vscode.Uri, names: ReadonlySet<string>): void {
    const prefix = `${retro.toString()}/`;
    for (const key of this.diskTexts.keys()) {
      if (key.startsWith(prefix) && !names.has(decodeURIComponent(key.slice(prefix.length)))) this.diskTexts.delete(key);
    }
  }

  override dispose(): void {
    clearTimeout(this.changeTimer);
    for (const key of [...this.folders.keys()]) this.forget(key);
    super.dispose();
  }
}

/** `retro`'s path below `root`, with forward slashes: `docs/retros`. */
function relativePath(root: vscode.Uri, inside: vscode.Uri): string {
  return inside.path.slice(root.path.replace(/\/$/, '').length + 1);
}
