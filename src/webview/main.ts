import { fill } from '../core/message';
import { buildIndex, search } from '../core/content/search';
import { reorder } from './reorder';
import type { ExtensionMessage, SidebarState, WebviewMessage } from '../core/sidebar/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SidebarState | undefined;
  setState(state: SidebarState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const searchInput = document.getElementById('search') as HTMLInputElement;
const clearButton = document.getElementById('clear-search') as HTMLButtonElement;
const status = document.getElementById('search-status') as HTMLElement;
const emptyState = document.getElementById('empty-state') as HTMLElement;
const emptyQuery = document.getElementById('empty-query') as HTMLElement;
const cards = Array.from(document.querySelectorAll<HTMLElement>('article.card'));
const sections = Array.from(document.querySelectorAll<HTMLElement>('section.section'));

const textOf = (card: HTMLElement, selector: string) =>
  Array.from(card.querySelectorAll(selector), (element) => element.textContent ?? '').join(' ');

// The index is built from the rendered cards, so it searches exactly what the reader sees.
const index = buildIndex(
  cards.map((card) => ({
    // Element ids are unique; a template and a concept may share a content id.
    id: card.id,
    title: textOf(card, '.card-title'),
    summary: textOf(card, '.card-summary'),
    body: textOf(card, '.card-body, .card-question'),
    tags: (card.dataset.tags ?? '').split(' '),
  })),
);

let state: SidebarState = vscode.getState() ?? { query: '', scrollTop: 0 };

function saveState(change: Partial<SidebarState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

// Each section's cards in their original order, and each card's place in it.
const sectionCards = sections.map((section) => cards.filter((card) => card.parentElement === section));
const originalPosition = new Map(cards.map((card, position) => [card, position]));

function applyQuery(query: string): void {
  const filtering = query.trim().length > 0;
  const rank = new Map(search(index, query).map((id, position) => [id, position]));
  const position = (card: HTMLElement) => (filtering ? (rank.get(card.id) ?? Infinity) : originalPosition.get(card)!);
  sections.forEach((section, at) => {
    const inSection = sectionCards[at];
    const ordered = [...inSection].sort((a, b) => position(a) - position(b) || originalPosition.get(a)! - originalPosition.get(b)!);
    for (const card of ordered) {
      const hidden = !rank.has(card.id);
      if (card.hidden !== hidden) card.hidden = hidden; // an unchanged card keeps its style and layout
    }
    // Moving the nodes, not a CSS order, keeps Tab and screen readers in the order on screen.
    reorder(section, ordered.filter((card) => !card.hidden));
    section.hidden = !inSection.some((card) => !card.hidden);
  });
  clearButton.hidden = !filtering;
  emptyState.hidden = rank.size > 0;
  emptyQuery.textContent = query.trim();
  // The page carries these two in the sidebar's language.
  const some = fill(status.dataset.some ?? '', String(rank.size), String(cards.length));
  status.textContent = !filtering ? '' : rank.size === 0 ? (status.dataset.none ?? '') : some;
}

function setQuery(query: string): void {
  searchInput.value = query;
  applyQuery(query);
  saveState({ query });
}

searchInput.addEventListener('input', () => {
  applyQuery(searchInput.value);
  saveState({ query: searchInput.value });
});

searchInput.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && searchInput.value) {
    event.preventDefault();
    setQuery('');
  }
});

for (const button of [clearButton, document.getElementById('empty-clear') as HTMLButtonElement]) {
  button.addEventListener('click', () => {
    setQuery('');
    searchInput.focus();
  });
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable;
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    focusSearch();
  }
});

document.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
  const id = button?.dataset.id;
  const action = button?.dataset.action;
  if (id && (action === 'insert' || action === 'copy' || action === 'startRetro')) {
    vscode.postMessage({ type: action, id });
  }
});

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  // One state write per frame at most; scroll events fire far more often than that.
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    saveState({ scrollTop: document.scrollingElement?.scrollTop ?? 0 });
  });
});

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  if (event.data?.type === 'focusSearch') focusSearch();
  else if (event.data?.type === 'revealCard') revealCard(event.data.id);
});

/** Shows a card: a search that hides it is cleared; the card scrolls into view and takes the focus. */
function revealCard(id: string): void {
  const card = document.getElementById(`card-${id}`);
  if (!card || !cards.includes(card)) return;
  if (card.hidden) setQuery('');
  card.tabIndex = -1;
  card.classList.add('revealed');
  card.addEventListener('blur', () => card.classList.remove('revealed'), { once: true });
  card.scrollIntoView({ block: 'start' });
  card.focus({ preventScroll: true });
}

function focusSearch(): void {
  searchInput.focus();
  searchInput.select();
}

searchInput.value = state.query;
applyQuery(state.query);
if (state.scrollTop > 0) {
  // After the first frame: the cards on screen then have their real heights (off-screen ones are only
  // estimated until shown), as they had when the position was saved.
  requestAnimationFrame(() => requestAnimationFrame(() => document.scrollingElement?.scrollTo(0, state.scrollTop)));
}
vscode.postMessage({ type: 'ready' });
