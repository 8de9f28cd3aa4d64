import * as vscode from 'vscode';
import { Disposable, DisposableGroup } from '../common/disposable';
import type { RetroTemplate } from '../core/retro/template';
import { l10n, problemAt } from '../core/message';
import { DEFAULT_QUESTION } from '../core/content/team-card';
import type { Card, ContentProblem } from '../core/types';
import { teamFolderWatchPatterns } from '../core/content/watch-patterns';
import { folderInside, setting, Settings } from '../common/settings';
import { problemToDiagnostic } from '../common/to-vscode';
import { isReallyInside } from '../common/workspace-files';

export interface TeamContentSnapshot {
  readonly cards: readonly Card[];
  readonly templates: readonly RetroTemplate[];
}

// A team folder holds a handful of files; these limits keep a mistaken setting (say, the repo root) cheap.
const MAX_FILES = 500;
const MAX_DEPTH = 4;
const MAX_FILE_BYTES = 256 * 1024;
const RELOAD_DELAY_MS = 150;
// Long enough to stay clear of activation, short enough that broken team files show in Problems at once.
const STARTUP_LOAD_DELAY_MS = 500;

/**
 * The team's own cards and templates, from `leadFromBehind.teamContentFolder` in each workspace folder.
 * Invalid files get Problems-panel entries; valid ones still load. A file watcher reloads on change.
 */
