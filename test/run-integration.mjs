#!/usr/bin/env node
// Integration tests in a real VS Code.
//
//   node test/run-integration.mjs [--host auto|code-server|electron]
//
// Expects the extension built (dist/extension.js) and the compiled test index
// out/test/integration/index.js (exports run(): Promise<void>, drives mocha).
// Runs the suite twice: with a folder open (a fresh copy of test/fixtures/workspace) and with no
// folder. The tests tell the two apart through vscode.workspace.workspaceFolders. With code-server, the
// web suite (test/web/, out/test/web/index.js) runs too, in the web worker extension host, with a folder.
//
// Hosts: `electron` = a desktop VS Code already on this machine (VSCODE_EXECUTABLE or a build in
// the cache; never downloaded). `code-server` = VS Code 1.139.1 in headless chromium, installed
// from npm into the cache on first use. `auto` = electron when one is found (and, on Linux, a
// display is available), else code-server.
//
// Options:
//   --timeout MS           per run, code-server only (default 180000)
//   --only folder|nofolder run just one of the two modes (folder: with the web suite and the restart phase)
//   --only restart         run only the restart phase (code-server): the workbench opened twice on one
//                          profile; the second session checks the figures the first one counted
//   --only packaged        with --vsix: run only the suite against the installed package
//   --vsix FILE            also run the suite once more (folder open) against FILE, a packaged
//                          extension installed with --install-extension (code-server only)

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, ensureCodeServer, runTestsInCodeServer } from './host/code-server.mjs';
import { findDesktopVSCode, runTestsInElectron } from './host/electron.mjs';

function parseArgs(argv) {
  const opts = { host: 'auto', timeout: 180_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case '--host': opts.host = value(); break;
      case '--timeout': opts.timeout = Number(value()); break;
      case '--only': opts.only = value(); break;
      case '--vsix': opts.vsix = path.resolve(value()); break;
      case '-h':
      case '--help':
        console.log('usage: node test/run-integration.mjs [--host auto|code-server|electron] [--only folder|nofolder] [--vsix FILE]');
        process.exit(0);
        break; // not reached; process.exit does not return
      default:
        console.error(`unknown argument: ${a}`);
        process.exit(2);
    }
  }
  if (!['auto', 'code-server', 'electron'].includes(opts.host)) {
    console.error(`--host must be auto, code-server or electron (got ${opts.host})`);
    process.exit(2);
  }
  if (opts.only && !['folder', 'nofolder', 'packaged', 'restart'].includes(opts.only)) {
    console.error(`--only must be folder, nofolder, restart or packaged (got ${opts.only})`);
    process.exit(2);
  }
  if (opts.only === 'packaged' && !opts.vsix) {
    console.error('--only packaged needs --vsix FILE');
    process.exit(2);
  }
  return opts;
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * The extension as vscode.dev would run it: its manifest without `main`, so the workbench can only start it
 * from its `browser` entry, in the web worker extension host. (This VS Code ignores the payload's
 * extensionDevelopmentKind.) Everything else is linked from the project. The workbench runs the tests in
 * the host of the extension whose folder holds them, so the web suite is reached through this copy too.
 */
