import * as assert from 'node:assert/strict';
import { TRIGGERED_PATTERNS } from '../../src/core/tone/cues';
import { Phrase } from '../../src/core/tone/cues/patterns';
import { triggerWords } from '../../src/core/tone/cues/trigger-words';
import { FINITE, FINITE_ADVERBS, HEDGE_WORDS } from '../../src/core/tone/lexicon';
import { tokenize } from '../../src/core/tone/text';

describe('tone: trigger words read off the phrase patterns', () => {
  it('reads each branch up to the end of its first word, as the tokenizer splits words', () => {
    const pattern = /\bnon-?blocking\b|\bi(?:'d| would)\b|\b(?:coding |code )?style\b|(?<![\w+])\+1\b|\uD83D[\uDC4D\uDE4F]|\bthat's (?:not|never)/;
    const expected = ['non-blocking', 'nonblocking', "i'd", 'i', 'coding', 'code', 'style', '+', '\u{1F44D}', '\u{1F64F}', "that's"];
    assert.deepEqual(new Set(triggerWords(pattern)), new Set(expected));
  });

  it('refuses a branch whose first word it cannot list', () => {
    assert.throws(() => triggerWords(/\bfoo|\b[a-z]+ly\b/), /character range/);
    assert.throws(() => triggerWords(/\b\w+ly\b/), /\\w/);
    assert.throws(() => triggerWords(/\bfoo(?:bar)*\b/), /repetition/);
    assert.throws(() => triggerWords(/\bfoo|(?:bar)?/), /No first word/);
  });

  it('registers every trigger word so that a token of it finds its pattern', () => {
    TRIGGERED_PATTERNS.forEach(([pattern, words], index) => {
      for (const word of words) {
        const tokens = tokenize(word);
        assert.equal(tokens.length, 1, `${JSON.stringify(word)} is one token`);
        assert.ok(tokens[0].info?.triggers?.includes(index), `${JSON.stringify(word)} triggers ${pattern.source.slice(0, 40)}…`);
      }
    });
  });
});

describe('tone: word lists agree with the patterns that spell them out', () => {
  it('matches each hedge word alone with the OPTION pattern', () => {
    const [option] = TRIGGERED_PATTERNS[Phrase.Option];
    for (const word of HEDGE_WORDS) {
      option.lastIndex = 0;
      assert.equal(option.exec(word)?.[0], word, word);
    }
  });

  it('lists the adverbs among the finite words they stand apart from', () => {
    for (const word of FINITE_ADVERBS) assert.ok(FINITE.has(word), word);
  });
});
