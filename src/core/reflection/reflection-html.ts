import type { ContentLibrary } from '../content/library';
import { fill } from '../message';
import { lineRuns, round } from '../sidebar/chart';
import { escapeAll, escapeHtml } from '../sidebar/html';
import { pageHead } from '../sidebar/page-head';
import type { SidebarAssets } from '../sidebar/sidebar-html';
import { TONE_RULES } from '../tone/rules';
import { compareWeeks, figuresByWeek, flagsRaised, leftFlagged, roughFraction, type Comparison, type Fraction } from './compare';
import type { ReviewReflectionReport } from './figures';
import { promptCardFor } from './rule-cards';

/**
 * Every word the Your Reviews view shows, in English. They are also the keys of the l10n bundles: the
 * extension passes each through vscode.l10n.t. `{0}`, `{1}` … are filled in here.
 */
export const YOUR_REVIEWS_STRINGS = {
  heading: 'Your reviews',
  privacy: 'Only you see this: counts kept on this machine, never the text of a comment.',
  emptyTitle: 'Nothing counted yet.',
  emptyHow:
    'While you write review comments where the tone check runs, Lead From Behind counts per week the comments you finish, the directive flags they had, and whether you rewrote them. Only these counts are kept, in VS Code on this machine; nothing leaves it.',
  countingOff: 'Counting is off (setting leadFromBehind.reflection.enabled). Figures counted before stay until you clear them.',
  trendHeading: 'Last 12 weeks',
  chartTitle: 'Finished comments per week: the share that went out with a directive flag left in, and the share where a rewrite was taken',
  chartSummary: 'Over the last 12 weeks, {0} of {1} finished comments went out with a directive flag left in, and in {2} a rewrite was taken. Weeks without a finished comment are gaps.',
  chartNoComments: 'No comment finished in the last 12 weeks.',
  legendLeftFlagged: 'Flag left in',
  legendRewritten: 'Rewrite taken',
  percent: '{0}%',
  weekAxis: 'W{0}',
  showTable: 'The figures as a table',
  tableCaption: 'Finished comments per week',
  tableWeek: 'Week',
  tableComments: 'Comments',
  tableLeftFlagged: 'Flag left in',
  tableRewritten: 'Rewrite taken',
  noComments: 'no comments',
  rulesHeading: 'Flags that came up most',
  flagCount: '{0} flags',
  flagCountOne: '1 flag',
  openCardLabel: 'Show the review prompt "{0}", for {1}',
  noRules: 'No directive flag in the last 12 weeks.',
  reflect: 'Reflect on This Week',
  compareFewer: 'This week, {0} of {1} comments went out with a directive flag left in: fewer than in the four weeks before, when {2} did.',
  compareSame: 'This week, {0} of {1} comments went out with a directive flag left in: about the same as in the four weeks before, when {2} did.',
  compareMore: 'This week, {0} of {1} comments went out with a directive flag left in: more than in the four weeks before, when {2} did.',
  compareTooLittle: 'This week, {0} of {1} comments went out with a directive flag left in. The four weeks before have too few finished comments to compare with.',
  compareOneLeftFlagged: 'This week, your one finished comment went out with a directive flag left in.',
  compareOneClean: 'This week, your one finished comment went out with no directive flag left in.',
  compareNothing: 'No comment finished yet this week.',
  compareNothingBefore: 'No comment finished yet this week. In the four weeks before, {0} of {1} comments went out with a directive flag left in.',
  fractionNone: 'none',
  fractionAll: 'all',
  fractionHalf: 'about half',
  fractionAbout: 'about {0} in {1}',
};
export type YourReviewsStrings = typeof YOUR_REVIEWS_STRINGS;

/** How many weeks the view draws, ending with this week. */
export const CHART_WEEKS = 12;
/** How many weeks "before" the comparison looks at. */
export const COMPARE_WEEKS = 4;

export interface YourReviewsInput {
  readonly report: ReviewReflectionReport;
  /** The weeks to draw, oldest first; the last is this week. */
  readonly weeks: readonly string[];
  /** Whether counting is on (leadFromBehind.reflection.enabled). */
  readonly counting: boolean;
  /** The cards, for each rule's review prompt. */
  readonly library: ContentLibrary;
  /** A tone rule's name in the display language; English by default. */
  readonly ruleName?: (id: string) => string | undefined;
}

