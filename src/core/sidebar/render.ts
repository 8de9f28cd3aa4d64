import markdownIt, { type MarkdownIt } from 'markdown-it';
import { escapeHtml } from './html';

/** Only these link targets survive rendering; anything else (javascript:, data:, file:) stays plain text. */
const SAFE_LINK = /^(?:https?:\/\/|mailto:|#)/i;

/** Card bodies sit under a card title (h3), so their own headings start at h4. */
export function demoteHeadings(md: MarkdownIt, options: { by: number }): void {
  md.core.ruler.push('demote_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        const level = Math.min(6, Number(token.tag.slice(1)) + options.by);
        token.tag = `h${level}`;
      }
    }
  });
}

export interface MarkdownRenderer {
  render(markdown: string): string;
  renderInline(markdown: string): string;
}

/** A markdown-it renderer that never emits raw HTML or unsafe links: content may come from any repository. */
export function createRenderer(): MarkdownRenderer {
  const md = markdownIt({ html: false, linkify: false, typographer: true });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  // Images would be fetched from wherever they point, and the sidebar loads nothing remote. Shown as their
  // alt text: with the image rule off, `![x](url)` would read as "!" and a link to the image.
  md.renderer.rules.image = (tokens, index, options, env, self) => escapeHtml(self.renderInlineAsText(tokens[index].children ?? [], options, env));
  md.use(demoteHeadings, { by: 2 });
  return {
    render: (markdown) => md.render(markdown),
    renderInline: (markdown) => md.renderInline(markdown),
  };
}
