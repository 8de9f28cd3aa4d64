// One activation, timed in a fresh process: `node bench/activation-probe.cjs <extension.js>` prints
// the milliseconds from require() to the end of activate(), as JSON: total, load and activate. The `vscode` module is a stand-in on which
// every call succeeds and does nothing, so the figure is our own code's cost: loading and parsing the
// bundle, and the work activate() does before it returns.
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const inert = new Proxy(function () {}, {
  get(target, key) {
    if (key === 'then') return undefined; // not a promise: `await x` must not hang
    if (key === Symbol.toPrimitive) return () => '';
    if (key === Symbol.iterator) return function* () {};
    return inert;
  },
  apply: () => inert,
  construct: () => inert,
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
// Bundlers copy a module's own keys into a namespace object; one inheriting from `inert` answers every key.
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: Object.create(inert) };

const file = path.resolve(process.argv[2]);
const context = { subscriptions: [], extensionUri: inert, extensionPath: path.dirname(file), globalState: inert, workspaceState: inert };
// Work that activate() leaves running (content loads, status-bar updates) is not timed, and its failures
// against the stand-in don't matter.
process.on('unhandledRejection', () => undefined);
const started = performance.now();
const extension = require(file);
const loaded = performance.now();
Promise.resolve(extension.activate(context)).then(() => {
  const ended = performance.now();
  process.stdout.write(JSON.stringify({ total: ended - started, load: loaded - started, activate: ended - loaded }));
});
