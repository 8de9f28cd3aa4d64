import * as vscode from 'vscode';
import type { ContentLibrary } from '../core/content/library';
import { CARRIED_NOTE_STRINGS, carriedHistories, withCarriedHistory, type CarriedHistory } from '../core/follow-through/views';
import type { RetroNoteText } from '../core/follow-through/report';
import { carriedOverSection, findPreviousNote, noteLinkTarget, openTaskItems, parseNoteDate, previousNoteLink } from '../core/retro/carry-over';
import { createWithFreeName } from '../core/retro/exclusive-name';
import { isoDate, noteFileName, slugify, weekday } from '../core/retro/naming';
import { renderTemplate, renderTemplatePlain, RetroTemplate, TemplateVariables } from '../core/retro/template';
import { localized } from '../common/l10n';
import { MAX_NOTE_BYTES, readNoteText, retroNoteNames } from '../common/retro-notes';
import { folderInside, setting, Settings } from '../common/settings';
import { createExclusive, createFolderInside, errorText, workspaceFolderOrSay } from '../common/workspace-files';

/** Arguments for scripting and keybindings. With `template` and `title`, nothing is asked. */
export interface NewRetroNoteArgs {
  readonly template?: unknown;
  readonly title?: unknown;
  /** A workspace folder's name or URI; the first folder when omitted. */
  readonly folder?: unknown;
}


/** Creates a dated retro note from a template and opens it at its first tab stop. Returns its URI. */
export async function newRetroNote(library: ContentLibrary, args: NewRetroNoteArgs | undefined): Promise<vscode.Uri | undefined> {
  const template = args?.template !== undefined ? templateFromArgs(library, args.template) : await pickTemplate(library);
  if (!template) return undefined;

  const title = args?.title !== undefined ? String(args.title ?? '') : await askTitle(template);
  if (title === undefined) return undefined; // Esc: nothing is created.

  const folder = await chooseWorkspaceFolder(args);
  if (folder === 'cancelled') return undefined;

  const now = new Date();
  const vars = {
    date: isoDate(now),
    weekday: weekday(now),
    title: title.trim(),
    team: setting(Settings.teamName, folder),
  };
  if (!folder) return openUntitled(template, vars);

  const retroFolder = folderInside(folder.uri, setting(Settings.retroFolder, folder));
  if (!retroFolder) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: the retro folder must be a relative path inside "{0}". Check the setting leadFromBehind.retro.folder.', folder.name),
    );
    return undefined;
  }
  let created: { uri: vscode.Uri; snippet: string };
  try {
    created = await createNote(template, vars, retroFolder, folder.uri, now);
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: could not create the retro note in "{0}": {1}. Nothing was written.', vscode.workspace.asRelativePath(retroFolder), errorText(error)),
    );
    return undefined;
  }
  await openAtFirstTabStop(created.uri, created.snippet);
  return created.uri;
}

async function createNote(
  template: RetroTemplate,
  baseVars: Omit<TemplateVariables, 'previousNote' | 'carriedOver'>,
  retroFolder: vscode.Uri,
  workspaceRoot: vscode.Uri,
  now: Date,
): Promise<{ uri: vscode.Uri; snippet: string }> {
  await createFolderInside(retroFolder, workspaceRoot);
  // The notes as Follow-through reads them: dated .md files, links left out.
  const existing = retroNoteNames(await vscode.workspace.fs.readDirectory(retroFolder));
  const vars: TemplateVariables = { ...baseVars, ...(await carriedOver(retroFolder, existing, now)) };

  const slug = slugify(vars.title ?? '', template.id);
  // The file holds exactly what the snippet expands to, so the note on disk is whole from the start.
  const content = new TextEncoder().encode(renderTemplatePlain(template, vars, { hints: true }));
  const name = await createWithFreeName(
    (attempt) => noteFileName(now, slug, attempt),
    (candidate) => createExclusive(vscode.Uri.joinPath(retroFolder, candidate), content),
  );
  return { uri: vscode.Uri.joinPath(retroFolder, name), snippet: renderTemplate(template, vars) };
}

/**
 * Re-inserts the note's text as a snippet, which gives the facilitator tab stops through the prompts.
 * The note is already whole on disk, so if the editor goes away meanwhile, nothing is lost.
 */
