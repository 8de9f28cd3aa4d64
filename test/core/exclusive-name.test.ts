import * as assert from 'node:assert/strict';
import { createWithFreeName, CreateOutcome } from '../../src/core/retro/exclusive-name';

/** An in-memory folder whose create is atomic, like open(O_EXCL), with a pause to let callers interleave. */
function fakeFolder(existing: string[] = []) {
  const files = new Set(existing);
  const tryCreate = async (name: string): Promise<CreateOutcome> => {
    await new Promise((resolve) => setImmediate(resolve));
    if (files.has(name)) return 'exists';
    files.add(name);
    return 'created';
  };
  return { files, tryCreate };
}

const nameFor = (attempt: number) => (attempt === 1 ? 'note.md' : `note-${attempt}.md`);

describe('createWithFreeName', () => {
  it('takes the plain name when it is free', async () => {
    const folder = fakeFolder();
    assert.equal(await createWithFreeName(nameFor, folder.tryCreate), 'note.md');
  });

  it('takes the next free suffix', async () => {
    const folder = fakeFolder(['note.md', 'note-2.md']);
    assert.equal(await createWithFreeName(nameFor, folder.tryCreate), 'note-3.md');
  });

  it('gives twenty simultaneous creations twenty names', async () => {
    const folder = fakeFolder(['note.md']);
    const names = await Promise.all(Array.from({ length: 20 }, () => createWithFreeName(nameFor, folder.tryCreate)));
    assert.equal(new Set(names).size, 20);
    assert.equal(folder.files.size, 21);
  });

  it('gives up with a clear error after the last attempt', async () => {
    const folder = fakeFolder(['note.md', 'note-2.md', 'note-3.md']);
    await assert.rejects(createWithFreeName(nameFor, folder.tryCreate, 3), /No free file name after 3 attempts \(the last tried was note-3\.md\)/);
  });

  it('passes other failures through, without trying more names', async () => {
    let calls = 0;
    const failing = async (): Promise<CreateOutcome> => {
      calls++;
      throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    };
    await assert.rejects(createWithFreeName(nameFor, failing), /permission denied/);
    assert.equal(calls, 1);
  });
});
