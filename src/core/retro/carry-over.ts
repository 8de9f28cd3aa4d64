/**
 * Carrying open action items from the previous retrospective note into the new one. Pure: callers read
 * the folder and the old note, and the old note is never changed.
 */
import { isoDate } from './naming';
import { leadingColumns, readTaskTree, type ListItemNode, type TaskTree } from './task-items';

const NOTE_DATE = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/;

/** The `YYYY-MM-DD` a note's file name starts with (folders ignored), or undefined when it has no real date. */
export function parseNoteDate(fileName: string): string | undefined {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  const match = NOTE_DATE.exec(name);
  if (!match) return undefined;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? match[0] : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface PreviousNote {
  readonly fileName: string;
  /** YYYY-MM-DD, from the file name. */
  readonly date: string;
}

/**
 * The note to carry actions over from: the latest `.md` note dated on or before `today`.
 *
 * - Notes dated after today are skipped (prepared in advance, or a clock gone wrong), as are names with
 *   no date: they are not retro notes.
 * - A note from earlier today counts: it already exists, so it was written before the new one.
 *   `excludeName` is the new note itself, for callers that create the file first.
 * - Several notes on the same day: `x-2.md` comes after `x.md` (a name is numbered only because the
 *   plain one was taken, so the suffix counts only when `x.md` is in the list too; `sprint-2.md` alone is
 *   just a title). Notes with different titles on one day have no order in their names, so the last by
 *   name wins, which at least gives the same answer every time.
 */
export function findPreviousNote(fileNames: readonly string[], today: Date | string, excludeName?: string): PreviousNote | undefined {
  const day = typeof today === 'string' ? today : isoDate(today);
  let best: DatedNote | undefined;
  for (const note of datedNotes(fileNames)) {
    if (note.date > day || note.fileName === excludeName) continue;
    if (best === undefined || compareNotes(note, best) > 0) best = note;
  }
  return best && { fileName: best.fileName, date: best.date };
}

/**
 * The `.md` notes among `fileNames` that have a date, oldest first, in the order `findPreviousNote` uses
 * (several on one day: by title, then `x.md`, `x-2.md`, `x-3.md`). Names without a date are left out.
 */
export function notesInDateOrder(fileNames: readonly string[]): PreviousNote[] {
  return datedNotes(fileNames)
    .sort(compareNotes)
    .map(({ fileName, date }) => ({ fileName, date }));
}

interface DatedNote {
  readonly fileName: string;
  readonly date: string;
  /** The name without `.md` and without an attempt number, and the attempt (1 for the plain name). */
  readonly base: string;
  readonly attempt: number;
}

function datedNotes(fileNames: readonly string[]): DatedNote[] {
  const notes = fileNames.filter((name) => /\.md$/i.test(name));
  const stems = new Set(notes.map((name) => name.slice(0, -3)));
  const dated: DatedNote[] = [];
  for (const fileName of notes) {
    const date = parseNoteDate(fileName);
    if (date === undefined) continue;
    const stem = fileName.slice(0, -3);
    const numbered = /^(.*)-(\d+)$/.exec(stem);
    const attempt = numbered && Number(numbered[2]) >= 2 && stems.has(numbered[1]) ? Number(numbered[2]) : 1;
    dated.push({ fileName, date, base: attempt > 1 ? numbered![1] : stem, attempt });
  }
  return dated;
}

function compareNotes(a: DatedNote, b: DatedNote): number {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return order(a.date, b.date) || order(a.base, b.base) || a.attempt - b.attempt || order(a.fileName, b.fileName);
}

// ---- Open task items ----------------------------------------------------------------------------------

type ListItem = ListItemNode;
type Note = Pick<TaskTree, 'lines' | 'continuations'>;

/**
 * Text that would start a block (or turn a paragraph into a heading) if it were indented less than 4
 * columns past its item's text. A lazy line like this was plain text in the old note only because of
 * its indentation, so it must keep enough of it. Erring towards a match only costs a few spaces.
 */
const BLOCK_START = /^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|>|`{3}|~{3}|<|=+[ \t]*$|(?:[-*_][ \t]*){3,}$)/;
/**
 * Lines that start the same block whether a paragraph or a list item comes before them: an item with
 * text, an ATX heading, a fence, a quote. Anything else that followed a checked item (a paragraph, a
 * rule that could pass for a setext underline, an empty item, indented code, HTML) would join or change
 * the paragraph above once that item is gone, so a blank line goes between them.
 */
const SAFE_AFTER_PARAGRAPH = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+\S|#{1,6}(?:[ \t]|$)|`{3}|~{3}|>)/;

