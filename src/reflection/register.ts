import * as vscode from 'vscode';
import { Commands, InternalCommands } from '../common/commands';
import type { ReviewReflectionReport } from '../core/reflection/figures';
import { ReviewSessions } from '../core/reflection/sessions';
import type { ReviewState } from '../review/review-state';
import type { ToneDiagnostics } from '../tone/tone-diagnostics';
import { CommentTracker, FlagPlace } from './comment-tracker';
import { ReviewFigures } from './review-figures';

/**
 * Review reflection, the counting side: the reviewer's private weekly figures (comments finished, flags,
 * fixes taken, review sessions), the report command, and Clear My Review Figures.
 */
export function register(context: vscode.ExtensionContext, { tone, review }: { tone: ToneDiagnostics; review: ReviewState }): ReviewFigures {
  const figures = new ReviewFigures(context.globalState);
  const comments = new CommentTracker(tone, figures);
  context.subscriptions.push(
    // Before the figures go: a session under way is counted as the window closes.
    trackSessions(review, figures),
    comments,
    figures,
    vscode.commands.registerCommand(Commands.reviewReflectionReport, (): ReviewReflectionReport => figures.report()),
    vscode.commands.registerCommand(Commands.clearReviewFigures, () => clearWithConfirmation(figures)),
    vscode.commands.registerCommand(InternalCommands.recordToneFix, (uri: unknown, version: unknown, kind: unknown, flags: unknown) => {
      if (typeof uri === 'string' && typeof version === 'number' && (kind === 'rewrite' || kind === 'label') && Array.isArray(flags)) {
        comments.recordFix(uri, version, kind, flags.filter(isFlagPlace));
      }
    }),
  );
  return figures;
}

/** Asks first, in a modal dialog; returns true when the figures were cleared. */
async function clearWithConfirmation(figures: ReviewFigures): Promise<boolean> {
  const clear = vscode.l10n.t('Clear My Review Figures');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete every review figure Lead From Behind has counted, in every window?'),
    { modal: true, detail: vscode.l10n.t('Your weekly counts of comments, flags and review sessions are deleted for good. Your reflection notes stay.') },
    clear,
  );
  if (answer !== clear) return false;
  await figures.clear();
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Lead From Behind: review figures cleared'), 4000);
  return true;
}

/** Ends review sessions from the review state (counted while counting is on); a session under way when the window closes ends then. */
function trackSessions(review: ReviewState, figures: ReviewFigures): vscode.Disposable {
  const sessions = new ReviewSessions();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = (ended: ReturnType<ReviewSessions['change']>) => {
    if (ended) figures.endSession(ended);
    clearTimeout(timer);
    const due = sessions.endDueAt;
    if (due !== undefined) timer = setTimeout(() => settle(sessions.expire(Date.now())), Math.max(0, due - Date.now()));
  };
  settle(sessions.change({ active: review.isActive, manual: review.isManualSession }, Date.now()));
  const listener = review.onDidChangeSession((state) => settle(sessions.change(state, Date.now())));
  return {
    dispose: () => {
      listener.dispose();
      clearTimeout(timer);
      const ended = sessions.stop(Date.now());
      if (ended) figures.endSession(ended);
    },
  };
}

function isFlagPlace(value: unknown): value is FlagPlace {
  const flag = value as FlagPlace | null;
  return typeof flag === 'object' && flag !== null && typeof flag.ruleId === 'string' && Number.isInteger(flag.start) && Number.isInteger(flag.end);
}
