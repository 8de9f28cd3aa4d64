import * as assert from 'node:assert/strict';
import { parseFollowThroughMessage } from '../../src/core/sidebar/follow-through-messages';
import { FOLLOW_THROUGH_PAGE_STRINGS, followThroughPage } from '../../src/core/sidebar/follow-through-page';

const assets = { cspSource: 'https://csp.invalid', nonce: 'bm9uY2U', scriptUri: 'https://csp.invalid/ft.js', styleUri: 'https://csp.invalid/s.css', codiconsUri: 'https://csp.invalid/c.css' };

describe('Follow-through page messages', () => {
  const isNote = (file: string) => file === 'docs/retros/2026-10-15-sprint-43.md';

  it('accepts the page\'s messages, and an action\'s place only in a note it shows, at a whole line', () => {
    assert.deepEqual(parseFollowThroughMessage({ type: 'reviewOpenActions', extra: 1 }, { isNote }), { type: 'reviewOpenActions' });
    assert.deepEqual(parseFollowThroughMessage({ type: 'chooseFolder' }, { isNote }), { type: 'chooseFolder' });
    assert.deepEqual(parseFollowThroughMessage({ type: 'openAction', file: 'docs/retros/2026-10-15-sprint-43.md', line: 4, more: 'x' }, { isNote }), {
      type: 'openAction',
      file: 'docs/retros/2026-10-15-sprint-43.md',
      line: 4,
    });
  });

  it('refuses anything else', () => {
    const file = 'docs/retros/2026-10-15-sprint-43.md';
    for (const raw of [
      null,
      'openAction',
      [],
      { type: 'openAction', file: '../../etc/passwd', line: 0 },
      { type: 'openAction', file: '/etc/passwd', line: 0 },
      { type: 'openAction', file, line: -1 },
      { type: 'openAction', file, line: 1.5 },
      { type: 'openAction', file, line: '4' },
      { type: 'openAction', file, line: Number.NaN },
      { type: 'openAction', file, line: 2_000_000 },
      { type: 'openAction', file: { toString: () => file }, line: 0 },
      { type: 'openAction', line: 0 },
      { type: 'insert', id: 'x' },
      // RenderedWebviewView answers the handshake and Retry itself: the view never sees them.
      { type: 'ready' },
      { type: 'retry' },
      { type: 'toString' },
    ]) {
      assert.equal(parseFollowThroughMessage(raw, { isNote }), undefined, JSON.stringify(raw));
    }
  });
});

describe('Follow-through page', () => {
  it('wraps the section in the sidebar\'s head and CSP, with no folder button in a single-folder workspace', () => {
    const html = followThroughPage({ kind: 'report', folderName: undefined, sectionHtml: '<div class="follow-through">S</div>', skipped: [] }, assets);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https:\/\/csp.invalid;/);
    assert.match(html, /<script defer nonce="bm9uY2U" src="https:\/\/csp.invalid\/ft.js"><\/script>/);
    assert.match(html, /<main>\n<div class="follow-through">S<\/div>\n<\/main>/);
    assert.doesNotMatch(html, /chooseFolder|<header/);
  });

  it('names the folder and offers another in a multi-root workspace, escaping what the workspace names', () => {
    const html = followThroughPage(
      { kind: 'report', folderName: '<img src=x onerror=alert(1)>', sectionHtml: '', skipped: [{ file: 'docs/retros/2026-01-01-"big".md', reason: 'it is larger than 256 KB' }] },
      assets,
    );
    assert.match(html, /<span>Notes in &lt;img src=x onerror=alert\(1\)&gt;<\/span>/);
    assert.match(html, /<button type="button" class="secondary" data-command="chooseFolder"/);
    assert.match(html, /<li>Not read: docs\/retros\/2026-01-01-&quot;big&quot;\.md \(it is larger than 256 KB\)\.<\/li>/);
    assert.doesNotMatch(html, /<img/);
  });

  it('says why there is nothing to show', () => {
    assert.match(followThroughPage({ kind: 'noFolder' }, assets), new RegExp(FOLLOW_THROUGH_PAGE_STRINGS.noFolder));
    assert.match(followThroughPage({ kind: 'noNotes', folderName: undefined, retroFolder: 'docs/<retros>' }, assets), /No retro notes in docs\/&lt;retros&gt; yet\./);
    assert.match(followThroughPage({ kind: 'unavailable', folderName: undefined, problem: 'a "link"' }, assets), /role="alert".*The retro notes could not be read: a &quot;link&quot;/s);
  });
});
