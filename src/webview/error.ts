// The sidebar's error page: Retry asks the extension to render the cards again.
import type { ExtensionMessage, WebviewMessage } from '../core/sidebar/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const retry = document.getElementById('retry') as HTMLButtonElement;

retry.addEventListener('click', () => vscode.postMessage({ type: 'retry' }));

// "Focus Search" has no search box here: the one thing to do is Retry.
window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  if (event.data?.type === 'focusSearch') retry.focus();
});

vscode.postMessage({ type: 'ready' });
