import * as assert from 'node:assert/strict';
import { SCANNED_PATTERNS, triggerPositions } from '../../src/core/tone/cues';
import { Phrase } from '../../src/core/tone/cues/patterns';
import { triggerPairs, triggerWords } from '../../src/core/tone/cues/trigger-words';
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

  it('reads on to the words that can come second, and lists none where a match can stop after the first', () => {
    const pairs = triggerPairs(/\bthe (?:right|correct) way\b|\bis (?:really )?better[ \t]*$|\bnice\b|\bnot (?:a )?must-have\b|\bwe prefer|\bthoughts ?\?|\bi(?:'m| am) sure\b/);
    const listed = (word: string) => {
      const next = pairs.get(word);
      return next && { closed: [...next.closed].sort(), open: [...next.open].sort() };
    };
    assert.deepEqual(listed('the'), { closed: ['correct', 'right'], open: [] });
    assert.deepEqual(listed('is'), { closed: ['better', 'really'], open: [] });
    assert.deepEqual(listed('not'), { closed: ['a', 'must-have'], open: [] });
    // The branch ends inside the word: "we preferred" matches too.
    assert.deepEqual(listed('we'), { closed: [], open: ['prefer'] });
    assert.deepEqual(listed('thoughts'), { closed: ['?'], open: [] });
    assert.deepEqual(listed("i'm"), { closed: ['sure'], open: [] });
    assert.deepEqual(listed('i'), { closed: ['am'], open: [] });
    assert.ok(pairs.has('nice') && pairs.get('nice') === undefined, '"nice" alone is a match');
    // A joiner before a mark is a mark of its own to the tokenizer; a run of marks that may be empty lets
    // the word go on.
    assert.deepEqual([...(triggerPairs(/\bvs\. foo\b/).get('vs')?.closed ?? [])], ['.']);
    assert.deepEqual([...(triggerPairs(/\bis better[ \t]*ish\b/).get('is')?.closed ?? [])].sort(), ['better', 'betterish']);
    // A second word it cannot list leaves the first word unfiltered, rather than missing matches.
    assert.equal(triggerPairs(/\bno [a-z]+ needed\b/).get('no'), undefined);
    assert.equal(triggerPairs(/\bno (?:\w+ )?needed\b/).get('no'), undefined);
  });

  it('still tries a pattern where a letter its \\b does not know follows the second word inside a token', () => {
    const weMust = SCANNED_PATTERNS.findIndex((pattern) => pattern.source.startsWith('\\bwe('));
    assert.ok(weMust >= 0);
    for (const text of ['We should使用 the helper.', "we shouldn't add it", 'We should-really add it']) {
      assert.deepEqual(triggerPositions(tokenize(text))[weMust], [0], text);
    }
  });

  it('registers every trigger word so that a token of it finds its pattern', () => {
    SCANNED_PATTERNS.forEach((pattern, index) => {
      for (const word of triggerWords(pattern)) {
        const tokens = tokenize(word);
        assert.equal(tokens.length, 1, `${JSON.stringify(word)} is one token`);
        assert.ok(tokens[0].info?.triggers?.includes(index), `${JSON.stringify(word)} triggers ${pattern.source.slice(0, 40)}…`);
      }
    });
  });
});

describe('tone: word lists agree with the patterns that spell them out', () => {
  it('matches each hedge word alone with the OPTION pattern', () => {
    const option = SCANNED_PATTERNS[Phrase.Option];
    for (const word of HEDGE_WORDS) {
      option.lastIndex = 0;
      assert.equal(option.exec(word)?.[0], word, word);
    }
  });

  it('lists the adverbs among the finite words they stand apart from', () => {
    for (const word of FINITE_ADVERBS) assert.ok(FINITE.has(word), word);
  });
});
