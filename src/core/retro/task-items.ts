/**
 * The one reader of task items in a retro note: carry-over (what moves to the next note) and follow-through
 * (what became of each action) both read notes through `readTaskTree`, so they never disagree on what is
 * an action. Pure; markdown-it decides what is a list, a quote, a fence or an HTML block, as in the preview.
 */
import markdownIt, { type Env, type MarkdownIt, type Token } from 'markdown-it';

/** What a task item says: still to do, ticked, or struck through (the team let it go). */
export type TaskState = 'open' | 'done' | 'dropped';

/** A task item as follow-through reads it. */
export interface TaskItem {
  /** 0-based line of its box. */
  readonly line: number;
  /**
   * `dropped` when its text is struck through from the start (`~~…~~`, followed by nothing or by a remark in
   * brackets such as `(dropped 2026-11-30)`), whatever its box says; else `done` when ticked (`[x]`, `[X]`).
   */
  readonly state: TaskState;
  /**
   * The words of the action as a reader sees them: box, markdown, strike-through, the remark after a
   * strike, and the owner tags (see `ownerTags`) left out; any other mention is part of the words. Matching
   * across notes compares this text.
   */
  readonly text: string;
  /** The owner (see `ownerTags`), without the `@`, as written. */
  readonly owner: string | undefined;
  /** How many list items it sits in: 0 at the top level. */
  readonly depth: number;
}

// ---- Owner mentions -----------------------------------------------------------------------------------

/** The longest name accepted, as on GitHub. */
export const MAX_OWNER_LENGTH = 39;
const NAME = String.raw`\p{L}(?:[\p{L}\p{N}]|[-_.](?=[\p{L}\p{N}]))*`;
// Not after a letter, digit or one of these: `sam@example.com`, `a/@b`, `@@x`, `\@x`, `x.@y` are not mentions.
const MENTION = new RegExp(String.raw`(?<![\p{L}\p{N}_.+\-/@\\])@(${NAME})`, 'gu');

export interface Mention {
  /** Index of the `@` in the text, and the text's length the mention takes, `@` included. */
  readonly index: number;
  readonly length: number;
  readonly name: string;
}

/**
 * The `@name` mentions in plain text (code spans already left out by the caller, see `taskItems`).
 *
 * - A name is letters and digits (any script), with single `-`, `_` or `.` between them: `@sam`,
 *   `@sam-lee`, `@sam_lee`, `@Sam.Lee`, `@zoë`. Punctuation after it is not part of it: `@sam.`, `@sam,`,
 *   `(@sam)`, `@sam's` all name `sam`.
 * - It starts with a letter (`@2pm`, `@42`, `@3x` are not names) and has at most 39 characters (GitHub's limit).
 * - Not an email or a path: no letter, digit, `_ . + - / \ @` right before the `@`.
 */
export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  if (!text.includes('@')) return mentions;
  for (const match of text.matchAll(MENTION)) {
    const name = match[1];
    if (name.length > MAX_OWNER_LENGTH) continue;
    mentions.push({ index: match.index!, length: name.length + 1, name });
  }
  return mentions;
}

/** The key an owner is matched by: case and Unicode spelling do not matter (`@Sam` is `@sam`). */
export function ownerKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

// ---- Reading an item's inline text -----------------------------------------------------------------------

export interface ItemWords {
  /** What a reader sees and matching compares, collapsed to single spaces; see `TaskItem.text`. */
  readonly text: string;
  readonly owner: string | undefined;
  /** Struck through from the start, with at most a bracketed remark after the strike on its line. */
  readonly struck: boolean;
}

/**
 * Reads the inline tokens of an item's first paragraph, after its box. Text comes out as rendered
 * (entities and escapes decoded, link targets and inline HTML left out, images as their alt text); code
 * spans are text but never hold a mention.
 */
