import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentLibrary } from '../../src/core/content/library';
import { compareWeeks, flagsRaised, leftFlagged, MIN_COMMENTS_BEFORE, roughFraction, type Comparison } from '../../src/core/reflection/compare';
import type { ReviewReflectionReport, WeekFigures } from '../../src/core/reflection/figures';
import {
  chartPoints,
  comparisonFor,
  comparisonSentence,
  fractionText,
  seriesPath,
  topRules,
  YOUR_REVIEWS_STRINGS,
  yourReviewsHtml,
} from '../../src/core/reflection/reflection-html';
import { reflectionFileName, reflectionNote, reflectionQuestions, topRuleOf, weekOfReflectionFile } from '../../src/core/reflection/reflection-note';
import { promptCardFor, RULE_PROMPT_CARDS } from '../../src/core/reflection/rule-cards';
import { parseReflectionFolder } from '../../src/core/reflection/reflection-folder';
import { recentWeeks, weekDays } from '../../src/core/reflection/week';
import { parseYourReviewsMessage } from '../../src/core/sidebar/your-reviews-protocol';
import { contentSecurityPolicy } from '../../src/core/sidebar/page-head';
import { TONE_RULES } from '../../src/core/tone/rules';
import type { Card } from '../../src/core/types';
import { card } from './fixtures';

const root = path.resolve(__dirname, '..', '..', '..');

function shippedLibrary(): ContentLibrary {
  const { cards } = JSON.parse(readFileSync(path.join(root, 'dist', 'content.json'), 'utf8')) as { cards: Card[] };
  return new ContentLibrary(cards);
}

function week(key: string, figures: Partial<Omit<WeekFigures, 'week'>> = {}): WeekFigures {
  return {
    week: key,
    commentsFinished: 0,
    commentsFlagged: 0,
    commentsLeftFlagged: 0,
    commentsRewritten: 0,
    flagsByRule: {},
    resolvedByRewrite: 0,
    resolvedByLabel: 0,
    leftInPlace: 0,
    sessions: 0,
    sessionMinutes: 0,
    ...figures,
  };
}

/**
 * A week of `finished` comments: `left` of them went out with a directive flag left in (two flags each),
 * `rewritten` others had a rewrite taken (one flag each). More flags than comments, so a share of flags
 * would differ from the share of comments.
 */
const flagged = (key: string, left: number, finished: number, rewritten = 0) =>
  week(key, {
    commentsFinished: finished,
    commentsFlagged: Math.min(finished, left + rewritten),
    commentsLeftFlagged: left,
    commentsRewritten: rewritten,
    flagsByRule: left + rewritten > 0 ? { imperative: (2 * left) + rewritten } : {},
    leftInPlace: 2 * left,
    resolvedByRewrite: rewritten,
  });

const ASSETS = { cspSource: 'https://webview.test', nonce: 'bm9uY2U', scriptUri: 'https://webview.test/your-reviews.js', styleUri: 'https://webview.test/sidebar.css', codiconsUri: 'https://webview.test/codicon.css' };
const WEEKS = recentWeeks('2026-W48', 12);

describe('review reflection: the rule → review prompt map', () => {
  it('maps every tone rule to a shipped review prompt card', () => {
    const library = shippedLibrary();
    for (const rule of TONE_RULES) {
      const cardId = RULE_PROMPT_CARDS[rule.id];
      assert.ok(cardId, `${rule.id} has a card`);
      assert.equal(library.get(cardId)?.kind, 'prompt', `${rule.id} → ${cardId} is a shipped prompt card`);
    }
    assert.deepEqual(Object.keys(RULE_PROMPT_CARDS).sort(), TONE_RULES.map((rule) => rule.id).sort(), 'no entry for a rule that does not exist');
  });

  it('knows no card for an id that is no rule, including inherited property names', () => {
    assert.equal(promptCardFor('imperative'), 'ask-dont-tell');
    for (const id of ['nope', 'constructor', 'toString', '__proto__', '']) assert.equal(promptCardFor(id), undefined, id);
  });
});

