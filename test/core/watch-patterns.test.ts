import * as assert from 'node:assert/strict';
import { globLiteral, teamFolderWatchPatterns } from '../../src/core/content/watch-patterns';

describe('team folder watch patterns', () => {
  it('watches a top-level team folder and everything in it', () => {
    assert.deepEqual(teamFolderWatchPatterns(['.lead-from-behind']), ['.lead-from-behind/**']);
  });

  it('watches each folder above a nested team folder by name, so its rename or deletion is seen', () => {
    assert.deepEqual(teamFolderWatchPatterns(['docs', 'team', 'cards']), ['docs', 'docs/team', 'docs/team/cards/**']);
  });

  it('matches names with glob characters literally', () => {
    assert.equal(globLiteral('plain-name.md'), 'plain-name.md');
    assert.equal(globLiteral('a*b?[c]{d,e}'), 'a[*]b[?][[]c?[{]d,e[}]');
    assert.deepEqual(teamFolderWatchPatterns(['{team}', 'x']), ['[{]team[}]', '[{]team[}]/x/**']);
  });
});
