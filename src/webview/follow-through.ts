// The Follow-through view's page: its controls post typed messages; the extension checks each before acting.
import type { FollowThroughPageMessage } from '../core/sidebar/follow-through-protocol';

interface VsCodeApi {
  postMessage(message: FollowThroughPageMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

// One listener for the whole page: a button fires "click" for Enter and Space too.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const place = target?.closest<HTMLElement>('[data-file][data-line]');
  if (place) {
    event.preventDefault();
    const line = Number(place.dataset.line);
    if (place.dataset.file && Number.isInteger(line)) vscode.postMessage({ type: 'openAction', file: place.dataset.file, line });
    return;
  }
  const command = target?.closest<HTMLElement>('[data-command]')?.dataset.command;
  if (command === 'reviewOpenActions' || command === 'chooseFolder') {
    event.preventDefault();
    vscode.postMessage({ type: command });
  }
});

vscode.postMessage({ type: 'ready' });