/**
 * One week of the chart, in finished comments: how many went out with a directive flag left in, and in how
 * many a rewrite was taken. The shares are undefined when no comment was finished (a gap, not 0%).
 */
export interface ChartPoint {
  readonly week: string;
  readonly comments: number;
  readonly leftFlagged: number;
  readonly rewritten: number;
  readonly leftFlaggedShare: number | undefined;
  readonly rewrittenShare: number | undefined;
}

/** The chart's figures, one point per week of `weeks`. */
export function chartPoints(report: ReviewReflectionReport, weeks: readonly string[]): ChartPoint[] {
  const byWeek = figuresByWeek(report);
  return weeks.map((week) => {
    const figures = byWeek.get(week);
    const { left, finished } = leftFlagged([figures]);
    // As with left, counts from two windows never make a share above 1.
    const rewritten = Math.min(finished, Math.max(0, figures?.commentsRewritten ?? 0));
    return {
      week,
      comments: finished,
      leftFlagged: left,
      rewritten,
      leftFlaggedShare: finished > 0 ? left / finished : undefined,
      rewrittenShare: finished > 0 ? rewritten / finished : undefined,
    };
  });
}

export interface RuleTally {
  readonly ruleId: string;
  readonly count: number;
  /** The id of the rule's review prompt card, when the library has it. */
  readonly cardId: string | undefined;
}

/** The tone rules flagged most over `weeks`, most first (ties in the rules' own order), at most `limit`. */
export function topRules(report: ReviewReflectionReport, weeks: readonly string[], library: ContentLibrary | undefined, limit = 3): RuleTally[] {
  const inWindow = new Set(weeks);
  const counts = new Map<string, number>();
  for (const figures of report.weeks) {
    if (!inWindow.has(figures.week)) continue;
    for (const [ruleId, count] of Object.entries(figures.flagsByRule)) {
      if (Number.isFinite(count) && count > 0) counts.set(ruleId, (counts.get(ruleId) ?? 0) + count);
    }
  }
  const order = new Map(TONE_RULES.map((rule, index) => [rule.id as string, index]));
  return [...counts]
    .filter(([ruleId]) => order.has(ruleId))
    .sort(([a, countA], [b, countB]) => countB - countA || order.get(a)! - order.get(b)!)
    .slice(0, limit)
    .map(([ruleId, count]) => {
      const cardId = promptCardFor(ruleId);
      return { ruleId, count, cardId: cardId && library?.get(cardId)?.kind === 'prompt' ? cardId : undefined };
    });
}

/** The comparison of this week (the last of `weeks`) with the COMPARE_WEEKS before it. */
export function comparisonFor(report: ReviewReflectionReport, weeks: readonly string[]): Comparison {
  const byWeek = figuresByWeek(report);
  const thisWeek = weeks.at(-1);
  const before = weeks.slice(-1 - COMPARE_WEEKS, -1).map((week) => byWeek.get(week));
  return compareWeeks(thisWeek === undefined ? undefined : byWeek.get(thisWeek), before);
}

export function fractionText(fraction: Fraction, words: Pick<YourReviewsStrings, 'fractionNone' | 'fractionAll' | 'fractionHalf' | 'fractionAbout'>): string {
  switch (fraction.kind) {
    case 'none':
      return words.fractionNone;
    case 'all':
      return words.fractionAll;
    case 'half':
      return words.fractionHalf;
    case 'about':
      return fill(words.fractionAbout, String(fraction.numerator), String(fraction.denominator));
  }
}

/** The comparison in one plain sentence (not HTML: the caller escapes it). */
export function comparisonSentence(comparison: Comparison, words: YourReviewsStrings = YOUR_REVIEWS_STRINGS): string {
  switch (comparison.kind) {
    case 'nothingThisWeek':
      return comparison.before ? fill(words.compareNothingBefore, String(comparison.before.left), String(comparison.before.finished)) : words.compareNothing;
    case 'oneThisWeek':
      return comparison.leftFlagged ? words.compareOneLeftFlagged : words.compareOneClean;
    case 'tooLittleBefore':
      return fill(words.compareTooLittle, String(comparison.now.left), String(comparison.now.finished));
    case 'compared': {
      const template = { fewer: words.compareFewer, same: words.compareSame, more: words.compareMore }[comparison.trend];
      const before = fractionText(roughFraction(comparison.before.left, comparison.before.finished), words);
      return fill(template, String(comparison.now.left), String(comparison.now.finished), before);
    }
  }
}

