import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { createRenderer, demoteHeadings } from '../../src/core/sidebar/render';

const renderer = createRenderer();
const ALLOWED_TAGS = new Set(['p', 'em', 'strong', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 's']);

/** Every tag the renderer emits, and every attribute on it. */
function tagsIn(html: string) {
  return [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)].map((match) => ({ name: match[1].toLowerCase(), attributes: match[2] }));
}

function assertInert(html: string) {
  for (const { name, attributes } of tagsIn(html)) {
    assert.ok(ALLOWED_TAGS.has(name), `unexpected <${name}> in ${html}`);
    // Quoted values are data; an attribute outside quotes would be markup.
    assert.doesNotMatch(attributes.replace(/"[^"]*"/g, '""'), /\son[a-z]+\s*=/i, `event handler in ${html}`);
    const urls = [...attributes.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    for (const url of urls) assert.match(url, /^(https?:\/\/|mailto:|#)/i, `unsafe url ${url}`);
  }
}

describe('rendering', () => {
  it('renders ordinary markdown', () => {
    assert.equal(renderer.render('Hello *world* and `code`.'), '<p>Hello <em>world</em> and <code>code</code>.</p>\n');
  });

  it('starts card headings at h4', () => {
    assert.match(renderer.render('## In a software team'), /^<h4>In a software team<\/h4>/);
    assert.match(renderer.render('###### deep'), /^<h6>deep<\/h6>/);
  });

  it('demoteHeadings is a plain markdown-it plugin', () => {
    const md = markdownIt().use(demoteHeadings, { by: 1 });
    assert.equal(md.render('# Title'), '<h2>Title</h2>\n');
  });

  it('renders tables', () => {
    assert.match(renderer.render('| a | b |\n| - | - |\n| 1 | 2 |'), /<table>[\s\S]*<td>2<\/td>/);
  });

  const hostile: [string, string][] = [
    ['a script tag', '<script>alert(1)</script>'],
    ['an inline script tag', 'text <script>alert(1)</script> text'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a javascript: link with entities', '[click](&#106;avascript:alert(1))'],
    ['a javascript: link with odd case and spaces', '[click]( JaVaScRiPt:alert(1))'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '[x](vbscript:msgbox(1))'],
    ['a file: link', '[x](file:///etc/passwd)'],
    ['a markdown image with a javascript: source', '![x](javascript:alert(1))'],
    ['a remote image', '![tracker](https://example.com/pixel.png)'],
    ['an iframe', '<iframe src="https://example.com"></iframe>'],
    ['a style tag', '<style>body{display:none}</style>'],
    ['an svg with onload', '<svg onload=alert(1)>'],
    ['a reference-style javascript: link', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['a link title with quotes', '[x](https://example.com "a\\" onmouseover=\\"alert(1)")'],
    ['raw html block', '<div onclick="alert(1)">\n\nhi\n\n</div>'],
  ];
  for (const [name, markdown] of hostile) {
    it(`keeps ${name} inert`, () => {
      const html = renderer.render(markdown);
      assertInert(html);
      assert.doesNotMatch(html, /<script|<iframe|<style|<svg|<div/i);
    });
  }

  it('renders safe links', () => {
    assert.equal(renderer.renderInline('[docs](https://code.visualstudio.com)'), '<a href="https://code.visualstudio.com">docs</a>');
  });

  it('drops remote images, so nothing is fetched', () => {
    assert.doesNotMatch(renderer.render('![tracker](https://example.com/pixel.png)'), /<img/);
  });

  // An image the sidebar will not load shows what it stands for, never a link that fetches it on a click.
  const images: [string, string, string][] = [
    ['an inline image', '![tracker](https://example.com/pixel.png)', '<p>tracker</p>\n'],
    ['an image with a title', '![a *diagram*](https://example.com/d.png "Diagram")', '<p>a diagram</p>\n'],
    ['a reference image', '![chart][c]\n\n[c]: https://example.com/c.png', '<p>chart</p>\n'],
    ['an image inside a link', '[![logo](https://example.com/logo.png)](https://example.com/home)', '<p><a href="https://example.com/home">logo</a></p>\n'],
    ['an image whose alt text is markup', '![<img src=x onerror=alert(1)>](https://example.com/x.png)', '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n'],
    ['an image with empty alt text', 'before ![](https://example.com/x.png) after', '<p>before  after</p>\n'],
  ];
  for (const [name, markdown, expected] of images) {
    it(`shows ${name} as its alt text, not as a link to the image`, () => {
      assert.equal(renderer.render(markdown), expected);
    });
  }

  it('keeps any mix of markdown and html inert (property)', () => {
    const fragment = fc.constantFrom(
      '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[a](javascript:alert(1))', '<a href="javascript:x">',
      '**bold**', '`code`', '\n\n', '| a | b |\n| - | - |\n| 1 | 2 |\n', '> quote', '- item', '"', "'", '<', '>', '&', 'on', 'click=',
      '![i](data:x)', '<https://ok.example>', '[ok](https://ok.example)', '[ok](#anchor)', '```\n<script>\n```',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), fc.string({ maxLength: 20 }), (fragments, noise) => {
        assertInert(renderer.render(fragments.join('') + noise));
      }),
      { numRuns: 500 },
    );
  });
});
