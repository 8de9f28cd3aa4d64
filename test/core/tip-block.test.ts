import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { blockPadding, escapeSnippetText, TIP_BLOCK_LABELS, tipBlock } from '../../src/core/content/tip-block';
import { card, expandSnippet } from './fixtures';


describe('tip blocks', () => {
  const tip = card({ title: 'Encourage your team', question: 'Who grew this sprint?' });

  it('is a GitHub TIP alert with the title, explanation, question and an answer tab stop', () => {
    const snippet = tipBlock(tip, 'snippet');
    assert.equal(
      snippet,
      [
        '> [!TIP]',
        '> **Encourage your team**',
        '>',
        '> Explain the idea.',
        '>',
        '> **Reflect:** Who grew this sprint?',
        '>',
        '> **Answer:** ${1:Your answer}',
      ].join('\n'),
    );
  });

  it('leaves the "In a software team" part out of the block', () => {
    assert.doesNotMatch(tipBlock(tip, 'markdown'), /software team|scene/);
  });

  it('as markdown, has no snippet syntax', () => {
    const markdown = tipBlock(tip, 'markdown');
    assert.doesNotMatch(markdown, /\$\{/);
    assert.match(markdown, /> \*\*Answer:\*\* $/);
  });

  it('includes a prompt’s directive example and supportive rewrite', () => {
    const prompt = card({ kind: 'prompt', directive: 'Rename `data`.', supportive: 'Could we rename `data`?' });
    const block = tipBlock(prompt, 'markdown');
    assert.match(block, /^> Instead of: \*Rename `data`\.\*$/m);
    assert.match(block, /^> Try: \*Could we rename `data`\?\*$/m);
  });

  it('gives the card’s "Try this week" step its own line before the question, and none without one', () => {
    const block = tipBlock(card({ question: 'Who grew?', try: 'Ask the newest person to present the risks.' }), 'markdown');
    assert.ok(block.includes('> Explain the idea.\n>\n> **Try this week:** Ask the newest person to present the risks.\n>\n> **Reflect:** Who grew?'), block);
    assert.doesNotMatch(tipBlock(tip, 'markdown'), /Try this week/);
    const german = tipBlock(card({ try: 'Frag die neueste Person.' }), 'markdown', { ...TIP_BLOCK_LABELS, tryThisWeek: 'Diese Woche ausprobieren:' });
    assert.match(german, /^> \*\*Diese Woche ausprobieren:\*\* Frag die neueste Person\.$/m);
  });

  it('escapes the "Try this week" step in a snippet', () => {
    const tricky = card({ try: 'Budget $5 for ${1:snacks} {and} a \\ tip.' });
    assert.match(tipBlock(tricky, 'markdown'), /^> \*\*Try this week:\*\* Budget \$5 for \$\{1:snacks\} \{and\} a \\ tip\.$/m);
    assert.equal(expandSnippet(tipBlock(tricky, 'snippet')).text, tipBlock(tricky, 'markdown') + 'Your answer');
  });

  it('quotes every line, so multi-paragraph explanations stay inside the block', () => {
    const long = card({ body: 'First.\n\nSecond line\n- a list\n\n## In a software team\nx' });
    for (const line of tipBlock(long, 'snippet').split('\n')) assert.match(line, /^>( |$)/);
  });

  it('escapes $, } and \\ so content survives snippet expansion', () => {
    const tricky = card({ title: 'Costs $5 {or} ${1:x} \\n', question: 'Is `a}` ok?', body: 'Use ${HOME} and $TM_FILENAME.' });
    const expanded = expandSnippet(tipBlock(tricky, 'snippet'));
    assert.equal(expanded.text, tipBlock(tricky, 'markdown') + 'Your answer');
    assert.deepEqual(expanded.stops, [1]);
  });

  it('escaping round-trips any text (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => expandSnippet(escapeSnippetText(text)).text === text));
  });
});

describe('block padding', () => {
  it('needs nothing at the start of an empty document', () => {
    assert.deepEqual(blockPadding({ before: '', after: '', previousLine: undefined }), { prefix: '', suffix: '\n' });
  });
  it('adds a blank line after a paragraph', () => {
    assert.deepEqual(blockPadding({ before: '', after: '', previousLine: 'Some text' }), { prefix: '\n', suffix: '\n' });
  });
  it('breaks out of a line when the cursor is mid-text', () => {
    assert.deepEqual(blockPadding({ before: 'Some ', after: 'text', previousLine: '' }), { prefix: '\n\n', suffix: '\n\n' });
  });
  it('keeps following text out of the quote', () => {
    assert.deepEqual(blockPadding({ before: '', after: 'next paragraph', previousLine: '' }), { prefix: '', suffix: '\n\n' });
  });
  it('treats whitespace-only text as empty', () => {
    assert.deepEqual(blockPadding({ before: '   ', after: '\t', previousLine: '  ' }), { prefix: '', suffix: '\n' });
  });
});
