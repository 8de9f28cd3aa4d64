import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { longestIncreasingRun } from '../../src/webview/reorder';

describe('the fewest moves to reorder cards', () => {
  it('keeps a longest increasing run', () => {
    assert.deepEqual([...longestIncreasingRun([0, 1, 2, 3])].sort(), [0, 1, 2, 3]);
    assert.deepEqual([...longestIncreasingRun([3, 2, 1, 0])].length, 1);
    assert.deepEqual([...longestIncreasingRun([2, 0, 1, 3])].sort(), [1, 2, 3]);
    assert.deepEqual([...longestIncreasingRun([])], []);
  });

  it('keeps an increasing run as long as any, for any order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), (values) => {
        const kept = [...longestIncreasingRun(values)].sort((a, b) => a - b).map((index) => values[index]);
        assert.ok(kept.every((value, i) => i === 0 || kept[i - 1] < value), 'increasing');
        // The longest by brute force (dynamic programming), to compare lengths.
        const best = values.map(() => 1);
        values.forEach((value, i) => values.slice(0, i).forEach((earlier, j) => earlier < value && (best[i] = Math.max(best[i], best[j] + 1))));
        assert.equal(kept.length, Math.max(0, ...best));
      }),
    );
  });
});