async function webOnlyCopy() {
  const folder = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'lfb-web-')), 'extension');
  await fsp.mkdir(folder);
  const manifest = JSON.parse(await fsp.readFile(path.join(projectRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  await fsp.writeFile(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const entry of await fsp.readdir(projectRoot)) {
    if (entry === 'package.json' || entry === 'node_modules' || entry.startsWith('.')) continue;
    await fsp.symlink(path.join(projectRoot, entry), path.join(folder, entry));
  }
  return folder;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const extensionPath = projectRoot;
  const testsPath = path.join(projectRoot, 'out', 'test', 'integration', 'index.js');
  const webTestsPath = path.join(projectRoot, 'out', 'test', 'web', 'index.js');
  const restartTests = { first: path.join(projectRoot, 'out', 'test', 'integration', 'restart', 'first-index.js'), second: path.join(projectRoot, 'out', 'test', 'integration', 'restart', 'second-index.js') };
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'extension.js'))) {
    console.error('Missing dist/extension.js: build the extension first (npm run build).');
    process.exit(1);
  }
  if (!fs.existsSync(testsPath)) {
    console.error(`Missing the test index ${testsPath}: compile the integration tests first.`);
    process.exit(1);
  }

  let host = opts.host;
  let executable;
  if (host !== 'code-server') {
    executable = findDesktopVSCode();
    if (host === 'electron' && !executable) {
      console.error(
        'No desktop VS Code found (set VSCODE_EXECUTABLE, or unpack one into the test cache). ' +
          'Nothing is downloaded here; use --host code-server instead.',
      );
      process.exit(1);
    }
    if (host === 'auto') {
      if (executable && !hasDisplay()) {
        console.log(`(found desktop VS Code at ${executable}, but no DISPLAY: using code-server)`);
        executable = undefined;
      }
      host = executable ? 'electron' : 'code-server';
    }
  }
  if (host === 'code-server') await ensureCodeServer();

  const fixture = path.join(projectRoot, 'test', 'fixtures', 'workspace');
  const modes = [
    { mode: 'folder', label: 'folder open' },
    { mode: 'nofolder', label: 'no folder' },
  ].filter((m) => !opts.only || m.mode === opts.only);
  if (host === 'code-server' && (!opts.only || opts.only === 'folder')) {
    modes.push({ mode: 'folder', label: 'folder open, web worker host', web: true });
  }
  if (host === 'code-server' && (!opts.only || opts.only === 'folder' || opts.only === 'restart')) {
    modes.push({ mode: 'folder', label: 'folder open, restarted', restart: true });
  } else if (opts.only === 'restart') {
    console.error('--only restart needs --host code-server: it reopens the workbench on the same browser profile.');
    process.exit(2);
  }
  if (opts.vsix) {
    if (host !== 'code-server') {
      console.error('--vsix needs --host code-server: the desktop host here runs only the extension under development.');
      process.exit(2);
    }
    if (!fs.existsSync(opts.vsix)) {
      console.error(`No package at ${opts.vsix}: build it first (npm run package).`);
      process.exit(1);
    }
    modes.push({ mode: 'folder', label: `folder open, installed from ${path.basename(opts.vsix)}`, vsix: opts.vsix });
  }

  const results = [];
  for (const { mode, label, vsix, web, restart } of modes) {
    console.log(`\n== integration (${host}, ${label}) ==`);
    let tmp;
    let workspace;
    if (mode === 'folder') {
      tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'lfb-ws-'));
      workspace = path.join(tmp, 'workspace');
      await fsp.cp(fixture, workspace, { recursive: true });
    }
    const developed = web ? await webOnlyCopy() : extensionPath;
    let code;
    try {
      code =
        host === 'electron'
          ? await runTestsInElectron({ executable, extensionPath, testsPath, workspace })
          : await runTestsInCodeServer({ extensionPath: developed, testsPath: web ? path.join(developed, path.relative(projectRoot, webTestsPath)) : restart ? restartTests.first : testsPath, restartWith: restart ? restartTests.second : undefined, workspace, timeoutMs: opts.timeout, vsix, web });
    } catch (err) {
      console.error(err && err.stack ? err.stack : err);
      code = 1;
    } finally {
      if (tmp) await fsp.rm(tmp, { recursive: true, force: true }).catch(() => {});
      if (developed !== extensionPath) await fsp.rm(path.dirname(developed), { recursive: true, force: true }).catch(() => {});
    }
    results.push({ label, code });
  }

  console.log('');
  for (const { label, code } of results) {
    console.log(`${code === 0 ? 'PASS' : 'FAIL'}  integration (${host}, ${label})${code === 0 ? '' : ` — exit code ${code}`}`);
  }
  const failed = results.some((r) => r.code !== 0);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
