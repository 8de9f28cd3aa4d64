import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildIndex, normalize, queryTerms, search, SearchDocument } from '../../src/core/content/search';

const documents: SearchDocument[] = [
  { id: 'crisis', title: 'Lead from the front when needed', summary: 'Step up in a crisis.', body: 'During an incident people rely on you.', tags: ['incident'] },
  { id: 'feedback', title: 'Ask, don’t tell', summary: 'Questions in review.', body: 'Feedback that invites a view.', tags: ['review', 'feedback'] },
  { id: 'equipe', title: 'Équipe', summary: 'Naïve café résumé.', body: 'Accents everywhere.', tags: ['français'] },
  { id: 'plan', title: 'Make a good plan', summary: 'Goals everyone understands.', body: 'Feedback loops in planning.', tags: ['planning'] },
];
const index = buildIndex(documents);

describe('search', () => {
  it('matches everything, in order, for an empty or blank query', () => {
    assert.deepEqual(search(index, ''), ['crisis', 'feedback', 'equipe', 'plan']);
    assert.deepEqual(search(index, '   \t'), ['crisis', 'feedback', 'equipe', 'plan']);
  });

  it('is case-insensitive', () => {
    assert.deepEqual(search(index, 'CRISIS'), ['crisis']);
  });

  it('is accent-insensitive both ways', () => {
    assert.deepEqual(search(index, 'equipe'), ['equipe']);
    assert.deepEqual(search(index, 'CAFÉ'), ['equipe']);
    assert.deepEqual(search(index, 'francais'), ['equipe']);
  });

  it('searches titles, summaries, bodies and tags', () => {
    assert.deepEqual(search(index, 'front'), ['crisis']);
    assert.deepEqual(search(index, 'understands'), ['plan']);
    assert.deepEqual(search(index, 'rely'), ['crisis']);
    assert.deepEqual(search(index, 'incident'), ['crisis']);
  });

  it('needs every term to match', () => {
    assert.deepEqual(search(index, 'feedback planning'), ['plan']);
    assert.deepEqual(search(index, 'feedback nowhere'), []);
  });

  it('ranks a tag or title hit above a body hit', () => {
    assert.deepEqual(search(index, 'feedback'), ['feedback', 'plan']);
  });

  it('matches typographic apostrophes as typed', () => {
    assert.deepEqual(search(index, 'don’t'), ['feedback']);
  });

  it('normalizes accents and case', () => {
    assert.equal(normalize('ÉQUIPE Café'), 'equipe cafe');
    assert.deepEqual(queryTerms('  Two   Words '), ['two', 'words']);
  });

  it('returns only documents that contain every term (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('lead', 'plan', 'FEED', 'é', 'café', 'x', 'in', 'a'), { maxLength: 3 }), (terms) => {
        const results = search(index, terms.join(' '));
        for (const id of results) {
          const document = documents.find((candidate) => candidate.id === id)!;
          const haystack = normalize([document.title, document.summary, document.body, document.tags.join(' ')].join(' '));
          for (const term of queryTerms(terms.join(' '))) assert.ok(haystack.includes(term), `${id} lacks ${term}`);
        }
        assert.equal(new Set(results).size, results.length, 'no duplicates');
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (query) => Array.isArray(search(index, query))));
  });
});
