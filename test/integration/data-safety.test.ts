import * as assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, messagesDuring, hasFolder, openUntitled, trySystem, waitFor, watchesTheApiOrSkip } from './helpers';

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

const newRetroNote = (args?: object) => vscode.commands.executeCommand<vscode.Uri | undefined>('leadFromBehind.newRetroNote', args);
const configure = (key: string, value: unknown) => vscode.workspace.getConfiguration('leadFromBehind').update(key, value, vscode.ConfigurationTarget.Workspace);

async function useRetroFolder(folder: string): Promise<string> {
  await configure('retro.folder', folder);
  return path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, folder);
}

/** A DAKI note as written whole: every section, down to the last action item's empty box. */
const WHOLE_DAKI_NOTE = /^# [^\n]+\n[\s\S]*\n## Drop\n[\s\S]*\n## Add\n[\s\S]*\n## Keep\n[\s\S]*\n## Improve\n[\s\S]*\n## Action items\n[^\n]*\n\n- \[ \] *\n?$/;

/** A retro note of about `bytes`, the kind a team might keep appending to: prose, directive phrasing, open tasks. */
function bigNote(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let sprint = 0; size < bytes; sprint++) {
    const part = [
      `## Sprint ${sprint}`,
      '',
      'You need to fix the login flow before Friday, and you should just rename this variable. Why did you not add tests?',
      '',
      `- [ ] Write the runbook for queue ${sprint}`,
      `- [x] Ask Dana about alert ${sprint}`,
      '',
      '',
    ].join('\n');
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** Samples the extension host's event loop: the longest time it was blocked while `during` ran. */
async function longestBlockDuring<T>(during: () => Promise<T>): Promise<{ result: T; longestBlockMs: number }> {
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await during();
    // One more tick, so a block at the very end is measured too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { result, longestBlockMs: longest };
  } finally {
    clearInterval(timer);
  }
}

/** Types `count` characters at the end of the document, one edit at a time, as a person would. */
async function typeAtEnd(editor: vscode.TextEditor, count: number): Promise<number> {
  let slowest = 0;
  for (let index = 0; index < count; index++) {
    const started = Date.now();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, 'x')), 'the keystroke went in');
    slowest = Math.max(slowest, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return slowest;
}

/** How long a round trip through the workbench takes: a command that asks the window for its state. */
async function commandRoundTripMs(): Promise<number> {
  const started = Date.now();
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return Date.now() - started;
}

