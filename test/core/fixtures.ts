import type { Card } from '../../src/core/types';

/** A valid card file; tests change one thing at a time. */
export function cardFile(fields: Record<string, string> = {}, body = 'Explain the idea.\n\n## In a software team\nA scene from a review.'): string {
  const defaults: Record<string, string> = {
    id: 'sample-card',
    kind: 'tip',
    title: 'Sample card',
    summary: 'A card used in tests.',
    tags: '[review, planning]',
    order: '10',
    question: '"What would you do?"',
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== '<omit>')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

export function card(overrides: Partial<Card> = {}): Card {
  return {
    id: 'sample-card',
    kind: 'tip',
    title: 'Sample card',
    summary: 'A card used in tests.',
    tags: ['review'],
    order: 10,
    question: 'What would you do?',
    body: 'Explain the idea.\n\n## In a software team\nA scene from a review.',
    origin: 'builtin',
    file: 'tips/sample-card.md',
    ...overrides,
  };
}