export function readItemWords(children: readonly Token[]): ItemWords {
  // The strike-through that starts the item, and the remark after it up to the end of its line.
  let first = 0;
  while (first < children.length && children[first].type === 'text' && !children[first].content.trim()) first++;
  let strikeEnd = -1;
  let remarkEnd = -1;
  if (children[first]?.type === 's_open') {
    let depth = 0;
    for (let index = first; index < children.length; index++) {
      const type = children[index].type;
      if (type === 's_open') depth++;
      else if (type === 's_close' && --depth === 0) {
        strikeEnd = index;
        break;
      }
    }
    if (strikeEnd >= 0) {
      remarkEnd = strikeEnd + 1;
      while (remarkEnd < children.length && children[remarkEnd].type !== 'softbreak' && children[remarkEnd].type !== 'hardbreak') remarkEnd++;
    }
  }

  if (strikeEnd >= 0) {
    const remark = children.slice(strikeEnd + 1, remarkEnd).map(tokenText).join('').trim();
    // `~~Write~~ Review the runbook` is an edit, not a dropped item: after the strike, only a remark in brackets.
    if (remark !== '' && !/^\(.*\)$/s.test(remark) && !/^\[.*\]$/s.test(remark)) strikeEnd = remarkEnd = -1;
  }
  const struck = strikeEnd >= 0;

  let plain = '';
  const code: [number, number][] = [];
  for (let index = 0; index < children.length; index++) {
    if (index > strikeEnd && index < remarkEnd) continue;
    const token = children[index];
    const piece = tokenText(token);
    if (token.type === 'code_inline') code.push([plain.length, plain.length + piece.length]);
    plain += piece;
  }
  return wordsOf(plain, code, struck);
}

