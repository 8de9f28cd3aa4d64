import * as vscode from 'vscode';
import { Commands, YOUR_REVIEWS_VIEW_ID } from '../common/commands';
import { localized } from '../common/l10n';
import { affects, Settings } from '../common/settings';
import type { ContentService } from '../content/content-service';
import type { ReviewReflectionReport } from '../core/reflection/figures';
import { CHART_WEEKS, YOUR_REVIEWS_STRINGS, yourReviewsHtml } from '../core/reflection/reflection-html';
import { isoWeek, recentWeeks } from '../core/reflection/week';
import type { SidebarAssets } from '../core/sidebar/sidebar-html';
import { parseYourReviewsMessage, type YourReviewsExtensionMessage } from '../core/sidebar/your-reviews-protocol';
import { toneRule } from '../core/tone/rules';
import { RenderedWebviewView, type WebviewViewProbe } from '../sidebar/rendered-webview-view';

/** What the view reads: the review figures (src/reflection/review-figures.ts). */
export interface FiguresSource {
  report(): ReviewReflectionReport;
  readonly isCounting: boolean;
  readonly onDidChange: vscode.Event<void>;
}

/** Test mode only: what an integration test needs to watch and steer the Your Reviews view. */
export type YourReviewsProbe = WebviewViewProbe;

/** A tone rule's name in the display language. */
export function localizedRuleName(id: string): string {
  const rule = toneRule(id);
  return rule ? vscode.l10n.t(rule.name) : id;
}

/**
 * "Your Reviews": the reviewer's own weekly figures, drawn on the extension host from the figures and the
 * cards. Its links show a review prompt in the cards view; its button runs Reflect on This Week.
 */
export class YourReviewsView extends RenderedWebviewView<YourReviewsExtensionMessage> {
  static readonly viewType = YOUR_REVIEWS_VIEW_ID;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly figures: FiguresSource,
    private readonly revealCard: (id: string) => Promise<void>,
    options: { probe?: boolean } = {},
  ) {
    // Other windows count too, and say nothing when they do: the page is built afresh each time it is shown.
    super(extensionUri, 'your-reviews', { ...options, renderWhenShown: true });
    this._register(figures.onDidChange(() => void this.refresh()));
    this._register(content.onDidChange(() => void this.refresh()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.reflectionEnabled)) void this.refresh();
      }),
    );
  }

  protected async renderHtml(_webview: vscode.Webview, assets: SidebarAssets): Promise<string> {
    const library = await this.content.getLibrary();
    const weeks = recentWeeks(isoWeek(new Date()), CHART_WEEKS);
    return yourReviewsHtml(
      { report: this.figures.report(), weeks, counting: this.figures.isCounting, library, ruleName: localizedRuleName },
      assets,
      localized(YOUR_REVIEWS_STRINGS),
      vscode.env.language,
    );
  }

  protected failureHeading(): string {
    return vscode.l10n.t('Your review figures could not be shown.');
  }

  protected async onPageMessage(raw: unknown): Promise<void> {
    const library = await this.content.getLibrary();
    const message = parseYourReviewsMessage(raw, (id) => library.get(id)?.kind === 'prompt');
    if (!message) return;
    switch (message.type) {
      case 'openCard':
        await this.revealCard(message.id);
        return;
      case 'reflect':
        await vscode.commands.executeCommand(Commands.reflectOnWeek);
        return;
    }
  }
}