/** True when the report has anything counted in `weeks`. */
export function hasFigures(report: ReviewReflectionReport, weeks: readonly string[]): boolean {
  const inWindow = new Set(weeks);
  return report.weeks.some((figures) => inWindow.has(figures.week) && (figures.commentsFinished > 0 || flagsRaised(figures) > 0 || figures.sessions > 0));
}

/** The whole Your Reviews page, built on the extension host; its script only sends the buttons' messages. */
export function yourReviewsHtml(input: YourReviewsInput, assets: SidebarAssets, strings: YourReviewsStrings = YOUR_REVIEWS_STRINGS, language = 'en'): string {
  const words = escapeAll(strings);
  const countingOff = input.counting ? '' : `<p class="notice" id="counting-off"><span class="codicon codicon-info" aria-hidden="true"></span> <span>${words.countingOff}</span></p>`;
  const content = hasFigures(input.report, input.weeks)
    ? figuresHtml(input, strings, words)
    : `<div class="empty-state reflection-empty" id="reflection-empty">
<span class="codicon codicon-graph-line" aria-hidden="true"></span>
<p><strong>${words.emptyTitle}</strong></p>
<p>${words.emptyHow}</p>
</div>`;
  return `${pageHead(assets, language)}
<body class="your-reviews">
<main id="your-reviews">
<h1 class="visually-hidden">${words.heading}</h1>
${countingOff}
${content}
<p class="reflection-actions"><button type="button" id="reflect" data-action="reflect"><span class="codicon codicon-notebook" aria-hidden="true"></span>${words.reflect}</button></p>
<p class="privacy"><span class="codicon codicon-lock" aria-hidden="true"></span> <span>${words.privacy}</span></p>
</main>
</body>
</html>`;
}

function figuresHtml(input: YourReviewsInput, strings: YourReviewsStrings, words: YourReviewsStrings): string {
  const points = chartPoints(input.report, input.weeks);
  const sentence = escapeHtml(comparisonSentence(comparisonFor(input.report, input.weeks), strings));
  return `<section class="reflection-section" aria-labelledby="trend-heading">
<h2 id="trend-heading">${words.trendHeading}</h2>
<p class="comparison" id="comparison">${sentence}</p>
${chartSvg(points, words)}
<ul class="chart-legend" aria-hidden="true">
<li><span class="legend-swatch left-flagged"></span>${words.legendLeftFlagged}</li>
<li><span class="legend-swatch rewritten"></span>${words.legendRewritten}</li>
</ul>
<details class="chart-table">
<summary>${words.showTable}</summary>
${chartTable(points, words)}
</details>
</section>
${rulesHtml(input, words)}`;
}

// The chart's drawing area, in viewBox units: 0% at the bottom, 100% at the top.
const VIEW_WIDTH = 300;
const VIEW_HEIGHT = 128;
const PLOT = { left: 34, right: 292, top: 10, bottom: 104 };

function xOf(index: number, count: number): number {
  return count <= 1 ? PLOT.right : PLOT.left + (((PLOT.right - PLOT.left) * index) / (count - 1));
}

function yOf(share: number): number {
  return PLOT.bottom - ((PLOT.bottom - PLOT.top) * share);
}

/** A line through the weeks that have a share; a week without one breaks it (a gap, never 0%). */
export function seriesPath(shares: readonly (number | undefined)[]): string {
  return lineRuns(shares)
    .filter((run) => run.length > 1)
    .map((run) => run.map(({ index, value }, at) => `${at === 0 ? 'M' : 'L'}${round(xOf(index, shares.length))} ${round(yOf(value))}`).join(' '))
    .join(' ');
}