/** Characters that make markdown-it's inline rules do something: without them, the text is the text. */
const INLINE_MARKUP = /[\\`~*_[\]!<&\n\r]/;

/**
 * The words of an item's text (after its box) that holds no inline markup, read without markdown-it:
 * the same as `readItemWords` on its tokens, for the most common items at a fraction of the cost.
 * Undefined when the text has markup to read.
 */
export function plainItemWords(text: string): ItemWords | undefined {
  return INLINE_MARKUP.test(text) ? undefined : wordsOf(text, [], false);
}

/** An item's words from its plain text, the ranges of its code spans, and whether it is struck through. */
function wordsOf(plain: string, code: readonly [number, number][], struck: boolean): ItemWords {
  const outsideCode = (at: number) => !code.some(([start, end]) => at >= start && at < end);
  const mentions = findMentions(plain)
    .filter((mention) => outsideCode(mention.index))
    .map((mention) => {
      // A name runs up to a code span at most.
      const stop = code.find(([start]) => start > mention.index && start < mention.index + mention.length);
      if (!stop) return mention;
      const name = plain.slice(mention.index + 1, stop[0]).replace(/[-_.]+$/, '');
      return { ...mention, length: name.length + 1, name };
    })
    .filter((mention) => mention.name.length > 0);
  const { owner, start, end } = ownerTags(plain, mentions);
  return { text: collapse(plain.slice(start, end)), owner, struck };
}

/** Stands in for a text token where a remark turned out to be ordinary text. */
class TextTokenLike {
  readonly type = 'text';
  constructor(readonly content: string) {}
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'code_inline':
      return token.content;
    case 'softbreak':
    case 'hardbreak':
      return ' ';
    case 'image':
      return (token.children ?? []).map(tokenText).join('');
    default:
      return '';
  }
}

function collapse(text: string): string {
  // Most texts are collapsed already: no run of spaces, no other space, nothing at either end.
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** No `\s` but single spaces between other characters: `/\s\s|[^\S ]|^\s|\s$/` does not match, by a loop (no regex per item). */
function isCollapsed(text: string): boolean {
  let previousSpace = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (isJsSpace(code)) return false;
    else previousSpace = false;
  }
  return !previousSpace || text.length === 0;
}

/** Whether a UTF-16 code unit is matched by `\s`: ECMAScript's WhiteSpace and LineTerminator. */
function isJsSpace(code: number): boolean {
  if (code < 0xa0) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const TAG_JOIN = /^[\s,&/+]*(?:and\s+)?$/iu;
const LEAD_AFTER = /^\s*[:–—-]?\s*/u;
const TRAIL_BEFORE = /[\s,;:–—-]*(?:[([]\s*)?(?:(?:owners?|assignees?|who)\s*:?\s*)?$/iu;
const TRAIL_AFTER = /^\s*[)\]]?[\s.!]*$/u;
/** A mention right after one of these words ends a sentence ("Pair with @kim"): it is no tag. */
const IN_SENTENCE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:with|to|for|from|about|by|of)\s+$/iu;

/**
 * Who owns an item, and the part of its text left when the owner's tags are taken off. One rule:
 * 1. **Tags at the start**: mentions before any word, joined by spaces, commas, `&`, `/`, `+` or "and",
 *    and the `:` or dash after them: `@sam: Write the runbook`, `@sam and @kim - Write the runbook`.
 * 2. Else **tags at the end**: mentions after the last word, joined the same way, with an `owner:` or
 *    `who:` and brackets around them: `Write the runbook @sam`, `Write the runbook (@sam)`, `Write the
 *    runbook — owner: @sam, @kim`. Not after "with", "to", "about" and the like (`Pair with @kim`): that
 *    mention ends the sentence.
 * 3. Else the **first mention** anywhere: `Ask @kim about the budget`.
 * The owner is the first name of the tags (or that mention). Only the owner's tags come off the text;
 * every other mention is a word of the action, so `Ask @kim about X` and `Ask @lee about X` are two
 * actions, while `Write the runbook @sam` and `Write the runbook @kim` are one, given to someone else.
 */
function ownerTags(text: string, mentions: readonly Mention[]): { owner: string | undefined; start: number; end: number } {
  const whole = { owner: mentions[0]?.name, start: 0, end: text.length };
  if (mentions.length === 0) return whole;
  const gap = (from: number, to: number) => text.slice(mentions[from].index + mentions[from].length, mentions[to].index);
  // Tags at the start. Nothing but owners is no action: the text is empty.
  let lead = 0;
  while (lead < mentions.length && TAG_JOIN.test(lead === 0 ? text.slice(0, mentions[0].index) : gap(lead - 1, lead))) lead++;
  if (lead > 0) {
    const after = mentions[lead - 1].index + mentions[lead - 1].length;
    return { owner: mentions[0].name, start: after + LEAD_AFTER.exec(text.slice(after))![0].length, end: text.length };
  }
  // Tags at the end.
  const last = mentions[mentions.length - 1];
  if (!TRAIL_AFTER.test(text.slice(last.index + last.length))) return whole;
  let trail = mentions.length - 1;
  while (trail > 0 && TAG_JOIN.test(gap(trail - 1, trail))) trail--;
  const before = text.slice(0, mentions[trail].index);
  if (IN_SENTENCE_BEFORE.test(before)) return whole;
  // A bracket opened before the mentions goes with them, and so does what closes it.
  return { owner: mentions[trail].name, start: 0, end: Math.max(0, mentions[trail].index - TRAIL_BEFORE.exec(before)![0].length) };
}

// ---- The task tree -------------------------------------------------------------------------------------

export interface ListItemNode {
  /** Source lines [start, end), 0-based, as markdown-it maps the item (trailing blank lines included). */
  readonly start: number;
  readonly end: number;
  /** Columns before the item's marker, and before its text. */
  readonly indent: number;
  readonly content: number;
  /** The list the item belongs to (a number per list in the note), and whether it is numbered. */
  readonly list: number;
  readonly ordered: boolean;
  /** `empty` is an unchecked box with nothing to do in it; `plain` a list item without a box. */
  state: TaskState | 'empty' | 'plain';
  readonly children: ListItemNode[];
}

export interface TaskTree {
  /** The note's items under a root that stands for the whole note. */
  readonly root: ListItemNode;
  /** The note's lines (BOM gone, line ends as `\n`). */
  readonly lines: readonly string[];
  /** Lines that continue a paragraph (not its first line), and lazy lines of quoted paragraphs. */
  readonly continuations: ReadonlySet<number>;
  /** Every item with a box and words, in the order of the note. */
  readonly items: readonly TaskItem[];
}

const TASK_BOX = /^\[([ xX])\](?=\s|$)/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])/;

// HTML on so that task-like lines inside an HTML block (a comment, a <details>) are not lists, as in the
// preview. Nothing is rendered, so this is safe.
let parser: MarkdownIt | undefined;
export function taskParser(): MarkdownIt {
  return (parser ??= markdownIt({ html: true }));
}

// The same, for blocks only: inline text is read only where a task item needs it, which is most of the
// cost of reading a note otherwise.
let blockParser: MarkdownIt | undefined;
export function taskBlockParser(): MarkdownIt {
  if (!blockParser) {
    blockParser = markdownIt({ html: true });
    blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
    blockParser.block.State = LeanStateBlock;
  }
  return blockParser;
}

/**
 * markdown-it's block state, its tokens built by plain assignment: markdown-it's own `Token` sets most
 * fields through a `defineProperty` helper, which was the largest single cost of reading a note. The
 * tokens have the same fields, in the same order, with the same values, and `Token`'s prototype (its
 * methods, `instanceof`); `push` is markdown-it's own, line for line. Block rules make tokens only through
 * `push`.
 */
class LeanStateBlock extends markdownIt.StateBlock {
  override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
    const token = new LeanToken(type, tag, nesting) as unknown as Token;
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}

class LeanToken {
  map: [number, number] | null = null;
  level = 0;
  children: Token[] | null = null;
  content = '';
  markup = '';
  info = '';
  block = false;
  hidden = false;
  type: string;
  tag: string;
  attrs: [string, string][] | null = null;
  nesting: -1 | 0 | 1;
  meta: unknown = null;
  constructor(type: string, tag: string, nesting: -1 | 0 | 1) {
    this.type = type;
    this.tag = tag;
    this.nesting = nesting;
  }
}
Object.setPrototypeOf(LeanToken.prototype, markdownIt.Token.prototype);

/** What an item's text reads as, by its paragraph's source after the box: notes carry the same items on, so most are read before. */
export type ItemWordsCache = Map<string, ItemWords>;

/**
 * Reads a note's list items into a tree, with each task item's state and words.
 *
 * - A task item is a list item (`-`, `*`, `+`, `1.`, `1)`) whose first paragraph starts with `[ ]`, `[x]`
 *   or `[X]` and a space. Lines in code blocks, block quotes and HTML blocks are never items.
 * - `- [ ]` with nothing after it is `empty`: an unfilled template line.
 */
export function readTaskTree(markdown: string, options: { readonly cache?: ItemWordsCache; readonly layout?: boolean } = {}): TaskTree {
  // Without layout (follow-through needs only the items), no lines, columns or tree: a third less work.
  const layout = options.layout ?? true;
  const unmarked = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const source = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const lines = layout ? source.split('\n') : [];
  const continuations = new Set<number>();
  const root: ListItemNode = { start: 0, end: lines.length, indent: 0, content: 0, list: -1, ordered: false, state: 'plain', children: [] };
  const items: TaskItem[] = [];
  if (!/\S/.test(source)) return { root, lines, continuations, items };
  const env: Env = {};
  const tokens = taskBlockParser().parse(source, env);
  // Reference links make the same words read differently in another note.
  const cache = env.references === undefined ? options.cache : undefined;

  // Open containers: a list (its number), an item, or an item in a quote (ignored).
  const stack: (ListItemNode | number | 'ignored')[] = [];
  const parents: ListItemNode[] = [root];
  let quotes = 0;
  let lists = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const type = token.type;
    if (type === 'blockquote_open') quotes++;
    else if (type === 'blockquote_close') quotes--;
    else if (type === 'bullet_list_open' || type === 'ordered_list_open') stack.push(lists++);
    else if (type === 'bullet_list_close' || type === 'ordered_list_close') stack.pop();
    else if (layout && (type === 'paragraph_open' || type === 'heading_open') && token.map) {
      // A setext heading is a paragraph with an underline, which is not text. In a quote, only lazy
      // lines (without their ">") can be misread once moved.
      const last = type === 'heading_open' ? token.map[1] - 1 : token.map[1];
      for (let line = token.map[0] + 1; line < last; line++) if (quotes === 0 || !/^\s*>/.test(lines[line])) continuations.add(line);
    } else if (type === 'list_item_open') {
      if (quotes > 0 || !token.map) {
        stack.push('ignored');
        continue;
      }
      const [start, end] = token.map;
      const item: ListItemNode = {
        start,
        end,
        indent: layout ? leadingColumns(lines[start]) : 0,
        content: layout ? contentColumn(lines[start]) : 0,
        list: stack[stack.length - 1] as number,
        ordered: token.markup === '.' || token.markup === ')',
        state: 'plain',
        children: [],
      };
      const first = tokens[index + 1];
      const inline = tokens[index + 2];
      if (first?.type === 'paragraph_open' && inline?.type === 'inline') {
        const box = TASK_BOX.exec(inline.content);
        if (box) {
          // The box does not change how the rest reads (no reference links here): ticked or not, one
          // entry, by the text after the box.
          const afterBoxText = inline.content.slice(3);
          let words = cache?.get(afterBoxText);
          if (!words) {
            words = plainItemWords(afterBoxText) ?? readItemWords(afterBox(inlineTokens(inline.content, env)));
            cache?.set(afterBoxText, words);
          }
          item.state = words.struck ? 'dropped' : box[1] !== ' ' ? 'done' : afterBoxText.trim() ? 'open' : 'empty';
          if (item.state !== 'empty' && words.text) {
            items.push({ line: inline.map?.[0] ?? start, state: item.state, text: words.text, owner: words.owner, depth: parents.length - 1, });
          }
        }
      }
      if (layout) parents[parents.length - 1].children.push(item);
      parents.push(item);
      stack.push(item);
    } else if (type === 'list_item_close') {
      if (typeof stack.pop() === 'object') parents.pop();
    }
  }
  return { root, lines, continuations, items };
}

/** A paragraph's inline tokens, as markdown-it's `parseInline` gives them (escapes joined into text), for less. */
function inlineTokens(content: string, env: Env): Token[] {
  const md = taskParser();
  const children: Token[] = [];
  md.inline.parse(content, md, env, children);
  // markdown-it's text_join: escaped characters are text, and neighbouring texts one token.
  const joined: Token[] = [];
  for (const token of children) {
    if (token.type === 'text_special') token.type = 'text';
    const last = joined[joined.length - 1];
    if (token.type === 'text' && last?.type === 'text') last.content += token.content;
    else joined.push(token);
  }
  return joined;
}

/** The inline tokens after `[ ]`: markdown-it joins the box into the first text token. */
function afterBox(children: readonly Token[]): Token[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return rest;
  const content = first.content.slice(3);
  return content ? [new TextTokenLike(content) as unknown as Token, ...rest] : rest;
}

/** Every task item of a note with words in it, in order: its line, state, text, owner and depth. */
export function taskItems(markdown: string): TaskItem[] {
  return readTaskTree(markdown).items.map(({ line, state, text, owner, depth }) => ({ line, state, text, owner, depth }));
}

/** Leading whitespace in columns, with tabs to the next multiple of 4 as CommonMark counts them. */
export function leadingColumns(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** The column where an item's text starts: after the marker and 1 to 4 spaces (CommonMark's rule). */
function contentColumn(line: string): number {
  const marker = LIST_MARKER.exec(line);
  if (!marker) return leadingColumns(line);
  const afterMarker = leadingColumns(line.slice(0, marker[0].length).replace(/[^ \t]/g, ' '));
  const rest = line.slice(marker[0].length);
  const gap = leadingColumns(rest);
  return afterMarker + (gap >= 1 && gap <= 4 && rest.trim() ? gap : 1);
}

// ---- Ticking and dropping one line ------------------------------------------------------------------------

/** A line that holds an item's box: indentation, one or more list markers, the box, and its text. */
const ITEM_LINE = /^([ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+)\[ \]([ \t]+)(.*?)([ \t]*)$/;

/** The item on a single line, read as markdown-it reads it alone (at the left margin, so indentation does not make it code). */
function openItemOn(lineText: string): { prefix: string; gap: string; text: string; trailing: string } | undefined {
  if (/[\r\n\u2028\u2029]/.test(lineText)) return undefined;
  const match = ITEM_LINE.exec(lineText);
  if (!match) return undefined;
  const [, prefix, gap, text, trailing] = match;
  if (!text.trim()) return undefined;
  const words = readInline(text);
  if (words.struck || !words.text) return undefined;
  return { prefix, gap, text, trailing };
}

/** The words of an item's text (after its box), read by markdown-it. */
export function readInline(text: string): ItemWords {
  const tokens = taskParser().parseInline(text, {});
  return readItemWords(tokens[0]?.children ?? []);
}

/**
 * `- [ ] Write the runbook` → `- [x] Write the runbook`: only the box changes. Undefined when the line is
 * not an open task item with words (an empty box, a ticked or struck item, plain text).
 */
export function tickItemText(lineText: string): string | undefined {
  const item = openItemOn(lineText);
  if (!item) return undefined;
  return `${item.prefix}[x]${lineText.slice(item.prefix.length + 3)}`;
}

/**
 * `- [ ] Write the runbook @sam` → `- [ ] ~~Write the runbook @sam~~ (dropped 2026-11-30)`: the item's
 * whole text struck through, box, marker, indentation and owner kept, so the note still says who had it.
 * Text that would break the strike (`~` of its own, a trailing `\`) is escaped so it reads the same.
 * Undefined when the line is not an open task item with words.
 */
export function dropItemText(lineText: string, date: string): string | undefined {
  const item = openItemOn(lineText);
  if (!item) return undefined;
  const remark = ` (dropped ${date})`;
  // Spaces of any kind stay outside the strike: `~~` next to a space does not open or close one.
  const [, lead, core, tail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(item.text)!;
  const build = (text: string) => `${item.prefix}[ ]${item.gap}${lead}~~${text}~~${tail}${remark}${item.trailing}`;
  const wanted = collapse(readInline(item.text).text);
  const reads = (line: string) => {
    const words = readInline(line.slice(item.prefix.length + 3 + item.gap.length));
    return words.struck && collapse(words.text) === wanted;
  };
  const plain = build(core);
  if (reads(plain)) return plain;
  const escaped = build(escapeForStrike(core));
  return reads(escaped) ? escaped : undefined;
}

/** `~` outside code spans escaped, and a trailing backslash doubled: the text reads the same, and `~~` around it holds. */
function escapeForStrike(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const ticks = /^`+/.exec(text.slice(index));
    if (ticks) {
      // A run of backticks closes a code span only with a run of the same length.
      const end = findClosingTicks(text, index + ticks[0].length, ticks[0].length);
      if (end >= 0) {
        out += text.slice(index, end + ticks[0].length);
        index = end + ticks[0].length;
        continue;
      }
      out += ticks[0];
      index += ticks[0].length;
      continue;
    }
    const char = text[index];
    if (char === '\\' && index + 1 < text.length) {
      out += text.slice(index, index + 2);
      index += 2;
      continue;
    }
    out += char === '~' ? '\\~' : char === '\\' ? '\\\\' : char;
    index++;
  }
  return out;
}

function findClosingTicks(text: string, from: number, length: number): number {
  for (let index = from; index < text.length; ) {
    const run = /^`+/.exec(text.slice(index));
    if (run) {
      if (run[0].length === length) return index;
      index += run[0].length;
    } else index++;
  }
  return -1;
}