describe('review reflection: weeks', () => {
  it('lists the 12 weeks ending with this one, across a year with 53 weeks', () => {
    assert.deepEqual(recentWeeks('2026-W02', 4), ['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
    assert.deepEqual(recentWeeks('2021-W01', 3), ['2020-W52', '2020-W53', '2021-W01']);
    assert.equal(WEEKS.length, 12);
    assert.equal(WEEKS[0], '2026-W37');
    assert.equal(WEEKS[11], '2026-W48');
    assert.deepEqual(recentWeeks('not a week', 12), []);
  });

  it('gives a week its Monday and Sunday', () => {
    assert.deepEqual(weekDays('2026-W01'), { first: '2025-12-29', last: '2026-01-04' });
    assert.equal(weekDays('2026-W60'), undefined);
  });
});

describe('review reflection: the comparison with the four weeks before', () => {
  const before = (left: number, finished: number) => [flagged('2026-W44', left, finished)];

  it('counts flags over every rule, ignoring what is not a positive number', () => {
    assert.equal(flagsRaised(week('2026-W48', { flagsByRule: { imperative: 2, verdict: 3, wish: -1, blocking: Number.NaN } })), 5);
    assert.equal(flagsRaised(undefined), 0);
  });

  it('counts finished comments, not flags: a comment with two flags left in is one comment', () => {
    // 2 comments went out flagged (4 flags left in), 1 had a rewrite taken, of 6 finished.
    assert.deepEqual(leftFlagged([flagged('2026-W48', 2, 6, 1)]), { left: 2, finished: 6 });
    assert.equal(flagged('2026-W48', 2, 6, 1).leftInPlace, 4, 'the fixture has more flags than comments');
    assert.deepEqual(leftFlagged([flagged('2026-W47', 1, 3), undefined, flagged('2026-W48', 2, 6)]), { left: 3, finished: 9 });
    // More comments left flagged than finished (two windows disagreeing) never make a share above 1.
    assert.deepEqual(leftFlagged([week('2026-W48', { commentsFinished: 1, commentsLeftFlagged: 3 })]), { left: 1, finished: 1 });
  });

  it('says nothing is counted this week, with the weeks before when they had finished comments', () => {
    assert.deepEqual(compareWeeks(undefined, []), { kind: 'nothingThisWeek', before: undefined });
    assert.deepEqual(compareWeeks(week('2026-W48', { sessions: 1 }), before(2, 6)), { kind: 'nothingThisWeek', before: { left: 2, finished: 6 } });
    assert.equal(
      comparisonSentence(compareWeeks(undefined, before(2, 6))),
      'No comment finished yet this week. In the four weeks before, 2 of 6 comments went out with a directive flag left in.',
    );
    assert.equal(comparisonSentence(compareWeeks(undefined, [undefined, undefined])), 'No comment finished yet this week.');
  });

  it('says what became of a single comment this week, and compares nothing with it', () => {
    assert.deepEqual(compareWeeks(flagged('2026-W48', 1, 1), before(0, 20)), { kind: 'oneThisWeek', leftFlagged: true });
    assert.equal(comparisonSentence(compareWeeks(flagged('2026-W48', 1, 1), before(0, 20))), 'This week, your one finished comment went out with a directive flag left in.');
    assert.equal(comparisonSentence(compareWeeks(week('2026-W48', { commentsFinished: 1, commentsFlagged: 1, commentsRewritten: 1 }), [])), 'This week, your one finished comment went out with no directive flag left in.');
  });

  it(`does not compare with fewer than ${MIN_COMMENTS_BEFORE} finished comments in the four weeks before`, () => {
    const now = flagged('2026-W48', 2, 9);
    assert.deepEqual(compareWeeks(now, before(1, MIN_COMMENTS_BEFORE - 1)), { kind: 'tooLittleBefore', now: { left: 2, finished: 9 } });
    assert.equal(compareWeeks(now, before(1, MIN_COMMENTS_BEFORE)).kind, 'compared');
    // Many flags before, on few comments: still too little.
    assert.equal(compareWeeks(now, [week('2026-W45', { commentsFinished: 2, commentsLeftFlagged: 2, flagsByRule: { imperative: 20 }, leftInPlace: 20 })]).kind, 'tooLittleBefore');
    assert.equal(
      comparisonSentence(compareWeeks(now, [])),
      'This week, 2 of 9 comments went out with a directive flag left in. The four weeks before have too few finished comments to compare with.',
    );
  });

  it('says fewer, about the same or more, and the share before as a rough fraction', () => {
    const cases: [now: WeekFigures, before: WeekFigures[], trend: string, sentence: string][] = [
      [flagged('2026-W48', 2, 9), before(10, 30), 'fewer', 'This week, 2 of 9 comments went out with a directive flag left in: fewer than in the four weeks before, when about 1 in 3 did.'],
      [flagged('2026-W48', 3, 9), before(10, 30), 'same', 'This week, 3 of 9 comments went out with a directive flag left in: about the same as in the four weeks before, when about 1 in 3 did.'],
      [flagged('2026-W48', 6, 9), before(10, 30), 'more', 'This week, 6 of 9 comments went out with a directive flag left in: more than in the four weeks before, when about 1 in 3 did.'],
      [flagged('2026-W48', 0, 8), before(0, 20), 'same', 'This week, 0 of 8 comments went out with a directive flag left in: about the same as in the four weeks before, when none did.'],
      [flagged('2026-W48', 1, 8), before(20, 20), 'fewer', 'This week, 1 of 8 comments went out with a directive flag left in: fewer than in the four weeks before, when all did.'],
      [flagged('2026-W48', 4, 8), before(5, 10), 'same', 'This week, 4 of 8 comments went out with a directive flag left in: about the same as in the four weeks before, when about half did.'],
    ];
    for (const [now, previous, trend, sentence] of cases) {
      const comparison = compareWeeks(now, previous);
      assert.equal(comparison.kind === 'compared' && comparison.trend, trend, sentence);
      assert.equal(comparisonSentence(comparison), sentence);
    }
  });

  it('compares shares of comments, where shares of flags would say the opposite', () => {
    // This week: 2 of 9 comments went out flagged, but with 6 flags each (12 of 13 flags left in).
    const now = week('2026-W48', { commentsFinished: 9, commentsFlagged: 3, commentsLeftFlagged: 2, flagsByRule: { imperative: 13 }, leftInPlace: 12, resolvedByRewrite: 1, commentsRewritten: 1 });
    // Before: 10 of 30 comments, one flag each, and 20 flags rewritten (10 of 30 flags left in).
    const previous = [week('2026-W44', { commentsFinished: 30, commentsFlagged: 30, commentsLeftFlagged: 10, flagsByRule: { imperative: 30 }, leftInPlace: 10, resolvedByRewrite: 20, commentsRewritten: 20 })];
    const comparison = compareWeeks(now, previous);
    assert.deepEqual(comparison, { kind: 'compared', now: { left: 2, finished: 9 }, before: { left: 10, finished: 30 }, trend: 'fewer' });
  });

  it('calls a change of less than one comment "about the same", however large the share moves', () => {
    // 1 of 2 (50%) against 1 in 4 (25%) before: one comment less would make it 0 of 2; the difference is half a comment.
    const comparison = compareWeeks(flagged('2026-W48', 1, 2), before(5, 20));
    assert.equal(comparison.kind === 'compared' && comparison.trend, 'same');
    // 2 of 2 against 1 in 4: one and a half comments more than the weeks before would have had.
    const more = compareWeeks(flagged('2026-W48', 2, 2), before(5, 20));
    assert.equal(more.kind === 'compared' && more.trend, 'more');
  });

  it('sums the four weeks before, leaving out this week and older weeks', () => {
    const weeks = recentWeeks('2026-W48', 12);
    const report: ReviewReflectionReport = {
      weeks: [flagged('2026-W40', 30, 30), flagged('2026-W43', 0, 10), flagged('2026-W44', 1, 1), flagged('2026-W47', 4, 4), flagged('2026-W48', 1, 3)],
    };
    const comparison = comparisonFor(report, weeks);
    assert.deepEqual(comparison.kind === 'compared' && comparison.before, { left: 5, finished: 5 });
    assert.deepEqual(comparison.kind === 'compared' && comparison.now, { left: 1, finished: 3 });
  });

  it('puts shares into small fractions, never rounding a share to none or all', () => {
    const text = (left: number, raised: number) => fractionText(roughFraction(left, raised), YOUR_REVIEWS_STRINGS);
    assert.equal(text(0, 7), 'none');
    assert.equal(text(7, 7), 'all');
    assert.equal(text(10, 30), 'about 1 in 3');
    assert.equal(text(5, 10), 'about half');
    assert.equal(text(2, 8), 'about 1 in 4');
    assert.equal(text(3, 4), 'about 3 in 4');
    assert.equal(text(1, 100), 'about 1 in 10');
    assert.equal(text(99, 100), 'about 9 in 10');
    assert.equal(text(2, 5), 'about 2 in 5');
    // Every share strictly between 0 and 1 reads as a fraction strictly between too.
    for (let raised = 2; raised <= 40; raised++) {
      for (let left = 1; left < raised; left++) {
        const fraction = roughFraction(left, raised);
        assert.ok(fraction.kind === 'half' || fraction.kind === 'about', `${left}/${raised}`);
        if (fraction.kind === 'about') {
          assert.ok(fraction.numerator >= 1 && fraction.numerator < fraction.denominator && fraction.denominator <= 10, `${left}/${raised}`);
          assert.ok(Math.abs((fraction.numerator / fraction.denominator) - (left / raised)) <= 0.1, `${left}/${raised} ≈ ${fraction.numerator}/${fraction.denominator}`);
        }
      }
    }
  });

  it('never grades the reviewer: no sentence uses words of praise or blame', () => {
    const comparisons: Comparison[] = [
      compareWeeks(undefined, []),
      compareWeeks(undefined, [flagged('2026-W44', 10, 30)]),
      compareWeeks(flagged('2026-W48', 2, 9), [flagged('2026-W44', 10, 30)]),
      compareWeeks(flagged('2026-W48', 6, 9), [flagged('2026-W44', 10, 30)]),
      compareWeeks(flagged('2026-W48', 3, 9), [flagged('2026-W44', 10, 30)]),
      compareWeeks(flagged('2026-W48', 3, 9), []),
      compareWeeks(flagged('2026-W48', 1, 1), []),
      compareWeeks(flagged('2026-W48', 0, 1), []),
      compareWeeks(week('2026-W48', { commentsFinished: 3 }), []),
    ];
    assert.deepEqual(new Set(comparisons.map((comparison) => comparison.kind)), new Set(['nothingThisWeek', 'oneThisWeek', 'tooLittleBefore', 'compared']), 'every kind of sentence');
    for (const comparison of comparisons) {
      assert.doesNotMatch(comparisonSentence(comparison), /\b(good|bad|better|worse|well done|great|improv|fail|should|!)/i);
    }
  });
});

describe('review reflection: the chart', () => {
  it('has one point per week of the window: shares of finished comments, with gaps where a week had none', () => {
    const report: ReviewReflectionReport = {
      weeks: [
        flagged('2026-W30', 9, 9),
        flagged('2026-W38', 1, 4, 2),
        week('2026-W40', { commentsFinished: 3 }),
        week('2026-W42', { sessions: 2, sessionMinutes: 30 }),
        flagged('2026-W48', 0, 2, 2),
      ],
    };
    const points = chartPoints(report, WEEKS);
    assert.deepEqual(points.map((point) => point.week), WEEKS, 'the 12 weeks only: 2026-W30 is outside');
    const at = (key: string) => points.find((point) => point.week === key)!;
    // 1 of 4 comments left flagged (2 of 4 flags), 2 of 4 comments rewritten (2 of 4 flags).
    assert.deepEqual(at('2026-W38'), { week: '2026-W38', comments: 4, leftFlagged: 1, rewritten: 2, leftFlaggedShare: 0.25, rewrittenShare: 0.5 });
    assert.deepEqual([at('2026-W40').comments, at('2026-W40').leftFlaggedShare, at('2026-W40').rewrittenShare], [3, 0, 0], 'comments without flags: 0%');
    assert.deepEqual([at('2026-W41').leftFlaggedShare, at('2026-W41').rewrittenShare], [undefined, undefined], 'nothing counted: a gap, not 0%');
    assert.deepEqual([at('2026-W42').leftFlaggedShare, at('2026-W42').rewrittenShare], [undefined, undefined], 'sessions but no finished comment: a gap');
    assert.deepEqual([at('2026-W48').leftFlaggedShare, at('2026-W48').rewrittenShare], [0, 1]);
  });

  it('never draws a share above 100%, whatever the stored counts say', () => {
    const [point] = chartPoints({ weeks: [week('2026-W48', { commentsFinished: 2, commentsLeftFlagged: 5, commentsRewritten: 3 })] }, ['2026-W48']);
    assert.deepEqual([point.leftFlagged, point.rewritten, point.leftFlaggedShare, point.rewrittenShare], [2, 2, 1, 1]);
  });

  it('draws a line only through neighbouring weeks with a share', () => {
    assert.equal(seriesPath([undefined, undefined]), '');
    // A lone week is a marker, not a line.
    assert.equal(seriesPath([undefined, 0.5, undefined]), '');
    // Five weeks across the plot (x 34 to 292, 64.5 apart); 0% at y 104, 100% at y 10.
    const path = seriesPath([0, 1, undefined, 0.5, 0.5]);
    const segments = path.split(' M').length;
    assert.equal(segments, 2, path);
    assert.match(path, /^M34 104 L98.5 10 M227.5 57 L292 57$/);
  });

  it('marks every week with a finished comment, and none without, in the page', () => {
    const report: ReviewReflectionReport = {
      weeks: [flagged('2026-W38', 1, 4, 2), week('2026-W40', { commentsFinished: 3 }), week('2026-W42', { sessions: 1 }), flagged('2026-W47', 1, 1), flagged('2026-W48', 0, 2, 2)],
    };
    const html = yourReviewsHtml({ report, weeks: WEEKS, counting: true, library: shippedLibrary() }, ASSETS);
    const marked = (kind: string) => [...html.matchAll(new RegExp(`class="chart-point ${kind}" data-week="([^"]+)"`, 'g'))].map((match) => match[1]);
    assert.deepEqual(marked('left-flagged'), ['2026-W38', '2026-W40', '2026-W47', '2026-W48']);
    assert.deepEqual(marked('rewritten'), ['2026-W38', '2026-W40', '2026-W47', '2026-W48']);
    assert.match(html, /<svg class="chart" id="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 300 128" width="100%"/);
    assert.match(html, /<title id="chart-title">Finished comments per week: the share that went out with a directive flag left in, and the share where a rewrite was taken<\/title>/);
    // 2 of 10 comments left flagged (W38 1, W47 1), 4 of 10 rewritten (W38 2, W48 2).
    assert.match(html, /<desc id="chart-desc">Over the last 12 weeks, 2 of 10 finished comments went out with a directive flag left in, and in 4 a rewrite was taken\. Weeks without a finished comment are gaps\.<\/desc>/);
    // The table says the same, for screen readers: a row per week, with a header cell per row.
    assert.equal([...html.matchAll(/<tr data-week="/g)].length, 12);
    assert.match(html, /<caption>Finished comments per week<\/caption>/);
    assert.match(html, /<thead><tr><th scope="col">Week<\/th><th scope="col">Comments<\/th><th scope="col">Flag left in<\/th><th scope="col">Rewrite taken<\/th><\/tr><\/thead>/);
    assert.match(html, /<tr data-week="2026-W38"><th scope="row">2026-W38<\/th><td>4<\/td><td>1 \(25%\)<\/td><td>2 \(50%\)<\/td><\/tr>/);
    assert.match(html, /<tr data-week="2026-W40"><th scope="row">2026-W40<\/th><td>3<\/td><td>0 \(0%\)<\/td><td>0 \(0%\)<\/td><\/tr>/);
    assert.match(html, /<tr data-week="2026-W42"><th scope="row">2026-W42<\/th><td>0<\/td><td>no comments<\/td><td>no comments<\/td><\/tr>/);
    // Colours come from classes (the CSP allows no inline style).
    assert.doesNotMatch(html, /style=/);
  });

  it('says so when no comment was finished in the 12 weeks', () => {
    const html = yourReviewsHtml({ report: { weeks: [week('2026-W48', { sessions: 2, sessionMinutes: 40 })] }, weeks: WEEKS, counting: true, library: shippedLibrary() }, ASSETS);
    assert.match(html, /<desc id="chart-desc">No comment finished in the last 12 weeks\.<\/desc>/);
    assert.doesNotMatch(html, /class="chart-point/);
  });

  it('labels every other week, ending with this one', () => {
    const html = yourReviewsHtml({ report: { weeks: [flagged('2026-W48', 1, 2)] }, weeks: WEEKS, counting: true, library: shippedLibrary() }, ASSETS);
    const labels = [...html.matchAll(/text-anchor="middle">([^<]+)</g)].map((match) => match[1]);
    assert.deepEqual(labels, ['W38', 'W40', 'W42', 'W44', 'W46', 'W48']);
  });
});

describe('review reflection: the Your Reviews page', () => {
  it('shows the empty state, with how counting works and that it stays on this machine, and the Reflect button', () => {
    const html = yourReviewsHtml({ report: { weeks: [] }, weeks: WEEKS, counting: true, library: shippedLibrary() }, ASSETS);
    assert.match(html, /id="reflection-empty"/);
    assert.match(html, /Nothing counted yet\./);
    assert.match(html, /on this machine/);
    assert.doesNotMatch(html, /<svg/);
    assert.match(html, /<button type="button" id="reflect" data-action="reflect">/);
    assert.doesNotMatch(html, /id="counting-off"/);
    // Figures outside the 12 weeks count as nothing yet.
    assert.match(yourReviewsHtml({ report: { weeks: [flagged('2025-W01', 1, 1)] }, weeks: WEEKS, counting: true, library: shippedLibrary() }, ASSETS), /id="reflection-empty"/);
  });

  it('says when counting is off', () => {
    const html = yourReviewsHtml({ report: { weeks: [flagged('2026-W48', 1, 2)] }, weeks: WEEKS, counting: false, library: shippedLibrary() }, ASSETS);
    assert.match(html, /id="counting-off"[^]*leadFromBehind\.reflection\.enabled/);
    assert.match(html, /<svg/, 'figures counted before still show');
  });

  it('lists the three rules flagged most, each with a button for its review prompt card', () => {
    const report: ReviewReflectionReport = {
      weeks: [
        week('2026-W40', { commentsFinished: 5, flagsByRule: { verdict: 4, imperative: 1, wish: 2 } }),
        week('2026-W48', { commentsFinished: 5, flagsByRule: { imperative: 3, 'accusing-why': 2, 'not-a-rule': 50 } }),
        week('2026-W20', { commentsFinished: 5, flagsByRule: { blocking: 99 } }),
      ],
    };
    const library = shippedLibrary();
    const top = topRules(report, WEEKS, library);
    // Ties (imperative 4, verdict 4; wish 2, accusing-why 2) in the rules' own order; unknown ids and old weeks left out.
    assert.deepEqual(top, [
      { ruleId: 'imperative', count: 4, cardId: 'ask-dont-tell' },
      { ruleId: 'verdict', count: 4, cardId: 'speak-for-yourself' },
      { ruleId: 'accusing-why', count: 2, cardId: 'question-the-code-not-the-person' },
    ]);
    const html = yourReviewsHtml({ report, weeks: WEEKS, counting: true, library }, ASSETS);
    const buttons = [...html.matchAll(/data-action="openCard" data-id="([^"]+)" aria-label="([^"]+)"/g)].map((match) => [match[1], match[2]]);
    assert.deepEqual(buttons, [
      ['ask-dont-tell', 'Show the review prompt &quot;Ask, don&#39;t tell&quot;, for Bare imperative'],
      ['speak-for-yourself', 'Show the review prompt &quot;Speak for yourself&quot;, for Bare verdict'],
      ['question-the-code-not-the-person', `Show the review prompt &quot;${library.get('question-the-code-not-the-person')!.title.replace(/'/g, '&#39;')}&quot;, for Accusing question`],
    ]);
    assert.match(html, /<span class="rule-count">4 flags<\/span>/);
  });

  it('names a rule without a button when the library lacks its card', () => {
    const report: ReviewReflectionReport = { weeks: [week('2026-W48', { commentsFinished: 1, flagsByRule: { imperative: 1 } })] };
    const html = yourReviewsHtml({ report, weeks: WEEKS, counting: true, library: new ContentLibrary([]) }, ASSETS);
    assert.match(html, /<li class="top-rule" data-rule="imperative"><span class="rule-name">Bare imperative<\/span> <span class="rule-count">1 flag<\/span><\/li>/);
    assert.doesNotMatch(html, /data-action="openCard"/);
  });

  it('escapes every word, week key and card title, and keeps the CSP of the sidebar', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const strings = Object.fromEntries(Object.keys(YOUR_REVIEWS_STRINGS).map((key) => [key, `${hostile}{0}`])) as typeof YOUR_REVIEWS_STRINGS;
    const library = new ContentLibrary([card({ id: 'ask-dont-tell', kind: 'prompt', title: hostile })]);
    const report = { weeks: [week(`2026-W48`, { commentsFinished: 2, flagsByRule: { imperative: 2 }, leftInPlace: 1 }), week(hostile, { commentsFinished: 1 })] };
    const html = yourReviewsHtml({ report, weeks: [...WEEKS.slice(0, 11), '2026-W48'], counting: false, library, ruleName: () => hostile }, ASSETS, strings);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /"'&[^a#]/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
    assert.ok(html.includes(`content="${contentSecurityPolicy(ASSETS.cspSource, ASSETS.nonce).replace(/'/g, '&#39;')}"`));
  });
});

describe('review reflection: the page messages', () => {
  const known = (id: string) => id === 'ask-dont-tell';
  it('accepts its two messages, and a card only when the page may link to it; the handshake and Retry are not the view\'s', () => {
    // RenderedWebviewView answers "ready" and "retry" before the view's own handler sees a message.
    assert.equal(parseYourReviewsMessage({ type: 'ready' }, known), undefined);
    assert.equal(parseYourReviewsMessage({ type: 'retry' }, known), undefined);
    assert.deepEqual(parseYourReviewsMessage({ type: 'reflect', extra: 1 }, known), { type: 'reflect' });
    assert.deepEqual(parseYourReviewsMessage({ type: 'openCard', id: 'ask-dont-tell' }, known), { type: 'openCard', id: 'ask-dont-tell' });
    for (const raw of [null, 'reflect', 42, {}, { type: 'insert', id: 'ask-dont-tell' }, { type: 'openCard', id: 'nope' }, { type: 'openCard', id: ['ask-dont-tell'] }, { type: 'openCard' }]) {
      assert.equal(parseYourReviewsMessage(raw, known), undefined, JSON.stringify(raw));
    }
  });
});

describe('review reflection: the note', () => {
  const library = shippedLibrary();
  const ruleName = (id: string) => TONE_RULES.find((rule) => rule.id === id)?.name ?? id;

  it('is named by its ISO week, and the name reads back', () => {
    assert.equal(reflectionFileName('2026-W48'), '2026-W48-reflection.md');
    assert.equal(weekOfReflectionFile('2026-W48-reflection.md'), '2026-W48');
    for (const name of ['2026-W48-reflection.md.bak', 'notes.md', '2026-W4-reflection.md', '../2026-W48-reflection.md']) assert.equal(weekOfReflectionFile(name), undefined, name);
  });

  it('holds the week figures, the card of the rule flagged most with its question, two questions from the model, and a line for next week', () => {
    const figures = week('2026-W48', {
      commentsFinished: 9,
      commentsFlagged: 4,
      commentsLeftFlagged: 1,
      commentsRewritten: 2,
      flagsByRule: { verdict: 2, imperative: 4 },
      resolvedByRewrite: 3,
      resolvedByLabel: 1,
      leftInPlace: 2,
      sessions: 2,
      sessionMinutes: 45,
    });
    const note = reflectionNote({ week: '2026-W48', firstDay: '2026-11-23', lastDay: '2026-11-29', figures, comparison: 'A sentence.', library, ruleName });
    const lines = note.split('\n');
    assert.equal(lines[0], '# Reflection on week 2026-W48');
    assert.ok(lines.includes('*2026-11-23 to 2026-11-29*'));
    for (const line of [
      '- Comments finished: 9',
      '- Comments with a directive flag while you wrote them: 4',
      '- Comments that went out with a directive flag left in: 1',
      '- Comments in which you took a rewrite: 2',
      // The flags, apart from the comments: a comment can hold several.
      '- Directive flags: 6 (By rule: Bare imperative 4, Bare verdict 2)',
      '  - Resolved by a rewrite: 3',
      '  - Resolved by a label: 1',
      '  - Left in when the comment went out: 2',
      '- Review sessions: 2 (45 minutes)',
      'A sentence.',
      '## The habit that came up most: Bare imperative',
      `### ${library.get('ask-dont-tell')!.title}`,
      `**Reflect:** ${library.get('ask-dont-tell')!.question}`,
      '## Questions to reflect on',
      '## One thing to try next week',
    ]) {
      assert.ok(lines.includes(line), `has the line ${JSON.stringify(line)}\n${note}`);
    }
    const questions = lines.filter((line) => /^\d\. /.test(line));
    assert.equal(questions.length, 2);
    const asked = reflectionQuestions(library, '2026-W48', 'ask-dont-tell');
    assert.deepEqual(questions, asked.map((card, index) => `${index + 1}. ${card.question} *(${card.title})*`));
    assert.match(note, /- \n$/, 'ends with an empty item to write in');
  });

  it('says when nothing was counted or nothing was flagged', () => {
    const empty = reflectionNote({ week: '2026-W48', figures: undefined, library, ruleName });
    assert.match(empty, /Nothing was counted this week\./);
    assert.match(empty, /No directive flag came up this week/);
    assert.equal(empty.split('\n').filter((line) => /^\d\. /.test(line)).length, 2);
  });

  it('asks two different questions of the model each week, the same all week, never the card already shown', () => {
    const concepts = library.ofKind('concept').map((card) => card.id);
    const seen = new Set<string>();
    for (const key of recentWeeks('2026-W48', 30)) {
      const pair = reflectionQuestions(library, key, concepts[0]);
      assert.equal(pair.length, 2);
      assert.notEqual(pair[0].id, pair[1].id, key);
      assert.ok(pair.every((card) => card.id !== concepts[0] && (card.kind === 'concept' || card.kind === 'tip')), key);
      assert.deepEqual(reflectionQuestions(library, key, concepts[0]), pair);
      seen.add(pair.map((card) => card.id).join());
    }
    assert.ok(seen.size > 10, 'the pair changes from week to week');
  });

  it('takes the rule flagged most of the week', () => {
    assert.equal(topRuleOf(week('2026-W48', { flagsByRule: { verdict: 1, wish: 3, imperative: 3 } })), 'wish');
    assert.equal(topRuleOf(week('2026-W48')), undefined);
    assert.equal(topRuleOf(undefined), undefined);
  });
});

describe('review reflection: the notes folder setting', () => {
  it('reads empty as the extension storage, ~ as home, absolute paths as they are, and refuses relative ones', () => {
    assert.deepEqual(parseReflectionFolder(''), { kind: 'storage' });
    assert.deepEqual(parseReflectionFolder('   '), { kind: 'storage' });
    assert.deepEqual(parseReflectionFolder('~'), { kind: 'home', segments: [] });
    assert.deepEqual(parseReflectionFolder('~/notes/./reflections/'), { kind: 'home', segments: ['notes', 'reflections'] });
    assert.deepEqual(parseReflectionFolder('~\\notes'), { kind: 'home', segments: ['notes'] });
    assert.deepEqual(parseReflectionFolder(' /srv/me/notes '), { kind: 'absolute', path: '/srv/me/notes' });
    assert.deepEqual(parseReflectionFolder('C:\\Users\\me'), { kind: 'absolute', path: 'C:\\Users\\me' });
    for (const value of ['notes', 'docs/reflections', '~me/notes', './x', 'C:relative']) assert.deepEqual(parseReflectionFolder(value), { kind: 'invalid' }, value);
  });
});
