import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import { affects, setting, Settings } from '../common/settings';
import type { ContentService } from '../content/content-service';
import { tipBlock } from '../core/content/tip-block';
import type { Card } from '../core/types';
import type { ReviewState } from './review-state';
import { tipBlockLabels } from '../common/l10n';

// A prompt should stay long enough to be read and used; editor switches within this window keep it.
export const ROTATE_AFTER_MS = 3 * 60 * 1000;
const STATUS_BAR_ID = 'leadFromBehind.reviewPrompt';

/**
 * The status-bar prompt shown while a review is active: a short label from the review prompts in
 * content/, a tooltip with an example rewrite, and a click that lists every prompt. It moves to the next
 * prompt on editor changes, at most every few minutes, and never on a timer while the user is idle.
 */
export class ReviewPromptStatusBar implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private prompts: Card[] = [];
  private index = 0;
  private shownAt = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly review: ReviewState,
    private readonly content: ContentService,
  ) {
    this.subscriptions = [
      review.onDidChange(() => void this.render()),
      content.onDidChange(() => void this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (Date.now() - this.shownAt >= ROTATE_AFTER_MS) this.next();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.reviewStatusBar)) void this.render();
      }),
    ];
    void this.render();
  }

  /** The prompt on display, for the quick pick and for tests. */
  get current(): Card | undefined {
    return this.prompts[this.index % Math.max(1, this.prompts.length)];
  }

  get isVisible(): boolean {
    return this.item !== undefined;
  }

  next(): void {
    if (this.prompts.length === 0) return;
    this.index = (this.index + 1) % this.prompts.length;
    this.shownAt = Date.now();
    this.paint();
  }

  private async render(): Promise<void> {
    const wanted = () => this.review.isActive && setting(Settings.reviewStatusBar);
    const hide = () => {
      this.item?.dispose();
      this.item = undefined;
    };
    if (!wanted()) return hide();
    try {
      this.prompts = (await this.content.getLibrary()).ofKind('prompt');
    } catch (error) {
      console.error('Lead From Behind: could not load the review prompts', error);
      return hide();
    }
    // The review may have ended, or the setting changed, while content loaded.
    if (!wanted() || this.prompts.length === 0) return hide();
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 100);
      this.item.name = vscode.l10n.t('Lead From Behind: Review Prompt');
      this.item.command = Commands.showReviewPrompts;
      this.shownAt = Date.now();
    }
    this.paint();
    this.item.show();
  }

  private paint(): void {
    const prompt = this.current;
    if (!this.item || !prompt) return;
    this.item.text = `$(comment-discussion) ${prompt.label}`;
    this.item.tooltip = promptTooltip(prompt);
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Review prompt: {0}. {1} Activate to see every prompt.', prompt.label ?? prompt.title, prompt.summary),
      role: 'button',
    };
  }

  dispose(): void {
    this.item?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function promptTooltip(prompt: Card): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  // Prompt text may come from the team's folder: it goes in as text, never as markdown or links.
  tooltip.appendMarkdown('$(comment-discussion) **').appendText(prompt.title).appendMarkdown('**\n\n');
  tooltip.appendText(prompt.summary).appendMarkdown('\n\n');
  // A team's prompt may come without its example.
  if (prompt.directive && prompt.supportive) {
    tooltip.appendMarkdown(`*${vscode.l10n.t('Instead of:')}* `).appendText(prompt.directive).appendMarkdown('\n\n');
    tooltip.appendMarkdown(`*${vscode.l10n.t('Try:')}* `).appendText(prompt.supportive).appendMarkdown('\n\n');
  }
  tooltip.appendMarkdown(
    `[${vscode.l10n.t('All prompts')}](command:${Commands.showReviewPrompts}) · [${vscode.l10n.t('Next prompt')}](command:${Commands.nextReviewPrompt}) · [${vscode.l10n.t('End review session')}](command:${Commands.endReviewSession})`,
  );
  tooltip.isTrusted = { enabledCommands: [Commands.showReviewPrompts, Commands.nextReviewPrompt, Commands.endReviewSession] };
  return tooltip;
}

/** Lists every review prompt; picking one copies it as markdown, the button copies just the rewrite. */
export async function showReviewPrompts(content: ContentService, current: Card | undefined): Promise<string | undefined> {
  const copyRewrite: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy the supportive example') };
  const prompts = (await content.getLibrary()).ofKind('prompt');
  type PromptItem = vscode.QuickPickItem & { prompt: Card };
  const picker = vscode.window.createQuickPick<PromptItem>();
  picker.title = vscode.l10n.t('Review prompts: pick one to copy it');
  picker.matchOnDetail = true;
  picker.items = prompts.map((prompt) => ({
    label: `$(comment-discussion) ${prompt.label ?? prompt.title}`,
    description: prompt.origin === 'team' ? vscode.l10n.t('team') : undefined,
    detail: prompt.supportive ? `${prompt.summary} ${vscode.l10n.t('Try:')} "${prompt.supportive}"` : prompt.summary,
    buttons: prompt.supportive ? [copyRewrite] : [],
    prompt,
  }));
  picker.activeItems = picker.items.filter((item) => item.prompt.id === current?.id);
  const copied = await new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0] && tipBlock(picker.selectedItems[0].prompt, 'markdown', tipBlockLabels())));
    picker.onDidTriggerItemButton(({ item }) => resolve(item.prompt.supportive));
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  if (copied === undefined) return undefined;
  await vscode.env.clipboard.writeText(copied);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied the review prompt'), 3000);
  return copied;
}
