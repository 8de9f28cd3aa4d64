/**
 * The Follow-through section's body, as HTML: a chart, the same figures as a table, the stuck actions, and
 * who carries the actions. Pure; the extension puts it in the sidebar page, whose stylesheet colours it.
 *
 * - Everything from the notes (action text, owners, file names) is escaped; action text is shown as plain
 *   text, its markdown already read (`TaskItem.text`).
 * - No inline style and nothing remote: the chart is inline SVG whose parts carry classes (`ft-done`,
 *   `ft-carried`, `ft-dropped`, `ft-rate`, `ft-rate-point`, `ft-grid`, `ft-axis`), coloured by the sidebar's
 *   stylesheet with theme variables (`--vscode-charts-green`, `-yellow`, `-red`, `-lines`, `--vscode-foreground`).
 * - Every word comes from `strings` (English defaults in `FOLLOW_THROUGH_STRINGS`, translated by the
 *   extension), `{0}` placeholders filled with escaped values.
 * - A stuck action is a button with `data-file` (relative path) and `data-line` (0-based): the page asks
 *   the extension to open it. The Review Open Actions button has `data-command="reviewOpenActions"`.
 */
import { fill } from '../message';
import { lineRuns, round } from '../sidebar/chart';
import { escapeAll, escapeHtml } from '../sidebar/html';
import type { FollowThroughAction, FollowThroughReport, RetroFigures } from './report';
import { carryConcentration, followThroughRate, STUCK_AFTER, stuckActions } from './views';

export const FOLLOW_THROUGH_STRINGS = {
  noNotes: 'No retro notes yet. Start one with New Retrospective Note, and its action items will show up here.',
  noActions: 'No action items in the retro notes yet. Write them as task items, such as "- [ ] Write the runbook @sam", and they will show up here.',
  chartSummary: 'Actions in {0} retros, {1} to {2}: {3} done, {4} carried, {5} dropped. Follow-through rate in the latest retro: {6}.',
  done: 'Done',
  carried: 'Carried',
  dropped: 'Dropped',
  rate: 'Follow-through rate',
  barTitle: '{0}: {1} done, {2} carried, {3} dropped; follow-through rate {4}',
  percent: '{0}%',
  noRate: 'none',
  tableCaption: 'Actions per retro',
  tableCaptionLatest: 'Actions per retro, the latest {0} of {1}',
  retro: 'Retro',
  raised: 'Raised',
  stuckHeading: 'Stuck actions',
  stuckIntro: 'Carried {0} times or more. Split them, give them an owner, or drop them.',
  noStuck: 'No open action has been carried {0} times or more.',
  carriedSince: 'carried {0}×, since {1}',
  openAt: 'Open {0} at line {1}',
  moreStuck: 'And {0} more.',
  ownersHeading: 'Who carries the actions',
  ownersCaption: 'Actions per owner',
  owner: 'Owner',
  open: 'Open',
  nobody: 'Nobody named',
  noOwners: 'No action names an owner yet. Add an @name to an action item to give it to someone.',
  leadingFromFront:
    '{0} owns {1} of the {2} open actions. When one person carries most of the actions, the leader may be leading from the front, and the team follows instead of leading. Leading from behind means letting others go first: hand some of these to people who could grow with them.',
  reflect: 'Reflect:',
  reviewOpenActions: 'Review Open Actions',
};
export type FollowThroughStrings = typeof FOLLOW_THROUGH_STRINGS;

/** The chart shows this many retros at most, the latest; so does the table, which repeats its figures. */
export const CHART_RETROS = 12;
/** Stuck actions listed before "And 3 more." */
export const MAX_STUCK_SHOWN = 20;
/** Characters of an action's text shown; the rest goes (the note has it all). */
export const MAX_ACTION_TEXT = 200;

export interface FollowThroughHtmlOptions {
  readonly strings?: FollowThroughStrings;
  /** The reflection question of the card about leading from the front, from the content library. */
  readonly question?: string;
  readonly maxRetros?: number;
  readonly stuckAfter?: number;
}

/** The section's body. */
export function followThroughHtml(report: FollowThroughReport, options: FollowThroughHtmlOptions = {}): string {
  const words = escapeAll(options.strings ?? FOLLOW_THROUGH_STRINGS);
  if (report.retros.length === 0) return `<div class="follow-through">\n<p class="ft-empty">${words.noNotes}</p>\n</div>`;
  if (report.actions.length === 0) return `<div class="follow-through">\n<p class="ft-empty">${words.noActions}</p>\n</div>`;
  const shown = report.retros.slice(-Math.max(1, options.maxRetros ?? CHART_RETROS));
  const parts = [
    chartHtml(shown, words),
    tableHtml(shown, report.retros.length, words),
    stuckHtml(report, options.stuckAfter ?? STUCK_AFTER, words),
    ownersHtml(report, words, options.question),
  ];
  if (report.actions.some((action) => action.status === 'open')) {
    parts.push(`<p class="ft-actions"><button type="button" class="ft-review" data-command="reviewOpenActions">${words.reviewOpenActions}</button></p>`);
  }
  return `<div class="follow-through">\n${parts.join('\n')}\n</div>`;
}

