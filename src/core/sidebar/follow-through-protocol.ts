/** The messages between the Follow-through view's page and the extension. Types only: both sides import it. */

export type FollowThroughPageMessage = { readonly type: 'ready' } | { readonly type: 'retry' } | FollowThroughViewMessage;

/** The view's own messages: RenderedWebviewView answers the handshake ("ready") and Retry before the view sees any. */
export type FollowThroughViewMessage =
  /** Open a note at an action's line: `file` relative to the workspace folder (forward slashes), `line` 0-based. */
  | { readonly type: 'openAction'; readonly file: string; readonly line: number }
  | { readonly type: 'reviewOpenActions' }
  /** Show another workspace folder's notes (a multi-root workspace). */
  | { readonly type: 'chooseFolder' };

/** The page asks nothing of the extension but what it shows; nothing is sent to it after the render. */
export type FollowThroughExtensionMessage = never;
