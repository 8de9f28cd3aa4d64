import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import type { ContentLibrary } from '../core/library';
import type { Card } from '../core/types';
import { insertCard } from './insert-card';

interface InsertTipArgs {
  readonly id?: unknown;
}

const KIND_LABELS = { tip: 'Tips', prompt: 'Review prompts' } as Record<string, string>;

/** "Insert Tip…": pick a tip or review prompt (or name one with `{ id }`) and insert it at every cursor. */
export function register(context: vscode.ExtensionContext, { content, lastTextEditor }: FeatureDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.insertTip, async (args?: InsertTipArgs): Promise<boolean> => {
      const library = await content.getLibrary();
      // Capture the editor before a quick pick can move focus.
      const editor = lastTextEditor.editor;
      const card = args?.id !== undefined ? cardFromArgs(library, args.id) : await pickCard(library);
      return card ? insertCard(card, editor) : false;
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
      items.push({ label: KIND_LABELS[card.kind], kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: card.title,
      description: card.tags.map((tag) => `#${tag}`).join(' '),
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
