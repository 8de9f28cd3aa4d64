import * as vscode from 'vscode';
import { localized } from '../common/l10n';
import { nodeFiles } from '../common/node-files';
import { setting, Settings } from '../common/settings';
import { createExclusive, errorText } from '../common/workspace-files';
import type { ContentService } from '../content/content-service';
import { figuresByWeek } from '../core/reflection/compare';
import { parseReflectionFolder } from '../core/reflection/reflection-folder';
import { CHART_WEEKS, comparisonFor, comparisonSentence, YOUR_REVIEWS_STRINGS } from '../core/reflection/reflection-html';
import { REFLECTION_NOTE_STRINGS, reflectionFileName, reflectionNote, weekOfReflectionFile } from '../core/reflection/reflection-note';
import { isoWeek, recentWeeks, weekDays } from '../core/reflection/week';
import type { FiguresSource } from './your-reviews-view';
import { localizedRuleName } from './your-reviews-view';

/** Where a note could not go, in words for the user. */
class FolderError extends Error {}

/**
 * The private weekly reflection notes: one markdown file per ISO week, by default in the extension's global
 * storage on this machine (never a repository), or in the folder `leadFromBehind.reflection.folder` names.
 */
export class ReflectionNotes {
  constructor(
    private readonly globalStorage: vscode.Uri,
    private readonly content: ContentService,
    private readonly figures: FiguresSource,
  ) {}

  /** The notes folder from the setting; throws a FolderError that says what is wrong with the setting. */
  folder(): vscode.Uri {
    const configured = setting(Settings.reflectionFolder);
    const parsed = parseReflectionFolder(configured);
    switch (parsed.kind) {
      case 'storage':
        return vscode.Uri.joinPath(this.globalStorage, 'reflections');
      case 'home': {
        if (!nodeFiles) throw new FolderError(vscode.l10n.t('"~" names a home folder, which VS Code in the browser does not have. Leave the setting empty to keep the notes in the extension storage.'));
        const home = vscode.Uri.file(nodeFiles.homedir());
        return parsed.segments.length ? vscode.Uri.joinPath(home, ...parsed.segments) : home;
      }
      case 'absolute':
        return vscode.Uri.file(parsed.path);
      case 'invalid':
        throw new FolderError(vscode.l10n.t('"{0}" is a relative path. Use an absolute path, or one starting with ~ for your home folder, or leave it empty.', configured));
    }
  }

  /**
   * Opens this week's note, creating it from the template first. A note the week already has is opened as
   * it is, never overwritten: reflecting twice in a week goes on in the same note. Returns the note, or
   * undefined when it could not be written (the note then opens unsaved, so nothing is lost).
   */
  async reflectOnWeek(now = new Date()): Promise<vscode.Uri | undefined> {
    const week = isoWeek(now);
    const text = await this.noteText(week);
    let file: vscode.Uri | undefined;
    let folder: vscode.Uri | undefined;
    try {
      folder = this.folder();
      file = vscode.Uri.joinPath(folder, reflectionFileName(week));
      await vscode.workspace.fs.createDirectory(folder);
      const outcome = await createExclusive(file, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(file, { preview: false });
      if (outcome === 'exists') vscode.window.setStatusBarMessage(vscode.l10n.t("$(notebook) This week's reflection note was already there: it is open as you left it."), 5000);
      return file;
    } catch (error) {
      const where = folder ? displayPath(folder) : setting(Settings.reflectionFolder);
      const why = error instanceof FolderError ? error.message : errorText(error);
      // The template opens unsaved, so whatever the user writes can still be saved elsewhere.
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(document, { preview: false });
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Lead From Behind: the reflection note could not be saved in "{0}": {1}. It is open unsaved instead; check the setting leadFromBehind.reflection.folder.', where, why),
      );
      return undefined;
    }
  }

  /** The notes in the folder, newest week first: file names and their weeks. */
  async list(): Promise<{ name: string; week: string; uri: vscode.Uri }[]> {
    const folder = this.folder();
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
      throw error;
    }
    return entries
      .filter(([name, type]) => type & vscode.FileType.File && weekOfReflectionFile(name))
      .map(([name]) => ({ name, week: weekOfReflectionFile(name)!, uri: vscode.Uri.joinPath(folder, name) }))
      .sort((a, b) => b.week.localeCompare(a.week));
  }

  /**
   * Lists the past notes in a quick pick, newest first, and opens the one picked. `options.file` (a note's
   * file name) opens that note without asking: for scripts and tests. Returns the note opened.
   */
  async openPast(options?: { file?: string }): Promise<vscode.Uri | undefined> {
    let notes: Awaited<ReturnType<ReflectionNotes['list']>>;
    try {
      notes = await this.list();
    } catch (error) {
      const why = error instanceof FolderError ? error.message : errorText(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: the reflection notes could not be listed: {0}', why));
      return undefined;
    }
    if (typeof options?.file === 'string') {
      const note = notes.find((candidate) => candidate.name === options.file);
      if (!note) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: there is no reflection note "{0}".', options.file));
        return undefined;
      }
      await vscode.window.showTextDocument(note.uri, { preview: false });
      return note.uri;
    }
    if (notes.length === 0) {
      const reflect = vscode.l10n.t('Reflect on This Week');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('No reflection notes yet. Reflect on This Week starts one.'), reflect);
      return answer === reflect ? this.reflectOnWeek() : undefined;
    }
    const picked = await vscode.window.showQuickPick(
      notes.map((note) => {
        const days = weekDays(note.week);
        return { label: `$(notebook) ${note.week}`, description: days ? vscode.l10n.t('{0} to {1}', days.first, days.last) : undefined, note };
      }),
      { title: vscode.l10n.t('Open Past Reflection'), placeHolder: vscode.l10n.t('Pick a week') },
    );
    if (!picked) return undefined;
    await vscode.window.showTextDocument(picked.note.uri, { preview: false });
    return picked.note.uri;
  }

  private async noteText(week: string): Promise<string> {
    const library = await this.content.getLibrary();
    const report = this.figures.report();
    const days = weekDays(week);
    return reflectionNote(
      {
        week,
        firstDay: days?.first,
        lastDay: days?.last,
        figures: figuresByWeek(report).get(week),
        comparison: comparisonSentence(comparisonFor(report, recentWeeks(week, CHART_WEEKS)), localized(YOUR_REVIEWS_STRINGS)),
        library,
        ruleName: localizedRuleName,
      },
      localized(REFLECTION_NOTE_STRINGS),
    );
  }
}

function displayPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