/**
 * The unchecked task items of a note (`- [ ]`, `* [ ]`, `+ [ ]`, `1. [ ]`, `1) [ ]`), as markdown blocks
 * ready to paste at the left margin: each with its continuation lines and its own nested items, keeping
 * their relative indentation.
 *
 * - Checked items (`[x]`, `[X]`) are left out, with their text and notes, and so are items struck through
 *   from the start (`- [ ] ~~Write the runbook~~ (dropped 2026-11-30)`): the team let them go.
 * - An unchecked item under a checked one (or under a plain bullet) is still open work: it is carried,
 *   lifted to its parent's place. Losing an agreed action is worse than losing its context.
 * - Plain bullets under an open item are its notes and come with it.
 * - `- [ ]` with nothing after it (an unfilled template line) is not an action, unless something that
 *   is carried sits under it.
 * - Lines in code blocks, block quotes and HTML blocks are not tasks; markdown-it decides what is a list,
 *   so fences with info strings, longer or indented fences and lazy continuation lines all behave as in
 *   the preview.
 * - A numbered item that now starts a list is renumbered 1 (padded so its text stays in its column):
 *   a list that starts at 3 cannot interrupt a paragraph, and would be read as text of the item above.
 * - Where a checked item is removed, a blank line or a little indentation keeps the lines around it
 *   meaning what they meant. With children at their parent's text column, blocks read back as the same
 *   items; only odd indentation (a line between a removed sibling's marker and its text) may not.
 */
export function openTaskItems(markdown: string): string[] {
  const { root, lines, continuations } = readTaskTree(markdown);
  const note: Note = { lines, continuations };
  settleEmptyBoxes(root, note);
  return lift(root, 0, note).map((block) => trimBlank(block).join('\n'));
}

/**
 * An empty box with something carried under it (a note, an open sub-item) heads that content, so it is
 * carried too. Children first: whether they are carried decides what is left under their parent.
 */
function settleEmptyBoxes(item: ListItem, note: Note): void {
  for (const child of item.children) settleEmptyBoxes(child, note);
  if (item.state === 'empty' && trimBlank(carry(item, item.indent, note, false).lines).length > 1) item.state = 'open';
}

/**
 * The lines of an item that is carried, minus its checked sub-items; `shift` columns come off every line.
 * `startsList`: nothing from its own list comes right before it, so a number other than 1 would not hold.
 */
