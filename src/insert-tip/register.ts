import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import type { ContentLibrary } from '../core/content/library';
import type { Card } from '../core/types';
import { insertCard } from './insert-card';

interface InsertTipArgs {
  readonly id?: unknown;
}


/** "Insert Tip…": pick a tip or review prompt (or name one with `{ id }`) and insert it at every cursor. */
export function register(context: vscode.ExtensionContext, { content, lastTextEditor }: FeatureDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.insertTip, async (args?: InsertTipArgs): Promise<boolean> => {
      const library = await content.getLibrary();
      const card = args?.id !== undefined ? cardFromArgs(library, args.id) : await pickCard(library);
      // Looked up after the pick: the user may have closed or switched editors meanwhile.
      return card ? insertCard(card, await lastTextEditor.editor()) : false;
    }),
  );
}

function cardFromArgs(library: ContentLibrary, id: unknown): Card | undefined {
  const card = typeof id === 'string' ? library.get(id) : undefined;
  if (!card || !library.insertable().includes(card)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Lead From Behind: there is no tip or review prompt with the id "{0}".', String(id)),
    );
    return undefined;
  }
  return card;
}

async function pickCard(library: ContentLibrary): Promise<Card | undefined> {
  type CardItem = vscode.QuickPickItem & { card?: Card };
  const items: CardItem[] = [];
  for (const card of library.insertable()) {
    if (items.at(-1)?.card?.kind !== card.kind) {
      const heading = card.kind === 'tip' ? vscode.l10n.t('Tips') : vscode.l10n.t('Review prompts');
      items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: card.title,
      description: [card.origin === 'team' ? `$(organization) ${vscode.l10n.t('team')}` : '', ...card.tags.map((tag) => `#${tag}`)].filter(Boolean).join(' '),
      detail: card.summary,
      card,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert Tip'),
    placeHolder: vscode.l10n.t('Search tips and review prompts by title, summary or tag'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.card;
}
