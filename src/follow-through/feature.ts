// What the Follow-through view and its commands need once they are used: the notes service, the analysis,
// the page builder and Review Open Actions. One lazy file (dist/lazy/feature.js), so they share one service.
import * as vscode from 'vscode';
import { localized } from '../common/l10n';
import { errorText, workspaceFolderOrSay } from '../common/workspace-files';
import { FOLLOW_THROUGH_STRINGS, followThroughHtml } from '../core/follow-through/follow-through-html';
import type { FollowThroughReport } from '../core/follow-through/report';
import { FOLLOW_THROUGH_PAGE_STRINGS, followThroughPage, type FollowThroughPageContent } from '../core/sidebar/follow-through-page';
import type { SidebarAssets } from '../core/sidebar/sidebar-html';
import { FollowThroughService, FollowThroughUnavailable, type FolderFollowThrough } from './follow-through-service';
import { openAt } from './review-open-actions';

export { FollowThroughService } from './follow-through-service';
export { applyChoice, openActionPickItems, reviewOpenActions } from './review-open-actions';

/** Arguments of `leadFromBehind.followThroughReport`. */
export interface FollowThroughReportArgs {
  /** A workspace folder's name or URI; the first folder when omitted. */
  readonly folder?: unknown;
}

/** The report for other extensions and tests; undefined with no folder open, or when the folder's notes cannot be read (said in a message). */
export async function followThroughReport(service: FollowThroughService, args: FollowThroughReportArgs | undefined): Promise<FollowThroughReport | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  const folder = args?.folder === undefined ? folders[0] : workspaceFolderOrSay(args.folder);
  if (!folder) return undefined;
  try {
    return (await service.analysis(folder)).report;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Lead From Behind: the retro notes could not be read: {0}', errorText(error)));
    return undefined;
  }
}

/** The card whose reflection question the view asks when one person owns most of the open actions. */
export const LEADING_FROM_THE_FRONT_CARD = 'front-vs-behind';

/**
 * The view's page for `folder` (undefined: no folder open), and the analysis it shows, if any. `question`
 * is the reflection question of LEADING_FROM_THE_FRONT_CARD, in the display language.
 */
export async function followThroughViewPage(
  service: FollowThroughService,
  folder: vscode.WorkspaceFolder | undefined,
  assets: SidebarAssets,
  question: string | undefined,
): Promise<{ html: string; analysis: FolderFollowThrough | undefined }> {
  const strings = localized(FOLLOW_THROUGH_PAGE_STRINGS);
  const page = (content: FollowThroughPageContent) => followThroughPage(content, assets, strings, vscode.env.language);
  if (!folder) return { html: page({ kind: 'noFolder' }), analysis: undefined };
  const folderName = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? folder.name : undefined;
  let analysis: FolderFollowThrough;
  try {
    analysis = await service.analysis(folder);
  } catch (error) {
    // The setting is refused, or the folder leads outside: said on the page. Anything else is the error page's.
    if (!(error instanceof FollowThroughUnavailable)) throw error;
    return { html: page({ kind: 'unavailable', folderName, problem: error.message }), analysis: undefined };
  }
  if (analysis.report.retros.length === 0 && analysis.skipped.length === 0) {
    return { html: page({ kind: 'noNotes', folderName, retroFolder: analysis.retroFolder }), analysis };
  }
  const sectionHtml = followThroughHtml(analysis.report, { strings: localized(FOLLOW_THROUGH_STRINGS), question });
  return { html: page({ kind: 'report', folderName, sectionHtml, skipped: analysis.skipped }), analysis };
}

/** Opens a note of `analysis` at a 0-based line; a file that is not one of its notes is not opened. */
export async function openNoteAt(analysis: FolderFollowThrough, file: string, line: number): Promise<void> {
  const uri = FollowThroughService.noteUri(analysis, file);
  if (uri) await openAt(uri, line);
}
