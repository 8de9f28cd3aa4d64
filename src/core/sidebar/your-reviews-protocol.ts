/** The messages between the Your Reviews view and the extension. Types only: both sides import it. */

export type YourReviewsMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'retry' }
  /** Show a review prompt card (by id) in the cards view. */
  | { readonly type: 'openCard'; readonly id: string }
  /** Run "Reflect on This Week". */
  | { readonly type: 'reflect' };

/** The extension sends the page nothing yet: a change of figures renders the page again. */
export type YourReviewsExtensionMessage = never;

/**
 * Accepts a message from the Your Reviews page only when its type is known and a card id names a card
 * the page may link to. Untrusted input, as every webview message is.
 */
export function parseYourReviewsMessage(raw: unknown, isLinkableCard: (id: string) => boolean): YourReviewsMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  switch (type) {
    case 'ready':
    case 'retry':
    case 'reflect':
      return { type };
    case 'openCard':
      return typeof id === 'string' && isLinkableCard(id) ? { type, id } : undefined;
    default:
      return undefined;
  }
}
