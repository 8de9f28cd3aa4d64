/** The pure core: no `vscode`, no Node-only APIs. Bundled as dist/core.js for tools and benchmarks. */
export * from './types';
export * from './content';
export * from './card-body';
export * from './library';
export * from './search';
export * from './html';
export * from './tip-block';
export * from './render';
export * from './sidebar-html';
export * from './sidebar-error-html';
export * from './sidebar-messages';
export * from './retro';
export * from './tone';