describe(`Data safety (${hasFolder() ? 'folder open' : 'no folder'})`, () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  if (!hasFolder()) return;

  after(async () => {
    for (const key of ['retro.folder', 'tone.checkRetroNotes', 'tone.schemes']) await configure(key, undefined);
  });

  describe('New Retrospective Note never overwrites or truncates', () => {
    it('creates three notes started at once as three whole files', async () => {
      const folder = await useRetroFolder('retros-at-once');
      const uris = await Promise.all([1, 2, 3].map(() => newRetroNote({ template: 'daki', title: 'All at once' })));
      const names = uris.map((uri) => path.basename(uri!.fsPath)).sort();
      assert.deepEqual(names, [`${today()}-all-at-once-2.md`, `${today()}-all-at-once-3.md`, `${today()}-all-at-once.md`]);
      assert.deepEqual((await readdir(folder)).sort(), names);
      for (const name of names) assert.match(await readFile(path.join(folder, name), 'utf8'), WHOLE_DAKI_NOTE, name);
    });

    it('leaves a file that already has the note’s name untouched, and gives the note the next name', async () => {
      const folder = await useRetroFolder('retros-taken');
      await mkdir(folder, { recursive: true });
      const theirs = path.join(folder, `${today()}-taken.md`);
      await writeFile(theirs, 'Written by someone else; it must survive.\n');
      const uri = await newRetroNote({ template: 'daki', title: 'Taken' });
      assert.equal(path.basename(uri!.fsPath), `${today()}-taken-2.md`);
      assert.equal(await readFile(theirs, 'utf8'), 'Written by someone else; it must survive.\n');
      assert.match(await readFile(uri!.fsPath, 'utf8'), WHOLE_DAKI_NOTE);
    });

    it('leaves a file that appears after the folder was read, just before the note is written, untouched', async function () {
      watchesTheApiOrSkip(this);
      const folder = await useRetroFolder('retros-appears');
      await mkdir(folder, { recursive: true });
      // The command lists the folder, then reads the previous note (for its open actions), then writes the
      // new note. The other file is written exactly when the previous note is read: after the listing, so
      // a name chosen from the listing would be this very name.
      const previous = path.join(folder, '2020-01-02-previous.md');
      await writeFile(previous, '- [ ] carried\n');
      const appearing = path.join(folder, `${today()}-appears.md`);
      const realFs = vscode.workspace.fs;
      let appeared = false;
      // The API objects are frozen; the extension reaches the file system through `workspace.fs`, so that
      // getter is what the test replaces, with the same methods, and a readFile that lets the file appear.
      const hookedFs: vscode.FileSystem = {
        stat: (uri) => realFs.stat(uri),
        readDirectory: (uri) => realFs.readDirectory(uri),
        createDirectory: (uri) => realFs.createDirectory(uri),
        writeFile: (uri, content) => realFs.writeFile(uri, content),
        delete: (uri, options) => realFs.delete(uri, options),
        rename: (source, target, options) => realFs.rename(source, target, options),
        copy: (source, target, options) => realFs.copy(source, target, options),
        isWritableFileSystem: (scheme) => realFs.isWritableFileSystem(scheme),
        readFile: async (uri) => {
          if (uri.fsPath === previous && !appeared) {
            appeared = true;
            await writeFile(appearing, 'Appeared meanwhile; it must survive.\n', { flag: 'wx' });
          }
          return realFs.readFile(uri);
        },
      };
      const fsProperty = Object.getOwnPropertyDescriptor(vscode.workspace, 'fs')!;
      Object.defineProperty(vscode.workspace, 'fs', { configurable: true, enumerable: fsProperty.enumerable, get: () => hookedFs });
      let uri: vscode.Uri | undefined;
      try {
        uri = await newRetroNote({ template: 'daki', title: 'Appears' });
      } finally {
        Object.defineProperty(vscode.workspace, 'fs', fsProperty);
      }
      assert.ok(appeared, 'the other file appeared while the command ran');
      assert.equal(path.basename(uri!.fsPath), `${today()}-appears-2.md`);
      assert.equal(await readFile(appearing, 'utf8'), 'Appeared meanwhile; it must survive.\n');
      const note = await readFile(uri!.fsPath, 'utf8');
      assert.match(note, WHOLE_DAKI_NOTE);
      assert.match(note, /^- \[ \] carried$/m, 'the previous note was still carried over');
    });

    it('writes nothing into a read-only folder, keeps what is there, and says why', async function () {
      watchesTheApiOrSkip(this);
      const folder = await useRetroFolder('retros-read-only');
      await mkdir(folder, { recursive: true });
      const previous = path.join(folder, '2020-01-02-previous.md');
      await writeFile(previous, '- [ ] keep me\n');
      // Immutable: not even root may add a file (a permission bit would not stop root).
      const unavailable = trySystem('chattr', ['+i', folder]);
      if (unavailable) {
        console.log(`      (skipped: cannot make a folder read-only here: ${unavailable})`);
        this.skip();
      }
      try {
        const { result, messages } = await messagesDuring(() => newRetroNote({ template: 'daki', title: 'Locked' }));
        assert.equal(result, undefined);
        assert.deepEqual(messages, ['Lead From Behind: could not create the retro note in "retros-read-only": permission denied. Nothing was written.']);
        assert.deepEqual(await readdir(folder), ['2020-01-02-previous.md']);
        assert.equal(await readFile(previous, 'utf8'), '- [ ] keep me\n');
      } finally {
        trySystem('chattr', ['-i', folder]);
      }
    });

    it('leaves no truncated note on a full disk, keeps what is there, and says why', async function () {
      watchesTheApiOrSkip(this);
      const folder = await useRetroFolder('retros-full-disk');
      await mkdir(folder, { recursive: true });
      // A small file system of its own, filled up: the write fails half-way with ENOSPC.
      const unavailable = trySystem('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'lfb-full-disk', folder]);
      if (unavailable) {
        console.log(`      (skipped: cannot mount a small file system here: ${unavailable})`);
        this.skip();
      }
      try {
        const previous = path.join(folder, '2020-01-02-previous.md');
        await writeFile(previous, '- [ ] keep me\n');
        await assert.rejects(writeFile(path.join(folder, 'filler'), Buffer.alloc(128 * 1024, 'x')), { code: 'ENOSPC' });
        const { result, messages } = await messagesDuring(() => newRetroNote({ template: 'daki', title: 'Full' }));
        assert.equal(result, undefined);
        assert.deepEqual(messages, ['Lead From Behind: could not create the retro note in "retros-full-disk": the disk is full. Nothing was written.']);
        assert.deepEqual((await readdir(folder)).sort(), ['2020-01-02-previous.md', 'filler']);
        assert.equal(await readFile(previous, 'utf8'), '- [ ] keep me\n');
      } finally {
        if (trySystem('umount', [folder])) trySystem('umount', ['-l', folder]);
      }
    });
  });

  describe('a 5 MB markdown document and a huge comment box leave the extension host responsive', () => {
    const FIVE_MB = 5 * 1024 * 1024;
    // Generous bounds: they catch a freeze of our own making, not a slow machine. The figures are printed.
    const LONGEST_BLOCK_MS = 2_000;
    const ROUND_TRIP_MS = 10_000;
    /**
     * Opening a 5 MB markdown document costs VS Code itself (its markdown support, the editor) tens of
     * seconds on the extension host of a loaded machine, with our checks on or off: 31 s off, 12 s on, in
     * one measured run. That is longer than the suite's time budget, so these measurements run on request:
     * LFB_TEST_LARGE=1.
     */
    const measuringLargeDocuments = process.env.LFB_TEST_LARGE === '1';

    it('opens, checks and types into a 5 MB retro note (LFB_TEST_LARGE=1)', async function () {
      if (!measuringLargeDocuments) this.skip();
      this.timeout(300_000);
      const folder = await useRetroFolder('retros-big');
      await configure('tone.checkRetroNotes', true);
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, '2020-01-01-big.md');
      await writeFile(file, bigNote(FIVE_MB));
      const uri = vscode.Uri.file(file);
      const opened = Date.now();
      const { result, longestBlockMs } = await longestBlockDuring(async () => {
        const editor = await vscode.window.showTextDocument(uri);
        await waitFor(() => vscode.languages.getDiagnostics(uri).length > 0, 'tone diagnostics on the big note', 60_000);
        const diagnosticsMs = Date.now() - opened;
        const slowestKeystrokeMs = await typeAtEnd(editor, 20);
        // After the debounce, while the check of the last keystroke runs.
        await new Promise((resolve) => setTimeout(resolve, 350));
        return { diagnosticsMs, slowestKeystrokeMs, roundTripMs: await commandRoundTripMs() };
      });
      console.log(`      5 MB retro note: diagnostics after ${result.diagnosticsMs} ms, slowest keystroke ${result.slowestKeystrokeMs} ms, ` +
        `command round trip ${result.roundTripMs} ms, longest extension host block ${longestBlockMs} ms`);
      // The block and the round trip are VS Code's as much as ours (see above): reported, not asserted. In
      // one loaded run the round trip took 23 s; with our checks off, the host was blocked for 31 s.
      assert.ok(vscode.languages.getDiagnostics(uri).length <= 200, 'the findings are capped');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('creates the next note promptly after a 5 MB note, without carrying over from all of it, and says so', async function () {
      watchesTheApiOrSkip(this);
      this.timeout(180_000);
      const folder = await useRetroFolder('retros-big-previous');
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, '2020-01-01-big.md'), bigNote(FIVE_MB));
      const { result, longestBlockMs } = await longestBlockDuring(() => messagesDuring(() => newRetroNote({ template: 'daki', title: 'After big' })));
      console.log(`      New Retrospective Note after a 5 MB note: longest extension host block ${longestBlockMs} ms`);
      const note = await readFile(result.result!.fsPath, 'utf8');
      assert.match(note, WHOLE_DAKI_NOTE);
      assert.ok(note.length < 10_000, `the new note holds ${note.length} characters`);
      assert.deepEqual(result.messages, [
        'Lead From Behind: the previous note "2020-01-01-big.md" is larger than 256 KB, so its open action items were not carried over.',
      ]);
      assert.ok(longestBlockMs < LONGEST_BLOCK_MS, `the extension host was blocked for ${longestBlockMs} ms`);
    });

    it('checks and types into a huge comment box (LFB_TEST_LARGE=1)', async function () {
      if (!measuringLargeDocuments) this.skip();
      this.timeout(300_000);
      await configure('tone.schemes', ['comment', 'untitled']);
      // A comment box is one comment: a pasted log or diff can make it huge.
      const text = `You need to fix this before the release.\n\n${'A pasted build log line that goes on and on.\n'.repeat(FIVE_MB / 45)}`;
      const document = await openUntitled('plaintext', text);
      const opened = Date.now();
      const { result, longestBlockMs } = await longestBlockDuring(async () => {
        const editor = await vscode.window.showTextDocument(document);
        await waitFor(() => vscode.languages.getDiagnostics(document.uri).length > 0, 'tone diagnostics on the comment', 60_000);
        const diagnosticsMs = Date.now() - opened;
        const slowestKeystrokeMs = await typeAtEnd(editor, 20);
        await new Promise((resolve) => setTimeout(resolve, 350));
        return { diagnosticsMs, slowestKeystrokeMs, roundTripMs: await commandRoundTripMs() };
      });
      console.log(`      5 MB comment box: diagnostics after ${result.diagnosticsMs} ms, slowest keystroke ${result.slowestKeystrokeMs} ms, ` +
        `command round trip ${result.roundTripMs} ms, longest extension host block ${longestBlockMs} ms`);
      assert.ok(result.roundTripMs < ROUND_TRIP_MS, `a command round trip took ${result.roundTripMs} ms`);
    });
  });
});
