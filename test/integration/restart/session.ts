// The restart phase (test/run-integration.mjs, code-server only): the same workbench opened twice on one
// browser profile, one session after the other, so the second reads only what VS Code itself kept.
import Mocha from 'mocha';
import path from 'node:path';

/** Runs one session's test file (a sibling of this index). */
export function runSession(file: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) of ${file} failed.`)) : resolve()));
  });
}

/** Where the first session leaves what it saw, for the second: in the workspace both sessions open. */
export function handoverFile(workspace: string): string {
  return path.join(workspace, '.lfb-restart-handover.json');
}