function percent(rate: number | undefined, words: FollowThroughStrings): string {
  return rate === undefined ? words.noRate : fill(words.percent, String(Math.round(rate * 100)));
}

// ---- Chart --------------------------------------------------------------------------------------------

const WIDTH = 300;
const HEIGHT = 150;
const PLOT = { left: 24, right: 276, top: 8, bottom: 118 };

function chartHtml(retros: readonly RetroFigures[], words: FollowThroughStrings): string {
  const totals = retros.reduce((sum, retro) => ({ done: sum.done + retro.done, carried: sum.carried + retro.carried, dropped: sum.dropped + retro.dropped }), { done: 0, carried: 0, dropped: 0 });
  const latest = retros[retros.length - 1];
  const summary = fill(
    words.chartSummary,
    String(retros.length),
    escapeHtml(retros[0].date),
    escapeHtml(latest.date),
    String(totals.done),
    String(totals.carried),
    String(totals.dropped),
    percent(followThroughRate(latest), words),
  );
  const max = Math.max(1, ...retros.map((retro) => retro.done + retro.carried + retro.dropped));
  const height = PLOT.bottom - PLOT.top;
  const slot = (PLOT.right - PLOT.left) / retros.length;
  const barWidth = Math.min(24, slot * 0.6);
  const y = (count: number) => PLOT.bottom - ((count / max) * height);

  const bars = retros.map((retro, index) => {
    const x = round(PLOT.left + (slot * index) + ((slot - barWidth) / 2));
    let base = 0;
    const rects = (['done', 'carried', 'dropped'] as const)
      .filter((part) => retro[part] > 0)
      .map((part) => {
        const top = y(base + retro[part]);
        const rect = `<rect class="ft-${part}" x="${x}" y="${round(top)}" width="${round(barWidth)}" height="${round(y(base) - top)}"></rect>`;
        base += retro[part];
        return rect;
      });
    const title = fill(words.barTitle, escapeHtml(retro.date), String(retro.done), String(retro.carried), String(retro.dropped), percent(followThroughRate(retro), words));
    return `<g class="ft-bar"><title>${title}</title>${rects.join('')}</g>`;
  });

  // The rate line, broken where a retro had nothing due; a point for each retro that had something.
  const runs = lineRuns(retros.map(followThroughRate)).map((run) =>
    run.map(({ index, value }) => ({ cx: round(PLOT.left + (slot * (index + 0.5))), cy: round(PLOT.bottom - (value * height)) })),
  );
  const lines = runs.filter((run) => run.length > 1).map((run) => `<polyline class="ft-rate" points="${run.map(({ cx, cy }) => `${cx},${cy}`).join(' ')}"></polyline>`);
  const dots = runs.flat().map(({ cx, cy }) => `<circle class="ft-rate-point" cx="${cx}" cy="${cy}" r="2.5"></circle>`);

  // Axis labels: counts on the left, the rate on the right, the first and the last date below.
  const label = (x: number, yAt: number, anchor: string, text: string) => `<text class="ft-axis" x="${x}" y="${yAt}" text-anchor="${anchor}">${text}</text>`;
  const dates = [label(PLOT.left, HEIGHT - 14, 'start', escapeHtml(shortDate(retros[0].date)))];
  if (retros.length > 1) dates.push(label(PLOT.right, HEIGHT - 14, 'end', escapeHtml(shortDate(latest.date))));
  const axes = [
    `<line class="ft-grid" x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.right}" y2="${PLOT.top}"></line>`,
    `<line class="ft-grid" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"></line>`,
    label(PLOT.left - 4, PLOT.top + 4, 'end', String(max)),
    label(PLOT.left - 4, PLOT.bottom + 4, 'end', '0'),
    label(PLOT.right + 4, PLOT.top + 4, 'start', fill(words.percent, '100')),
    label(PLOT.right + 4, PLOT.bottom + 4, 'start', fill(words.percent, '0')),
    ...dates,
  ];
  const svg = `<svg class="ft-svg" role="img" aria-label="${summary}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">
<title>${summary}</title>
${axes.join('\n')}
${bars.join('\n')}
${[...lines, ...dots].join('\n')}
</svg>`;
  const legend = (['done', 'carried', 'dropped'] as const)
    .map((part) => `<li><span class="ft-swatch ft-${part}" aria-hidden="true"></span>${words[part]}</li>`)
    .concat(`<li><span class="ft-swatch ft-rate" aria-hidden="true"></span>${words.rate}</li>`);
  return `<figure class="ft-chart">\n${svg}\n<figcaption><ul class="ft-legend" aria-hidden="true">${legend.join('')}</ul></figcaption>\n</figure>`;
}

