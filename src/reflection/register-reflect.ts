import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { ContentService } from '../content/content-service';
import type { SidebarViewProvider } from '../sidebar/sidebar-view-provider';
import { ReflectionNotes } from './reflection-notes';
import { ReflectionOffer } from './reflection-offer';
import type { ReviewFigures } from './review-figures';
import { YourReviewsView } from './your-reviews-view';

/**
 * Review reflection, the reviewer's side: the Your Reviews view, Reflect on This Week, Open Past
 * Reflection…, and the weekly offer after a review session.
 */
export function registerReflect(
  context: vscode.ExtensionContext,
  { content, figures, sidebarView }: { content: ContentService; figures: ReviewFigures; sidebarView: SidebarViewProvider },
): { view: YourReviewsView; notes: ReflectionNotes; offer: ReflectionOffer } {
  const underTest = context.extensionMode === vscode.ExtensionMode.Test;
  const view = new YourReviewsView(context.extensionUri, content, figures, (id) => sidebarView.revealCard(id), { probe: underTest });
  const notes = new ReflectionNotes(context.globalStorageUri, content, figures);
  const offer = new ReflectionOffer(context.globalState, figures.onDidEndSession);
  context.subscriptions.push(
    view,
    offer,
    vscode.window.registerWebviewViewProvider(YourReviewsView.viewType, view),
    vscode.commands.registerCommand(Commands.reflectOnWeek, () => {
      offer.hide();
      return notes.reflectOnWeek();
    }),
    vscode.commands.registerCommand(Commands.openPastReflection, (options?: { file?: unknown }) =>
      notes.openPast(typeof options?.file === 'string' ? { file: options.file } : undefined),
    ),
  );
  return { view, notes, offer };
}
