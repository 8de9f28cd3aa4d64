import type { FollowThroughViewMessage } from './follow-through-protocol';

/**
 * Above any note's line count: a note over 256 KB (MAX_NOTE_BYTES in src/common/retro-notes.ts) is not
 * read, so none has more than 262,144 lines.
 */
const MAX_LINE = 1_000_000;

/**
 * Accepts a message from the Follow-through page only when it is one of the view's own and an action's
 * place names a note of the report the page shows (`isNote`), at a whole, non-negative line. The page
 * shows the repository's notes, so its messages are untrusted input.
 */
export function parseFollowThroughMessage(raw: unknown, known: { readonly isNote: (file: string) => boolean }): FollowThroughViewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, file, line } = raw as { type?: unknown; file?: unknown; line?: unknown };
  switch (type) {
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
