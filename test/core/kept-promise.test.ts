import * as assert from 'node:assert/strict';
import { KeptPromise } from '../../src/core/kept-promise';

describe('a value loaded once, unless loading fails', () => {
  it('loads once and keeps the value', async () => {
    let loads = 0;
    const kept = new KeptPromise(async () => ++loads);
    assert.equal(await kept.get(), 1);
    assert.equal(await kept.get(), 1);
    assert.equal(loads, 1);
  });

  it('does not keep a failed load: the next get loads again', async () => {
    let loads = 0;
    const kept = new KeptPromise(async () => {
      loads++;
      if (loads === 1) throw new Error('the disk was busy');
      return 'content';
    });
    await assert.rejects(kept.get(), /disk was busy/);
    assert.equal(await kept.get(), 'content');
    assert.equal(loads, 2);
  });

  it('lets the newest reload win, and a stale failure does not drop it', async () => {
    const pending: ((value: string) => void)[] = [];
    const rejects: ((error: Error) => void)[] = [];
    const kept = new KeptPromise(() => new Promise<string>((resolve, reject) => (pending.push(resolve), rejects.push(reject))));
    const first = kept.get();
    const second = kept.reload();
    rejects[0](new Error('old load failed'));
    await assert.rejects(first);
    pending[1]('new');
    assert.equal(await second, 'new');
    assert.equal(await kept.get(), 'new');
    assert.equal(pending.length, 2, 'no third load');
  });
});
