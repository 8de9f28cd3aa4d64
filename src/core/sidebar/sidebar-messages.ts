import type { WebviewMessage } from './protocol';

/**
 * Accepts a message from the sidebar only when its type is known and any id names a real card.
 * The webview renders repository content, so its messages are treated as untrusted input.
 */
export function parseWebviewMessage(
  raw: unknown,
  known: { readonly isCard: (id: string) => boolean; readonly isTemplate: (id: string) => boolean },
): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  switch (type) {
    case 'ready':
      return { type };
    case 'insert':
    case 'copy':
      return typeof id === 'string' && known.isCard(id) ? { type, id } : undefined;
    case 'startRetro':
      return typeof id === 'string' && known.isTemplate(id) ? { type, id } : undefined;
    default:
      return undefined;
  }
}
