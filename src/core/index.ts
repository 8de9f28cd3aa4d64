/** The pure core: no `vscode`, no Node-only APIs. Bundled as dist/core.js for tools and benchmarks. */
export * from './types';
export * from './content/content';
export * from './content/team-card';
export * from './content/card-body';
export * from './content/library';
export * from './content/search';
export * from './sidebar/html';
export * from './content/tip-block';
export * from './sidebar/render';
export * from './sidebar/sidebar-html';
export * from './sidebar/sidebar-error-html';
export * from './sidebar/sidebar-messages';
export * from './sidebar/follow-through-page';
export * from './sidebar/follow-through-messages';
export * from './retro';
export * from './tone';
export * from './follow-through';
