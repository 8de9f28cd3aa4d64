import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** The scripts the package ships (see .vscodeignore): the extension, its lazy parts, the web build and the webview. */
function shippedScripts(): string[] {
  const inFolder = (folder: string) =>
    readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith('.js'))
      .map((name) => path.join(folder, name));
  return ['dist/extension.js', 'dist/web/extension.js', ...inFolder('dist/lazy'), ...inFolder('dist/webview')];
}

// Node modules and browser APIs through which a script could reach another machine.
const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads'];
const NETWORK_APIS = /\b(?:fetch|sendBeacon|importScripts)\s*\(|\bnew\s+(?:XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection)\b/;

describe('privacy: nothing that ships can reach the network', () => {
  it('loads no network module and calls no network API, in any shipped script', () => {
    const scripts = shippedScripts();
    assert.ok(scripts.length >= 5 && scripts.every((file) => existsSync(path.join(root, file))), 'build first');
    for (const file of scripts) {
      const code = readFileSync(path.join(root, file), 'utf8');
      for (const [, name] of code.matchAll(/require\(\s*["'](?:node:)?([\w/]+)["']\s*\)/g)) {
        assert.ok(!NETWORK_MODULES.includes(name), `${file} requires ${name}`);
      }
      assert.ok(!/\bimport\(\s*["'](?:https?:|\/\/)/.test(code), `${file} imports a remote module`);
      const api = NETWORK_APIS.exec(code);
      assert.equal(api, null, `${file} calls ${api?.[0]}`);
    }
  });
});