/** `2026-10-01` → `10-01`: the year would not fit under a narrow chart; the table has it. */
function shortDate(date: string): string {
  return /^\d{4}-(\d{2}-\d{2})$/.exec(date)?.[1] ?? date;
}

// ---- Table --------------------------------------------------------------------------------------------

function tableHtml(retros: readonly RetroFigures[], total: number, words: FollowThroughStrings): string {
  const caption = retros.length < total ? fill(words.tableCaptionLatest, String(retros.length), String(total)) : words.tableCaption;
  const dates = retros.map((retro) => retro.date);
  const rows = retros.map((retro) => {
    // Two notes on one day: the file tells them apart.
    const name = dates.filter((date) => date === retro.date).length > 1 ? `${retro.date} (${baseName(retro.file)})` : retro.date;
    const cells = [retro.raised, retro.done, retro.carried, retro.dropped].map((count) => `<td>${count}</td>`).join('');
    return `<tr><th scope="row">${escapeHtml(name)}</th>${cells}<td>${percent(followThroughRate(retro), words)}</td></tr>`;
  });
  const head = [words.retro, words.raised, words.done, words.carried, words.dropped, words.rate].map((heading) => `<th scope="col">${heading}</th>`).join('');
  return `<table class="ft-table">\n<caption>${caption}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

// ---- Stuck actions --------------------------------------------------------------------------------------

function stuckHtml(report: FollowThroughReport, threshold: number, words: FollowThroughStrings): string {
  const stuck = stuckActions(report, threshold);
  const heading = `<h3 class="ft-heading">${words.stuckHeading}</h3>`;
  if (stuck.length === 0) return `${heading}\n<p class="ft-none">${fill(words.noStuck, String(threshold))}</p>`;
  const items = stuck.slice(0, MAX_STUCK_SHOWN).map((action) => stuckItemHtml(action, words));
  const more = stuck.length > MAX_STUCK_SHOWN ? `\n<p class="ft-more">${fill(words.moreStuck, String(stuck.length - MAX_STUCK_SHOWN))}</p>` : '';
  return `${heading}\n<p class="ft-intro">${fill(words.stuckIntro, String(threshold))}</p>\n<ul class="ft-stuck">\n${items.join('\n')}\n</ul>${more}`;
}

function stuckItemHtml(action: FollowThroughAction, words: FollowThroughStrings): string {
  const file = escapeHtml(action.file);
  const label = fill(words.openAt, escapeHtml(baseName(action.file)), String(action.line + 1));
  const meta = [fill(words.carriedSince, String(action.timesCarried), escapeHtml(action.firstRaised))];
  if (action.owner !== undefined) meta.push(`@${escapeHtml(action.owner)}`);
  return `<li><button type="button" class="ft-open" data-file="${file}" data-line="${action.line}" title="${label}">${escapeHtml(shorten(action.text))}</button> <span class="ft-meta">${meta.join(' · ')}</span></li>`;
}

function shorten(text: string): string {
  const characters = Array.from(text);
  return characters.length <= MAX_ACTION_TEXT ? text : `${characters.slice(0, MAX_ACTION_TEXT - 1).join('').trimEnd()}…`;
}

// ---- Who carries the actions -------------------------------------------------------------------------

function ownersHtml(report: FollowThroughReport, words: FollowThroughStrings, question: string | undefined): string {
  const heading = `<h3 class="ft-heading">${words.ownersHeading}</h3>`;
  const owners = Object.entries(report.owners).sort(([a, x], [b, y]) => y.open - x.open || y.done - x.done || (a < b ? -1 : a > b ? 1 : 0));
  if (owners.length === 0) return `${heading}\n<p class="ft-none">${words.noOwners}</p>`;
  const rows = owners.map(
    ([name, figures]) => `<tr><th scope="row">@${escapeHtml(name)}</th><td>${figures.open}</td><td>${figures.done}</td><td>${figures.dropped}</td></tr>`,
  );
  const nobody = { open: 0, done: 0, dropped: 0 };
  for (const action of report.actions) if (action.owner === undefined) nobody[action.status]++;
  if (nobody.open + nobody.done + nobody.dropped > 0) rows.push(`<tr class="ft-nobody"><th scope="row">${words.nobody}</th><td>${nobody.open}</td><td>${nobody.done}</td><td>${nobody.dropped}</td></tr>`);
  const head = [words.owner, words.open, words.done, words.dropped].map((column) => `<th scope="col">${column}</th>`).join('');
  const table = `<table class="ft-owners">\n<caption>${words.ownersCaption}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  const concentration = carryConcentration(report);
  if (!concentration) return `${heading}\n${table}`;
  const message = fill(words.leadingFromFront, `@${escapeHtml(concentration.owner)}`, String(concentration.open), String(concentration.totalOpen));
  const reflect = question ? `\n<p class="ft-reflect"><strong>${words.reflect}</strong> ${escapeHtml(question)}</p>` : '';
  return `${heading}\n${table}\n<div class="ft-front" role="note">\n<p>${message}</p>${reflect}\n</div>`;
}
