import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import { Disposable } from '../common/disposable';
import { affects, setting, Settings } from '../common/settings';
import { OFFER_WEEK_KEY } from '../core/reflection/store';
import { isoWeek } from '../core/reflection/week';

/** The offer goes away by itself after this long. */
export const OFFER_VISIBLE_MS = 10 * 60 * 1000;
const STATUS_BAR_ID = 'leadFromBehind.reflectionOffer';

/**
 * The gentle offer: after a review session ends, a status-bar item says "Reflect on this week", at most
 * once per ISO week, unless `leadFromBehind.reflection.offer` is off. It goes when used, after a while,
 * or when the setting is turned off.
 */
export class ReflectionOffer extends Disposable {
  private item: vscode.StatusBarItem | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly state: vscode.Memento,
    onDidEndSession: vscode.Event<unknown>,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this._register(onDidEndSession(() => void this.offer()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.reflectionOffer) && !setting(Settings.reflectionOffer)) this.hide();
      }),
    );
  }

  /** The offer's text while it shows. */
  get text(): string | undefined {
    return this.item?.text;
  }

  /** Shows the offer, unless it is off or this week already had one. */
  async offer(): Promise<boolean> {
    if (!setting(Settings.reflectionOffer)) return false;
    const week = isoWeek(this.now());
    if (this.state.get(OFFER_WEEK_KEY) === week) return false;
    await this.state.update(OFFER_WEEK_KEY, week);
    this.item ??= vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 99);
    this.item.name = vscode.l10n.t('Lead From Behind: Reflect on This Week');
    this.item.text = `$(notebook) ${vscode.l10n.t('Reflect on this week')}`;
    this.item.tooltip = vscode.l10n.t('Your review session ended. Take a few minutes to look back on this week in a private note?');
    this.item.command = Commands.reflectOnWeek;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Reflect on this week: opens a private reflection note'), role: 'button' };
    this.item.show();
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), OFFER_VISIBLE_MS);
    return true;
  }

  /** Takes the offer away: it was used, or its time is up. */
  hide(): void {
    clearTimeout(this.hideTimer);
    this.item?.dispose();
    this.item = undefined;
  }

  /** Test mode only: forgets the last offer's week, so a test can see the first offer of a week. */
  async forget(): Promise<void> {
    this.hide();
    await this.state.update(OFFER_WEEK_KEY, undefined);
  }

  override dispose(): void {
    this.hide();
    super.dispose();
  }
}
