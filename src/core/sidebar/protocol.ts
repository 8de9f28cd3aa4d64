/** The messages between the sidebar webview and the extension. Types only: both sides import it. */

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'retry' }
  | { readonly type: 'insert'; readonly id: string }
  | { readonly type: 'copy'; readonly id: string }
  | { readonly type: 'startRetro'; readonly id: string };

export type ExtensionMessage =
  | { readonly type: 'focusSearch' }
  /** Scrolls to a card and puts the focus on it (the Your Reviews view links to review prompts). */
  | { readonly type: 'revealCard'; readonly id: string };

/** What the webview keeps across hide and show, through `setState`. */
export interface SidebarState {
  readonly query: string;
  readonly scrollTop: number;
}