async function openAtFirstTabStop(uri: vscode.Uri, snippet: string): Promise<void> {
  let editor: vscode.TextEditor | undefined;
  try {
    // Not a preview tab: a second note opened at once would replace it before the snippet lands.
    editor = await vscode.window.showTextDocument(uri, { preview: false });
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    // No save afterwards: save participants (trim whitespace, format on save) would edit the fresh note.
    await editor.insertSnippet(new vscode.SnippetString(snippet), whole);
  } catch (error) {
    // Two notes opened at once: the second takes the first one's place before its snippet lands. VS Code then
    // cancels the first open ("Could NOT open editor") or drops its editor, so the insert fails ("Illegal
    // argument: TextEditor(…)"). That note is already whole on disk; anything else is worth reporting.
    const replaced = editor !== undefined && !vscode.window.visibleTextEditors.includes(editor);
    if (!replaced && !/could not open/i.test(String(error))) throw error;
  }
}

/** The previous note's link and its open action items, if there is an earlier note. The old note is only read. */
async function carriedOver(retroFolder: vscode.Uri, names: readonly string[], now: Date): Promise<Pick<TemplateVariables, 'previousNote' | 'carriedOver'>> {
  const previous = findPreviousNote(names, now);
  if (!previous) return {};
  let items: string[] = [];
  let previousText: string | undefined;
  try {
    previousText = await readNoteText(vscode.Uri.joinPath(retroFolder, previous.fileName));
    if (previousText === undefined) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Lead From Behind: the previous note "{0}" is larger than {1} KB, so its open action items were not carried over.', previous.fileName, String(MAX_NOTE_BYTES / 1024)),
      );
    } else {
      items = openTaskItems(previousText);
    }
  } catch {
    // An unreadable old note only means nothing is carried over; the new note is still worth creating.
  }
  const histories = previousText !== undefined && items.length > 0 ? await carriedHistoriesOf(retroFolder, names, previous, previousText, items) : [];
  return {
    previousNote: previousNoteLink(previous.fileName),
    carriedOver: carriedOverSection(withCarriedHistory(items, histories, localized(CARRIED_NOTE_STRINGS)), { date: previous.date, link: noteLinkTarget(previous.fileName) }),
  };
}

/**
 * How often each carried item has been carried, and since when, from the notes up to the previous one.
 * Each note counts as it stands in its editor, as the previous one does; a note that is too large or
 * cannot be read is left out, which at worst makes an item's history shorter. Nothing is written anywhere.
 */
async function carriedHistoriesOf(
  retroFolder: vscode.Uri,
  names: readonly string[],
  previous: { readonly fileName: string; readonly date: string },
  previousText: string,
  items: readonly string[],
): Promise<(CarriedHistory | undefined)[]> {
  const earlier = names.filter((name) => name !== previous.fileName && (parseNoteDate(name) ?? '9999') <= previous.date);
  const notes: RetroNoteText[] = [{ file: previous.fileName, text: previousText }];
  await Promise.all(
    earlier.map(async (name) => {
      try {
        const text = await readNoteText(vscode.Uri.joinPath(retroFolder, name));
        if (text !== undefined) notes.push({ file: name, text });
      } catch {
        // Left out: see above.
      }
    }),
  );
  return carriedHistories(notes, previous.fileName, items);
}

async function openUntitled(template: RetroTemplate, vars: TemplateVariables): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(renderTemplate(template, vars)));
  return document.uri;
}

function templateFromArgs(library: ContentLibrary, id: unknown): RetroTemplate | undefined {
  const template = typeof id === 'string' ? library.getTemplate(id) : undefined;
  if (!template) {
    const known = library.templates.map((candidate) => candidate.id).join(', ');
    void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: there is no retro template "{0}". Known templates: {1}.', String(id), known));
  }
  return template;
}

async function pickTemplate(library: ContentLibrary): Promise<RetroTemplate | undefined> {
  const items = library.templates.map((template) => ({
    label: template.title,
    description: template.origin === 'team' ? vscode.l10n.t('team') : undefined,
    detail: `${template.description} ${template.whenToUse}`,
    template,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Retrospective Note'),
    placeHolder: vscode.l10n.t('Pick a retro format'),
    matchOnDetail: true,
  });
  return picked?.template;
}

function askTitle(template: RetroTemplate): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Retrospective Note: {0}', template.title),
    prompt: vscode.l10n.t('A title or sprint name for the note (optional). Press Enter to skip, Escape to cancel.'),
    placeHolder: vscode.l10n.t('e.g. Sprint 42'),
  });
}

/** The folder to write in: undefined with no folder open, 'cancelled' when the user dismissed the pick. */
async function chooseWorkspaceFolder(args: NewRetroNoteArgs | undefined): Promise<vscode.WorkspaceFolder | undefined | 'cancelled'> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  if (args?.folder !== undefined) return workspaceFolderOrSay(args.folder) ?? 'cancelled';
  if (folders.length === 1 || (args?.template !== undefined && args?.title !== undefined)) return folders[0];
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the retro note go?') })) ?? 'cancelled';
}
