import markdownIt, { type MarkdownIt } from 'markdown-it';

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
  // Images would be fetched from wherever they point; the sidebar loads nothing remote.
  md.disable('image');
  md.use(demoteHeadings, { by: 2 });
  return {
    render: (markdown) => md.render(markdown),
    renderInline: (markdown) => md.renderInline(markdown),
  };
}
