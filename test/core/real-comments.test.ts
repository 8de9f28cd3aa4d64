import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface RealComment {
  readonly id: string;
  readonly kind: string;
  readonly project: string;
  readonly source: string;
  readonly split: 'test' | 'fresh' | 'tune';
  readonly label: string;
  readonly first: string;
  readonly second: string | null;
  readonly text: string;
}

const comments: RealComment[] = readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'real-comments.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

// The evaluation set `npm run eval` reads: its shape is what makes its figures mean anything.
describe('real review comments (test/fixtures/real-comments.jsonl)', () => {
  it('holds each comment once, with a source, a kind and a label by TONE.md', () => {
    assert.equal(new Set(comments.map((comment) => comment.id)).size, comments.length, 'ids are unique');
    assert.equal(new Set(comments.map((comment) => comment.text.trim())).size, comments.length, 'texts are unique');
    for (const comment of comments) {
      assert.match(comment.source, /^https?:\/\/|:/, comment.id);
      assert.ok(['github', 'gerrit', 'mailing-list'].includes(comment.kind), comment.id);
      assert.ok(['directive', 'supportive', 'neutral'].includes(comment.label), comment.id);
      assert.ok(comment.text.trim().length > 0, comment.id);
    }
  });

  it('has a frozen test split of at least 200 comments from all three kinds of review, each labelled twice', () => {
    const frozen = comments.filter((comment) => comment.split === 'test');
    assert.ok(frozen.length >= 200, `${frozen.length} frozen`);
    for (const kind of ['github', 'gerrit', 'mailing-list']) assert.ok(frozen.some((comment) => comment.kind === kind), kind);
    for (const comment of frozen) {
      assert.ok(comment.second !== null, `${comment.id} has a second, blind label`);
      // Where the two labellings agree, that is the label; where they differ, an adjudicator chose one of them.
      if (comment.first === comment.second) assert.equal(comment.label, comment.first, comment.id);
    }
  });

  it('has a second frozen split, collected later and labelled twice before the check ever read it', () => {
    const fresh = comments.filter((comment) => comment.split === 'fresh');
    assert.ok(fresh.length >= 200, `${fresh.length} fresh`);
    for (const comment of fresh) {
      assert.ok(comment.second !== null, `${comment.id} has a second, blind label`);
      if (comment.first === comment.second) assert.equal(comment.label, comment.first, comment.id);
      else assert.ok([comment.first, comment.second].includes(comment.label), `${comment.id}: the adjudicator chose one of the two`);
    }
    // No thread is shared with the comments the rules were tuned on.
    const tuned = new Set(comments.filter((comment) => comment.split === 'tune').map((comment) => comment.source));
    for (const comment of fresh) assert.ok(!tuned.has(comment.source), `${comment.id} shares a thread with the tuning part`);
  });

  it('holds at least 300 comments in all', () => {
    assert.ok(comments.length >= 300, `${comments.length}`);
  });
});
