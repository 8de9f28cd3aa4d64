/** Case- and accent-insensitive search over cards, shared by the sidebar and tools. */

export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly tags: readonly string[];
}

interface IndexedDocument {
  readonly id: string;
  readonly position: number;
  readonly title: string;
  readonly tags: string;
  readonly summary: string;
  readonly body: string;
}

export interface SearchIndex {
  readonly documents: readonly IndexedDocument[];
}

// A hit in the title matters more than one in the body; these weights order the results.
const WEIGHTS = { title: 8, tags: 5, summary: 3, body: 1 } as const;
const WORD_START_BONUS = 1;

/** Lower-cases and strips accents, so "Équipe" matches "equipe". */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function buildIndex(documents: readonly SearchDocument[]): SearchIndex {
  return {
    documents: documents.map((document, position) => ({
      id: document.id,
      position,
      title: normalize(document.title),
      tags: normalize(document.tags.join(' ')),
      summary: normalize(document.summary),
      body: normalize(document.body),
    })),
  };
}

export function queryTerms(query: string): string[] {
  return normalize(query).split(/\s+/).filter(Boolean);
}

/**
 * Ids of the documents that contain every term of the query, best first.
 * An empty query matches everything, in the original order.
 */
export function search(index: SearchIndex, query: string): string[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return index.documents.map((document) => document.id);
  const hits: { id: string; score: number; position: number }[] = [];
  for (const document of index.documents) {
    let score = 0;
    for (const term of terms) {
      const termScore = scoreTerm(document, term);
      if (termScore === 0) {
        score = 0;
        break;
      }
      score += termScore;
    }
    if (score > 0) hits.push({ id: document.id, score, position: document.position });
  }
  hits.sort((a, b) => b.score - a.score || a.position - b.position);
  return hits.map((hit) => hit.id);
}

function scoreTerm(document: IndexedDocument, term: string): number {
  let best = 0;
  for (const field of ['title', 'tags', 'summary', 'body'] as const) {
    const at = document[field].indexOf(term);
    if (at < 0) continue;
    const startsWord = at === 0 || !/[\p{L}\p{N}]/u.test(document[field][at - 1]);
    best = Math.max(best, WEIGHTS[field] + (startsWord ? WORD_START_BONUS : 0));
  }
  return best;
}
