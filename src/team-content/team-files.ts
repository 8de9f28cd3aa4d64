// The parsers of team files and the YAML reader: loaded (from dist/lazy/) only where team content exists.
export { loadCards } from '../core/content/content';
export { loadTemplates } from '../core/retro/template';
