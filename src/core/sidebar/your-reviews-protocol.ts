/** The messages between the Your Reviews view and the extension. Types only: both sides import it. */

export type YourReviewsMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'retry' }
  | YourReviewsPageMessage;

/** The view's own messages: RenderedWebviewView answers the handshake ("ready") and Retry before the view sees any. */
export type YourReviewsPageMessage =
  /** Show a review prompt card (by id) in the cards view. */
  | { readonly type: 'openCard'; readonly id: string }
  /** Run "Reflect on This Week". */
  | { readonly type: 'reflect' };

/** The extension sends the page nothing yet: a change of figures renders the page again. */
export type YourReviewsExtensionMessage = never;

/**
 * Accepts a message from the Your Reviews page only when it is one of the view's own and a card id names a
 * card the page may link to. Untrusted input, as every webview message is.
 */
export function parseYourReviewsMessage(raw: unknown, isLinkableCard: (id: string) => boolean): YourReviewsPageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  switch (type) {
    case 'reflect':
      return { type };
    case 'openCard':
      return typeof id === 'string' && isLinkableCard(id) ? { type, id } : undefined;
    default:
      return undefined;
  }
}
