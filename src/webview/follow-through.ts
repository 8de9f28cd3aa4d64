// The Follow-through view's page: its controls post typed messages; the extension checks each before acting.
import type { FollowThroughPageMessage } from '../core/sidebar/follow-through-protocol';

interface VsCodeApi {
  postMessage(message: FollowThroughPageMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

// One listener for the whole page: buttons and links fire "click" for Enter (and buttons for Space) too.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const place = target?.closest<HTMLElement>('[data-file][data-line]');
  if (place) {
    event.preventDefault();
    const line = Number(place.dataset.line);
    if (place.dataset.file && Number.isInteger(line)) vscode.postMessage({ type: 'openAction', file: place.dataset.file, line });
    return;
  }
  const action = target?.closest<HTMLElement>('[data-action]')?.dataset.action;
  if (action === 'reviewOpenActions' || action === 'chooseFolder') {
    event.preventDefault();
    vscode.postMessage({ type: action });
  }
});

vscode.postMessage({ type: 'ready' });
