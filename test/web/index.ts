// The web test suite: runs in VS Code's web worker extension host, where the extension runs from its
// `browser` entry. No Node here: mocha is its browser build, and the tests use the vscode API alone.
import 'mocha/mocha.js';

// What mocha's browser build puts on the global object.
declare const mocha: {
  setup(options: { ui: 'bdd'; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): void;
};

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: false });
  // Loaded here, after setup: each test file's describe() needs mocha's globals.
  await import('./extension.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed.`)) : resolve()));
  });
}
