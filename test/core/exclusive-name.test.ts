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

  it('leaves a file that appears after its name was chosen, and takes the next name', async () => {
    const folder = fakeFolder();
    const contents = new Map<string, string>();
    // Another writer takes each name the moment it is chosen, until the third one.
    const chooseAndLoseRace = (attempt: number) => {
      const name = nameFor(attempt);
      if (attempt < 3) {
        folder.files.add(name);
        contents.set(name, `someone else's ${name}`);
      }
      return name;
    };
    const ours = await createWithFreeName(chooseAndLoseRace, async (name) => {
      const outcome = await folder.tryCreate(name);
      if (outcome === 'created') contents.set(name, 'our note');
      return outcome;
    });
    assert.equal(ours, 'note-3.md');
    assert.deepEqual(Object.fromEntries(contents), {
      'note.md': "someone else's note.md",
      'note-2.md': "someone else's note-2.md",
      'note-3.md': 'our note',
    });
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
