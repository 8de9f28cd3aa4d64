import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import { ReviewPromptStatusBar, showReviewPrompts } from './review-prompts';
import { ReviewState } from './review-state';

/** Review detection, the manual review session, and the status-bar prompt. */
export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): { review: ReviewState; statusBar: ReviewPromptStatusBar } {
  const review = new ReviewState();
  const statusBar = new ReviewPromptStatusBar(review, content);
  context.subscriptions.push(
    review,
    statusBar,
    vscode.commands.registerCommand(Commands.startReviewSession, () => review.setManualSession(true)),
    vscode.commands.registerCommand(Commands.endReviewSession, () => review.setManualSession(false)),
    vscode.commands.registerCommand(Commands.nextReviewPrompt, () => statusBar.next()),
    vscode.commands.registerCommand(Commands.showReviewPrompts, () => showReviewPrompts(content, statusBar.current)),
  );
  return { review, statusBar };
}
