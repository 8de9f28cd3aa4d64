// The Your Reviews view's page: the extension builds it whole; this only sends what its buttons ask for.
import type { YourReviewsMessage } from '../core/sidebar/your-reviews-protocol';

interface VsCodeApi {
  postMessage(message: YourReviewsMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

// Buttons, so Enter and Space both click them.
document.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
  const action = button?.dataset.action;
  if (action === 'reflect') vscode.postMessage({ type: 'reflect' });
  else if (action === 'openCard' && button?.dataset.id) vscode.postMessage({ type: 'openCard', id: button.dataset.id });
});

vscode.postMessage({ type: 'ready' });