function chartSvg(points: readonly ChartPoint[], words: YourReviewsStrings): string {
  const totals = points.reduce((sum, point) => ({ comments: sum.comments + point.comments, left: sum.left + point.leftFlagged, rewritten: sum.rewritten + point.rewritten }), { comments: 0, left: 0, rewritten: 0 });
  const summary = totals.comments > 0 ? fill(words.chartSummary, String(totals.left), String(totals.comments), String(totals.rewritten)) : words.chartNoComments;
  const grid = [0, 0.5, 1]
    .map((share) => {
      const y = round(yOf(share));
      return `<line class="chart-grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}"></line><text class="chart-axis" x="${PLOT.left - 4}" y="${y + 3}" text-anchor="end">${fill(words.percent, String(share * 100))}</text>`;
    })
    .join('');
  // Every other week is labelled, counting back from this week, which always is.
  const labels = points
    .map((point, index) => {
      if ((points.length - 1 - index) % 2 !== 0) return '';
      const number = /-W(\d{2})$/.exec(point.week)?.[1] ?? '';
      return `<text class="chart-axis" x="${round(xOf(index, points.length))}" y="${VIEW_HEIGHT - 8}" text-anchor="middle">${fill(words.weekAxis, escapeHtml(String(Number(number))))}</text>`;
    })
    .join('');
  const markers = points
    .map((point, index) => {
      const x = round(xOf(index, points.length));
      const week = escapeHtml(point.week);
      const left =
        point.leftFlaggedShare === undefined ? '' : `<circle class="chart-point left-flagged" data-week="${week}" cx="${x}" cy="${round(yOf(point.leftFlaggedShare))}" r="3"></circle>`;
      const rewritten =
        point.rewrittenShare === undefined ? '' : `<rect class="chart-point rewritten" data-week="${week}" x="${x - 2.5}" y="${round(yOf(point.rewrittenShare)) - 2.5}" width="5" height="5"></rect>`;
      return left + rewritten;
    })
    .join('');
  return `<svg class="chart" id="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" focusable="false">
<title id="chart-title">${words.chartTitle}</title>
<desc id="chart-desc">${summary}</desc>
${grid}${labels}
<path class="chart-line left-flagged" d="${seriesPath(points.map((point) => point.leftFlaggedShare))}"></path>
<path class="chart-line rewritten" d="${seriesPath(points.map((point) => point.rewrittenShare))}"></path>
${markers}
</svg>`;
}

function chartTable(points: readonly ChartPoint[], words: YourReviewsStrings): string {
  const share = (count: number, value: number | undefined) => (value === undefined ? words.noComments : `${count} (${fill(words.percent, String(Math.round(value * 100)))})`);
  const rows = points
    .map(
      (point) =>
        `<tr data-week="${escapeHtml(point.week)}"><th scope="row">${escapeHtml(point.week)}</th><td>${point.comments}</td><td>${share(point.leftFlagged, point.leftFlaggedShare)}</td><td>${share(point.rewritten, point.rewrittenShare)}</td></tr>`,
    )
    .join('\n');
  return `<table id="chart-table">
<caption>${words.tableCaption}</caption>
<thead><tr><th scope="col">${words.tableWeek}</th><th scope="col">${words.tableComments}</th><th scope="col">${words.tableLeftFlagged}</th><th scope="col">${words.tableRewritten}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function rulesHtml(input: YourReviewsInput, words: YourReviewsStrings): string {
  const rules = topRules(input.report, input.weeks, input.library);
  const ruleName = (id: string) => input.ruleName?.(id) ?? TONE_RULES.find((rule) => rule.id === id)?.name ?? id;
  const items = rules
    .map(({ ruleId, count, cardId }) => {
      const name = escapeHtml(ruleName(ruleId));
      const flags = count === 1 ? words.flagCountOne : fill(words.flagCount, String(count));
      const card = cardId ? input.library.get(cardId) : undefined;
      const link = card
        ? `<button type="button" class="link-button" data-action="openCard" data-id="${escapeHtml(card.id)}" aria-label="${fill(words.openCardLabel, escapeHtml(card.title), name)}"><span class="codicon codicon-comment-discussion" aria-hidden="true"></span>${escapeHtml(card.title)}</button>`
        : '';
      return `<li class="top-rule" data-rule="${escapeHtml(ruleId)}"><span class="rule-name">${name}</span> <span class="rule-count">${flags}</span>${link}</li>`;
    })
    .join('\n');
  return `<section class="reflection-section" aria-labelledby="rules-heading">
<h2 id="rules-heading">${words.rulesHeading}</h2>
${rules.length > 0 ? `<ol class="top-rules">\n${items}\n</ol>` : `<p>${words.noRules}</p>`}
</section>`;
}

