import { Card, CardKind } from './types';

const KIND_ORDER: Record<CardKind, number> = { concept: 0, comparison: 1, tip: 2, prompt: 3 };

/** The cards the extension knows, in display order, with lookup by id. */
export class ContentLibrary {
  readonly cards: readonly Card[];
  private readonly byId: ReadonlyMap<string, Card>;

  constructor(cards: readonly Card[]) {
    this.cards = [...cards].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.order - b.order || a.title.localeCompare(b.title),
    );
    this.byId = new Map(this.cards.map((card) => [card.id, card]));
  }

  get(id: string): Card | undefined {
    return this.byId.get(id);
  }

  has(id: unknown): id is string {
    return typeof id === 'string' && this.byId.has(id);
  }

  ofKind(kind: CardKind): Card[] {
    return this.cards.filter((card) => card.kind === kind);
  }

  /** Cards that can be inserted into a document: tips and review prompts. */
  insertable(): Card[] {
    return this.cards.filter(isInsertable);
  }
}

export function isInsertable(card: Card): boolean {
  return card.kind === 'tip' || card.kind === 'prompt';
}
