#!/usr/bin/env node
// npm start: build, then open the extension in VS Code.
//
//   npm start [-- FOLDER]
//
// With a desktop `code` on PATH, it opens that with the extension under development and
// test/fixtures/workspace. Otherwise it serves VS Code through code-server (installed from npm
// on first use) at http://127.0.0.1:$PORT (default 8080, or a free port if that one is busy) with
// a fresh copy of test/fixtures/workspace, or FOLDER if given, and runs until Ctrl-C.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = path.join(projectRoot, 'test', 'fixtures', 'workspace');

function build() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`Build failed (node esbuild.mjs exited with ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

function desktopCode() {
  const r = spawnSync('which', ['code'], { encoding: 'utf8' });
  return (r.status === 0 && r.stdout.trim()) || undefined;
}

async function main() {
  build();

  const folderArg = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  if (folderArg && !fs.existsSync(folderArg)) {
    console.error(`No such folder: ${folderArg}`);
    process.exit(1);
  }

  const code = desktopCode();
  if (code) {
    const folder = folderArg || fixture;
    const child = spawn(code, [`--extensionDevelopmentPath=${projectRoot}`, folder], {
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    console.log(`Opened VS Code (${code}) with Lead From Behind from ${projectRoot} on ${folder}.`);
    return;
  }

  const { ensureCodeServer, openInCodeServer, isPortFree, freePort } = await import('../test/host/code-server.mjs');
  await ensureCodeServer();

  let tmp;
  let workspace = folderArg;
  if (!workspace) {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'lfb-start-'));
    workspace = path.join(tmp, 'workspace');
    await fsp.cp(fixture, workspace, { recursive: true });
  }

  const wanted = Number(process.env.PORT) || 8080;
  let port = wanted;
  if (!(await isPortFree(wanted))) {
    port = await freePort();
    console.log(`Port ${wanted} is busy; using ${port}.`);
  }

  try {
    await openInCodeServer({ extensionPath: projectRoot, workspace, port });
  } finally {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