export class TeamContent extends Disposable {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('leadFromBehind.teamContent'));
  private readonly watchers = this._register(new DisposableGroup());
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private rewatchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly startupTimer: ReturnType<typeof setTimeout>;
  // Loads can overlap (a save during a load); only the newest may publish diagnostics.
  private generation = 0;
  private readonly refused = new Set<string>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.rewatch()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.${Settings.teamContentFolder}`)) this.rewatch();
      }),
    );
    this.watchAll();
    this.startupTimer = setTimeout(() => void this.loadAfterStartup(), STARTUP_LOAD_DELAY_MS);
  }

  /**
   * Problems are published when the content loads, and nothing may ask for it for a long while. So once
   * activation is over, a team folder that exists is announced as changed: the content service loads it.
   */
  private async loadAfterStartup(): Promise<void> {
    for (const root of this.roots()) {
      if (this.generation > 0) return; // something loaded it already
      try {
        await vscode.workspace.fs.stat(root);
      } catch {
        continue; // no team folder here; the watcher brings it when it comes
      }
      if (this.generation === 0) this.changeEmitter.fire();
      return;
    }
  }

  /** Reads every team folder. `reserved` maps built-in ids to their owner, so the team cannot shadow them. */
  async load(reserved: { cards: ReadonlyMap<string, string>; templates: ReadonlyMap<string, string> }): Promise<TeamContentSnapshot> {
    const cards: Card[] = [];
    const templates: RetroTemplate[] = [];
    const diagnostics: [vscode.Uri, vscode.Diagnostic[]][] = [];
    const generation = ++this.generation;
    const roots = this.roots();
    if (roots.length === 0) {
      this.diagnostics.clear();
      return { cards, templates };
    }
    // The YAML parser loads only for workspaces that could have team content.
    const { loadCards, loadTemplates } = await import('./team-files');
    const cardOwners = new Map(reserved.cards);
    const templateOwners = new Map(reserved.templates);
    for (const root of roots) {
      if (!(await this.staysInside(root))) continue;
      const { files, tooLarge } = await readMarkdownFiles(root);
      const uriOf = new Map([...files, ...tooLarge].map((file) => [file.file, file.uri]));
      const isTemplate = (file: string) => file.startsWith('templates/');
      const loadedCards = loadCards(files.filter((file) => !isTemplate(file.file)), 'team', cardOwners, { question: vscode.l10n.t(DEFAULT_QUESTION.template) });
      const loadedTemplates = loadTemplates(files.filter((file) => isTemplate(file.file)), 'team', templateOwners);
      for (const card of loadedCards.cards) cardOwners.set(card.id, `${root.path}/${card.file}`);
      for (const template of loadedTemplates.templates) templateOwners.set(template.id, `${root.path}/${template.file}`);
      cards.push(...loadedCards.cards);
      templates.push(...loadedTemplates.templates);
      const sizeProblems = tooLarge.map(({ file }) => problemAt(file, 1, l10n.t('The file is over {0} KB, too large for a card or template, and was not read.', MAX_FILE_BYTES / 1024)));
      for (const [file, problems] of groupByFile([...loadedCards.problems, ...loadedTemplates.problems, ...sizeProblems])) {
        diagnostics.push([uriOf.get(file) ?? vscode.Uri.joinPath(root, file), problems.map(toDiagnostic)]);
      }
    }
    if (generation === this.generation) {
      this.diagnostics.clear();
      this.diagnostics.set(diagnostics);
    }
    return { cards, templates };
  }

  /**
   * A team folder that a repository commits as a link to somewhere else is not read: content comes only
   * from inside the workspace. The user hears of it once a session.
   */
  private async staysInside(root: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(root);
    try {
      if (!folder || (await isReallyInside(root, folder.uri))) return true;
    } catch {
      return true; // Not there (yet): there is nothing to read, and the watcher brings it when it comes.
    }
    if (!this.refused.has(root.toString())) {
      this.refused.add(root.toString());
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Lead From Behind: the team content folder "{0}" is a link that leads outside the workspace folder, so it was not read.', vscode.workspace.asRelativePath(root)),
      );
    }
    return false;
  }

  private roots(): vscode.Uri[] {
    return this.teamFolders().map(({ root }) => root);
  }

  private teamFolders(): { folder: vscode.WorkspaceFolder; root: vscode.Uri }[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const root = folderInside(folder.uri, setting(Settings.teamContentFolder, folder));
      return root ? [{ folder, root }] : [];
    });
  }

  private watchAll(): void {
    const reload = () => this.scheduleReload();
    for (const { folder, root } of this.teamFolders()) {
      // Watched from the workspace folder, which is always there: the team folder may come later (a git pull),
      // and a watch on a folder stops when that folder goes. A folder deleted or renamed, or written in one
      // burst with its files, may report only itself: so the folders above the team folder are watched by
      // name, and the team folder with everything inside it. Any of these reloads the whole team folder.
      const segments = root.path.slice(folder.uri.path.replace(/\/$/, '').length + 1).split('/');
      const patterns = teamFolderWatchPatterns(segments);
      for (const [index, pattern] of patterns.entries()) {
        // The team folder or a folder above it came, went or moved: watch again as things now stand (which
        // reloads too). Anything inside the team folder only reloads.
        const isAbove = index < patterns.length - 1;
        this.watch(new vscode.RelativePattern(folder, pattern), (uri) => (isAbove || uri.path === root.path ? this.scheduleRewatch() : reload()));
      }
      // The team folder's own files, from where it stands now, by a flat watcher (VS Code serves those apart
      // from its recursive one): the recursive watch, started before a folder existed, can miss what a burst
      // (a git pull) writes into folders it makes. Made again, on the rewatch, once the folder is there.
      this.watch(new vscode.RelativePattern(root, '*'), reload);
    }
  }

  private watch(pattern: vscode.RelativePattern, onEvent: (uri: vscode.Uri) => void): void {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    this.watchers.add(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }

  private rewatch(): void {
    this.watchers.clear();
    this.watchAll();
    this.scheduleReload();
  }

  /** Folder events come in bursts; one rewatch serves them all. */
  private scheduleRewatch(): void {
    clearTimeout(this.rewatchTimer);
    this.rewatchTimer = setTimeout(() => this.rewatch(), RELOAD_DELAY_MS);
  }

  /** A save often arrives as several file events; one reload serves them all. */
  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.changeEmitter.fire(), RELOAD_DELAY_MS);
  }

  override dispose(): void {
    clearTimeout(this.reloadTimer);
    clearTimeout(this.rewatchTimer);
    clearTimeout(this.startupTimer);
    super.dispose();
  }
}

type TeamFile = { file: string; uri: vscode.Uri };

async function readMarkdownFiles(root: vscode.Uri): Promise<{ files: (TeamFile & { text: string })[]; tooLarge: TeamFile[] }> {
  const found: TeamFile[] = [];
  const visit = async (folder: vscode.Uri, prefix: string, depth: number): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return; // No team folder is the usual case, not an error.
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (found.length >= MAX_FILES) return;
      const uri = vscode.Uri.joinPath(folder, name);
      // Symbolic links are skipped: they could lead out of the workspace.
      if (type & vscode.FileType.SymbolicLink) continue;
      if (type & vscode.FileType.Directory && depth < MAX_DEPTH && !name.startsWith('.')) await visit(uri, `${prefix}${name}/`, depth + 1);
      else if (type & vscode.FileType.File && name.toLowerCase().endsWith('.md')) found.push({ file: `${prefix}${name}`, uri });
    }
  };
  await visit(root, '', 0);
  const decoder = new TextDecoder();
  const files: (TeamFile & { text: string })[] = [];
  const tooLarge: TeamFile[] = [];
  await Promise.all(
    found.map(async (entry) => {
      try {
        // The size first: a file over the limit is never read, however large it is.
        if ((await vscode.workspace.fs.stat(entry.uri)).size > MAX_FILE_BYTES) {
          tooLarge.push(entry);
          return;
        }
        const bytes = await vscode.workspace.fs.readFile(entry.uri);
        // It may have grown between the two calls.
        if (bytes.byteLength > MAX_FILE_BYTES) tooLarge.push(entry);
        else files.push({ ...entry, text: decoder.decode(bytes) });
      } catch {
        // Deleted between listing and reading: the watcher brings a fresh load.
      }
    }),
  );
  // Reads finish in any order; file order keeps duplicate-id reports stable.
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { files, tooLarge };
}

function groupByFile(problems: readonly ContentProblem[]): Map<string, ContentProblem[]> {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return byFile;
}

function toDiagnostic(problem: ContentProblem): vscode.Diagnostic {
  const diagnostic = problemToDiagnostic(problem);
  diagnostic.source = 'Lead From Behind';
  diagnostic.code = 'team-content';
  return diagnostic;
}