function carry(item: ListItem, shift: number, note: Note, startsList: boolean): Carried {
  const out: string[] = [];
  // A checked item was just left out (here or at the end of a carried sub-item), so what comes next
  // no longer follows what it followed in the old note.
  let dropped = false;
  const push = (text: string) => {
    // 4 columns past the item's text is indented code, whatever it says.
    const safe = SAFE_AFTER_PARAGRAPH.test(text) && leadingColumns(text) < item.content - shift + 4;
    if (dropped && out.length > 0 && out[out.length - 1].trim() && text.trim() && !safe) out.push('');
    dropped = false;
    out.push(text);
  };
  const own = (line: number) => {
    const text = note.lines[line];
    if (line === item.start) return dedent(item.ordered && startsList ? renumber(text) : text, shift);
    // Markdown indents with spaces and tabs only: a leading no-break space is text, and stays.
    const unindented = text.replace(/^[ \t]+/, '');
    if (!note.continuations.has(line) || !BLOCK_START.test(unindented)) return dedent(text, shift);
    const columns = Math.max(leadingColumns(text) - shift, item.content - shift + 4);
    return ' '.repeat(columns) + unindented;
  };
  let line = item.start;
  let previousList: number | undefined;
  for (const child of item.children) {
    for (; line < child.start; line++) push(own(line));
    if (child.state === 'open' || child.state === 'plain') {
      const carried = carry(child, shift, note, child.list !== previousList);
      carried.lines.forEach(push);
      dropped = carried.endsWithDrop;
      previousList = child.list;
    } else {
      const blocks = lift(child, shift, note);
      for (const block of blocks) block.forEach(push);
      if (blocks.length > 0) previousList = undefined;
      dropped = true;
    }
    line = Math.max(line, child.end);
  }
  for (; line < item.end; line++) push(own(line));
  return { lines: out, endsWithDrop: dropped };
}

interface Carried {
  readonly lines: string[];
  readonly endsWithDrop: boolean;
}

/**
 * The open items under an item that is not carried itself, moved up to where it stood: each is its own
 * block. Its plain notes stay behind with it.
 */
function lift(item: ListItem, shift: number, note: Note): string[][] {
  const blocks: string[][] = [];
  for (const child of item.children) {
    const childShift = shift + child.indent - item.indent;
    if (child.state === 'open') blocks.push(trimBlank(carry(child, childShift, note, true).lines));
    else blocks.push(...lift(child, childShift, note));
  }
  return blocks;
}

/** `3. x` becomes `1. x`, and `10. x` becomes `1.  x`: the text keeps its column, so nothing under it moves. */
function renumber(line: string): string {
  return line.replace(/^([ \t]*)(\d{1,9})([.)])(?=[ \t]|$)/, (whole, lead: string, number: string, delimiter: string) =>
    number === '1' ? whole : `${lead}1${delimiter}${' '.repeat(number.length - 1)}`,
  );
}

function trimBlank(block: string[]): string[] {
  let end = block.length;
  while (end > 0 && !block[end - 1].trim()) end--;
  return block.slice(0, end);
}

/** Removes up to `columns` columns of leading whitespace; lazy continuation lines may have less. */
function dedent(line: string, columns: number): string {
  if (columns <= 0) return line;
  const leading = /^[ \t]*/.exec(line)![0];
  const width = leadingColumns(leading);
  return ' '.repeat(Math.max(0, width - columns)) + line.slice(leading.length);
}

// ---- The carried-over section --------------------------------------------------------------------------

/** A relative link target for a note in the same folder; spaces and brackets are encoded so the link holds. */
export function noteLinkTarget(fileName: string): string {
  return fileName
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (char) => (char === '(' ? '%28' : '%29')))
    .join('/');
}

/** A markdown link to a note in the same folder, named after the file: the `{{previousNote}}` value. */
export function previousNoteLink(fileName: string): string {
  const name = (fileName.split('/').pop() ?? fileName).replace(/\.md$/i, '');
  return `[${escapeMarkdown(name)}](${noteLinkTarget(fileName)})`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`);
}

/**
 * The `{{carriedOver}}` value: a heading, a link to the old note (`link` is a relative target, such as
 * `noteLinkTarget(fileName)`), and the open items. Empty when nothing is open, so the template's line goes.
 */
export function carriedOverSection(items: readonly string[], previous: { readonly date: string; readonly link: string }): string {
  if (items.length === 0) return '';
  // The blank line matters: an ordered item numbered other than 1 cannot interrupt a paragraph.
  return [`## Follow-ups from ${previous.date}`, '', `Still open from [the previous retro](${previous.link}):`, '', ...items].join('\n');
}
