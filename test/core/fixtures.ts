import * as assert from 'node:assert/strict';
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

/**
 * Expands a snippet the way VS Code does for the syntax we emit: `\x` escapes, `$N`, `${N}`, `${N:text}`.
 * Returns the text, the tab stop numbers in order, and where `$0` is.
 */
export function expandSnippet(snippet: string): { text: string; stops: number[]; final: number | undefined } {
  let text = '';
  const stops: number[] = [];
  let final: number | undefined;
  let open = 0;
  for (let i = 0; i < snippet.length; i++) {
    const char = snippet[i];
    const rest = snippet.slice(i);
    let match: RegExpExecArray | null;
    if (char === '\\' && '\\$}'.includes(snippet[i + 1] ?? '')) {
      text += snippet[++i];
    } else if ((match = /^\$\{(\d+)(:|\})/.exec(rest))) {
      const number = Number(match[1]);
      if (number === 0) final = text.length;
      else stops.push(number);
      if (match[2] === ':') open++;
      i += match[0].length - 1;
    } else if ((match = /^\$(\d+)/.exec(rest))) {
      const number = Number(match[1]);
      if (number === 0) final = text.length;
      else stops.push(number);
      i += match[0].length - 1;
    } else if (char === '}' && open > 0) {
      open--;
    } else {
      assert.ok(char !== '$' && char !== '}', `unescaped ${char} at ${i} in ${JSON.stringify(snippet)}`);
      text += char;
    }
  }
  assert.equal(open, 0, 'every placeholder is closed');
  return { text, stops, final };
}
