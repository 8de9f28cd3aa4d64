import { promises as nodeFs } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * What only Node offers on a local disk: real paths behind links, and an atomic create that fails on an
 * existing file. The browser build (vscode.dev, github.dev) uses node-files.web.ts instead, which offers
 * neither; workspace-files.ts then works through vscode.workspace.fs alone.
 */
export const nodeFiles:
  | {
      realpath(file: string): Promise<string>;
      separator: string;
      /** The user's home folder, for settings that start with `~`. */
      homedir(): string;
      /** Writes `content` to a new file; 'exists' when the name is taken. A failed write leaves nothing. */
      createNew(file: string, content: Uint8Array): Promise<'created' | 'exists'>;
    }
  | undefined = {
  realpath: (file) => nodeFs.realpath(file),
  separator: path.sep,
  homedir: () => os.homedir(),
  async createNew(file, content) {
    let handle: nodeFs.FileHandle;
    try {
      handle = await nodeFs.open(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    }
    try {
      await handle.writeFile(content);
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await nodeFs.unlink(file).catch(() => undefined);
      throw error;
    }
    return 'created';
  },
};
