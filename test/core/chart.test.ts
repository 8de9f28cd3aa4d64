import * as assert from 'node:assert/strict';
import { lineRuns, round } from '../../src/core/sidebar/chart';
import { escapeAll } from '../../src/core/sidebar/html';

describe('sidebar chart helpers', () => {
  it('breaks a line at each missing value, and keeps a lone value as a run of one', () => {
    assert.deepEqual(lineRuns([]), []);
    assert.deepEqual(lineRuns([undefined, undefined]), []);
    assert.deepEqual(lineRuns([0.5, 0, undefined, 1, undefined, undefined, 0.25, 0.75]), [
      [
        { index: 0, value: 0.5 },
        { index: 1, value: 0 },
      ],
      [{ index: 3, value: 1 }],
      [
        { index: 6, value: 0.25 },
        { index: 7, value: 0.75 },
      ],
    ]);
  });

  it('rounds coordinates to one decimal, and escapes every word of a set', () => {
    assert.deepEqual([round(18.333), round(99.66), round(8), round(-0.04)], [18.3, 99.7, 8, -0]);
    assert.deepEqual(escapeAll({ a: '<i>{0}</i>', b: 'Tom & "Jerry"' }), { a: '&lt;i&gt;{0}&lt;/i&gt;', b: 'Tom &amp; &quot;Jerry&quot;' });
  });
});
