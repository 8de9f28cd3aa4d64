import type { nodeFiles as NodeFiles } from './node-files';

// In a web worker there is no Node: no local disk, no links to resolve, no O_EXCL. esbuild.mjs puts this
// module in place of node-files.ts in the browser build.
export const nodeFiles: typeof NodeFiles = undefined;
