// Runs the integration tests in a desktop VS Code (Electron) through @vscode/test-electron, but
// only with a VS Code that is already on this machine: nothing is ever downloaded here.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cacheDir } from './code-server.mjs';

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * A desktop VS Code executable that needs no download, or undefined:
 * $VSCODE_EXECUTABLE, else a build @vscode/test-electron already unpacked into the cache
 * (<cache>/vscode-linux-x64-<version>/code), newest first.
 */
export function findDesktopVSCode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`VSCODE_EXECUTABLE=${fromEnv} is not an executable file; ignoring it.`);
  }
  if (process.platform !== 'linux') return undefined;
  const cache = cacheDir();
  let entries = [];
  try {
    entries = fs.readdirSync(cache).filter((n) => n.startsWith(`vscode-linux-${process.arch}-`));
  } catch {
    return undefined;
  }
  entries.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  for (const name of entries) {
    for (const exe of ['code', 'code-insiders']) {
      const file = path.join(cache, name, exe);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

/**
 * @returns {Promise<number>} exit code of the test run (0 = all passed)
 */
export async function runTestsInElectron({ executable, extensionPath, testsPath, workspace }) {
  const { runTests } = await import('@vscode/test-electron');
  const userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lfb-electron-'));
  const launchArgs = [];
  if (workspace) launchArgs.push(workspace);
  launchArgs.push('--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userDataDir);
  // else test-electron adds --extensions-dir=<cwd>/.vscode-test/extensions
  launchArgs.push('--extensions-dir', path.join(userDataDir, 'extensions'));
  try {
    return await runTests({
      vscodeExecutablePath: executable, // set, so runTests never downloads
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      launchArgs,
    });
  } catch (err) {
    if (err && typeof err.code === 'number') return err.code || 1;
    console.error(`Running the tests in VS Code desktop (${executable}) failed: ${err && err.stack ? err.stack : err}`);
    return 1;
  } finally {
    await fsp.rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  }
}
