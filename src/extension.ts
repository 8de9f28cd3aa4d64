import * as vscode from 'vscode';
import { extensionApi, LeadFromBehindApi } from './api';
import type { FeatureDeps } from './common/deps';
import { LastTextEditor } from './common/last-text-editor';
import { ContentService } from './content/content-service';
import { reportFromState } from './core/reflection/window-figures';
import { analyzeFeedback } from './core/tone';
import * as followThrough from './follow-through/register';
import * as insertTip from './insert-tip/register';
import * as reflection from './reflection/register';
import { registerReflect } from './reflection/register-reflect';
import * as retro from './retro/register';
import * as review from './review/register';
import * as sidebar from './sidebar/register';
import * as teamCards from './team-content/register';
import { TeamContent } from './team-content/team-content';
import * as tone from './tone/register';
import * as walkthrough from './walkthrough/register';

/** Wires the feature modules together. Each feature registers its own commands and views. */
export function activate(context: vscode.ExtensionContext): LeadFromBehindApi {
  const lastTextEditor = new LastTextEditor();
  const teamContent = new TeamContent();
  const content = new ContentService(context.extensionUri, teamContent);
  context.subscriptions.push(lastTextEditor, teamContent, content);
  const deps: FeatureDeps = { content, lastTextEditor };

  insertTip.register(context, deps);
  retro.register(context, deps);
  const sidebarView = sidebar.register(context, deps);
  const { review: reviewState, statusBar } = review.register(context, deps);
  const toneDiagnostics = tone.register(context);
  const figures = reflection.register(context, { tone: toneDiagnostics, review: reviewState });
  const reflect = registerReflect(context, { content, figures, sidebarView });
  walkthrough.register(context);
  teamCards.register(context, deps);
  const followThroughView = followThrough.register(context, deps);

  // The API for other extensions; the probes only for our own tests.
  return extensionApi(
    { analyzeFeedback, isReviewActive: () => reviewState.isActive },
    () => ({
      isSidebarResolved: () => sidebarView.isResolved,
      isSidebarVisible: () => sidebarView.isVisible,
      sidebarProbe: sidebarView.probe,
      followThroughProbe: followThroughView.probe,
      reviewPrompt: () => (statusBar.isVisible ? statusBar.current?.label : undefined),
      reviewFiguresState: () => context.globalState,
      // What a window starting now would report, from the global state alone: reads only, writes nothing.
      reviewFiguresFromState: () => reportFromState(context.globalState, Date.now()),
      yourReviewsProbe: reflect.view.probe,
      reflectionOffer: () => reflect.offer.text,
      forgetReflectionOffer: () => reflect.offer.forget(),
      reflectionFolder: () => reflect.notes.folder().toString(),
      reflectionNotes: async () => (await reflect.notes.list()).map((note) => note.name),
    }),
    context.extensionMode === vscode.ExtensionMode.Test,
  );
}

export function deactivate(): void {}
