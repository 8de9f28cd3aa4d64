// The sidebar's page builder and markdown-it: loaded (from dist/lazy/) when the view is first shown.
export { createRenderer } from '../core/render';
export { sidebarHtml } from '../core/sidebar-html';
