// `npm test`: type-check, lint, build, then core tests, the webview in Chromium, and the integration tests in a real
// VS Code. Ends with one countable line: "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM, codeServerMustBeInstalled, KERBEROS_HEADERS } from './host/code-server.mjs';
import { findDesktopVSCode } from './host/electron.mjs';


function run({ command, args }) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Adds up mocha's "N passing" and "N failing" lines; a stage may run mocha more than once. */
function countMocha(output) {
  const sum = (pattern) => [...output.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  return { passed: sum(/^\s*(\d+) passing\b/gm), failed: sum(/^\s*(\d+) failing\b/gm) };
}

/**
 * What the machine must have, checked before anything runs: the answer comes at once, with what to
 * install, instead of after the build and the core tests.
 */
function missingPrerequisites() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) {
    missing.push(
      `No Chromium at ${CHROMIUM}: the webview tests and code-server's workbench run in it.\n` +
        '  Install Debian\'s:  sudo apt-get install -y chromium\n' +
        '  or point the tests at another Chromium:  LFB_CHROMIUM=/path/to/chromium npm test',
    );
  }
  if (usesCodeServer && codeServerMustBeInstalled() && !KERBEROS_HEADERS.some((file) => fs.existsSync(file))) {
    missing.push(
      'No Kerberos headers (/usr/include/gssapi/gssapi.h): the first run installs code-server from npm, and its\n' +
        '  `kerberos` module compiles against them.  Install them:  sudo apt-get install -y libkrb5-dev',
    );
  }
  return missing;
}

// The integration runner takes `--host code-server` and `--host=code-server` alike.
const args = process.argv.slice(2);
const at = args.findIndex((arg) => arg === '--host' || arg.startsWith('--host='));
const host = at < 0 ? 'auto' : args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
const usesCodeServer = host === 'code-server' || (host === 'auto' && !findDesktopVSCode());

// code-server can install a package as a user would, so there the suite also runs once on the .vsix.
const VSIX = '.vscode-test/lead-from-behind.vsix';
const stages = [
  { name: 'type-check', command: 'npm', args: ['run', '--silent', 'typecheck'], counts: false },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'], counts: false },
  { name: 'build', command: 'node', args: ['esbuild.mjs', '--tests'], counts: false },
  { name: 'core', command: 'npx', args: ['mocha', 'out/test/core/**/*.test.js'], counts: true },
  { name: 'webview (Chromium)', command: 'npx', args: ['mocha', 'out/test/webview/*.test.js'], counts: true },
  ...(usesCodeServer ? [{ name: 'package (.vsix)', command: 'npx', args: ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', VSIX], counts: false }] : []),
  { name: 'integration (VS Code)', command: 'node', args: ['test/run-integration.mjs', ...args, ...(usesCodeServer ? ['--vsix', VSIX] : [])], counts: true },
];

const missing = missingPrerequisites();
if (missing.length > 0) {
  console.error(`npm test needs a few things this machine lacks:\n\n${missing.join('\n\n')}\n\n.ci/run installs all of them on a fresh Debian machine.`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

// The package goes to the git-ignored test cache, which a fresh clone does not have yet.
fs.mkdirSync('.vscode-test', { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages) {
  console.log(`\n== ${stage.name} ==`);
  const started = Date.now();
  const { code, output } = await run(stage);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = stage.counts ? countMocha(output) : { passed: 0, failed: 0 };
  // A stage that fails without a mocha failure (a crash, a type error) still counts as one failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${stage.name.padEnd(24)} ${code === 0 ? 'ok  ' : 'FAIL'} ${stage.counts ? `${counts.passed} passed, ${counts.failed} failed` : ''} (${seconds}s)`);
  if (code !== 0 && !stage.counts) break; // nothing to test without a build
}
console.log(`\n${summary.join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
