import type { FollowThroughPageMessage } from './follow-through-protocol';

/** Lines past this are no note's: a retro note over 256 KB is not read at all. */
const MAX_LINE = 1_000_000;

/**
 * Accepts a message from the Follow-through page only when its type is known and an action's place names
 * a note of the report the page shows (`isNote`), at a whole, non-negative line. The page shows the
 * repository's notes, so its messages are untrusted input.
 */
export function parseFollowThroughMessage(raw: unknown, known: { readonly isNote: (file: string) => boolean }): FollowThroughPageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, file, line } = raw as { type?: unknown; file?: unknown; line?: unknown };
  switch (type) {
    case 'ready':
    case 'retry':
    case 'reviewOpenActions':
    case 'chooseFolder':
      return { type };
    case 'openAction':
      if (typeof file !== 'string' || !known.isNote(file)) return undefined;
      if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line > MAX_LINE) return undefined;
      return { type, file, line };
    default:
      return undefined;
  }
}
