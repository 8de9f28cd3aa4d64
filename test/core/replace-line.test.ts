import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { replaceLine } from '../../src/core/follow-through/replace-line';

describe('replacing one line of a note', () => {
  const note = '# Retro\n- [ ] Write the runbook @sam  \n- [ ] Rotate the captain\n';

  it('replaces only that line, keeping trailing spaces and line endings everywhere else', () => {
    assert.equal(
      replaceLine(note, 2, '- [ ] Rotate the captain', '- [x] Rotate the captain'),
      '# Retro\n- [ ] Write the runbook @sam  \n- [x] Rotate the captain\n',
    );
  });

  it('keeps CRLF, lone CR, a BOM and a missing final newline', () => {
    assert.equal(replaceLine('a\r\n- [ ] b\r\nc', 1, '- [ ] b', '- [x] b'), 'a\r\n- [x] b\r\nc');
    assert.equal(replaceLine('a\r- [ ] b\rc', 1, '- [ ] b', '- [x] b'), 'a\r- [x] b\rc');
    assert.equal(replaceLine('\uFEFF- [ ] b\n', 0, '- [ ] b', '- [x] b'), '\uFEFF- [x] b\n');
    assert.equal(replaceLine('a\n- [ ] b', 1, '- [ ] b', '- [x] b'), 'a\n- [x] b');
  });

  it('refuses when the line no longer holds what the pick saw, or is not there', () => {
    assert.equal(replaceLine(note, 1, '- [ ] Rotate the captain', '- [x] Rotate the captain'), undefined);
    assert.equal(replaceLine(note, 9, '- [ ] Rotate the captain', '- [x] Rotate the captain'), undefined);
    assert.equal(replaceLine(note, -1, '# Retro', '# Retro'), undefined);
    assert.equal(replaceLine(note, 1.5, '# Retro', '# Retro'), undefined);
  });

  it('refuses a replacement that would add a line', () => {
    assert.equal(replaceLine(note, 0, '# Retro', '# Retro\n- [ ] sneaked in'), undefined);
    assert.equal(replaceLine(note, 0, '# Retro', '# Retro\r'), undefined);
  });

  it('changes no other line, whatever the note and its line endings (property)', () => {
    const line = fc.stringMatching(/^[^\r\n]*$/);
    // One kind of line ending per note: a lone CR before an empty line ending in LF would read as one CRLF.
    const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), lineBreak, fc.nat(), line, (lines, end, pick, after) => {
        const text = lines.map((content) => content + end).join('');
        const index = pick % lines.length;
        const replaced = replaceLine(text, index, lines[index], after);
        assert.ok(replaced !== undefined);
        const expected = lines.map((content, at) => (at === index ? after : content) + end).join('');
        assert.equal(replaced, expected);
      }),
    );
  });
});
