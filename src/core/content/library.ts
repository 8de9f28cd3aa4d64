import type { RetroTemplate } from '../retro/template';
import { Card, CardKind } from '../types';

const KIND_ORDER: Record<CardKind, number> = { concept: 0, comparison: 1, tip: 2, prompt: 3 };

/** The cards and retro templates the extension knows, in display order, with lookup by id. */
export class ContentLibrary {
  readonly cards: readonly Card[];
  readonly templates: readonly RetroTemplate[];
  private readonly byId: ReadonlyMap<string, Card>;
  private readonly templatesById: ReadonlyMap<string, RetroTemplate>;

  constructor(cards: readonly Card[], templates: readonly RetroTemplate[] = []) {
    this.cards = [...cards].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.order - b.order || a.title.localeCompare(b.title),
    );
    this.templates = [...templates].sort(
      (a, b) => templateRank(a) - templateRank(b) || a.title.localeCompare(b.title),
    );
    this.byId = new Map(this.cards.map((card) => [card.id, card]));
    this.templatesById = new Map(this.templates.map((template) => [template.id, template]));
  }

  getTemplate(id: string): RetroTemplate | undefined {
    return this.templatesById.get(id);
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

/** Our own format leads the list, then the other built-in formats, then the team's. */
export const FEATURED_TEMPLATE_ID = 'leading-from-behind';

function templateRank(template: RetroTemplate): number {
  if (template.origin === 'team') return 2;
  return template.id === FEATURED_TEMPLATE_ID ? 0 : 1;
}

export function isInsertable(card: Card): boolean {
  return card.kind === 'tip' || card.kind === 'prompt';
}
