/** File names for retrospective notes: `2026-11-28-sprint-42.md`, then `-2`, `-3` when that name is taken. */

export const MAX_SLUG_LENGTH = 60;
export const DEFAULT_SLUG = 'retro';

/** Letters that Unicode decomposition leaves alone but that have a usual ASCII spelling. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l', ĸ: 'k',
};

/**
 * A file-name-safe slug: lowercase ASCII letters and digits joined by single hyphens, at most
 * MAX_SLUG_LENGTH characters, cut at a word boundary when possible. Titles with nothing usable
 * (empty, emoji only, a script with no ASCII spelling) give the slug of `fallback`.
 */
export function slugify(title: string, fallback: string = DEFAULT_SLUG): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents split off by NFKD: "é" is "e" + U+0301
    .toLowerCase()
    .replace(/[\u0080-\uffff]/g, (char) => LATIN_LETTERS[char] ?? '-') // every UTF-16 unit beyond ASCII
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const slug = words.length <= MAX_SLUG_LENGTH ? words : shorten(words);
  if (slug) return slug;
  return fallback === DEFAULT_SLUG ? DEFAULT_SLUG : slugify(fallback, DEFAULT_SLUG);
}

/** Cuts at the last hyphen that fits, so no word is cut in half unless the first word alone is too long. */
function shorten(slug: string): string {
  const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** `2026-11-28-sprint-42.md` for attempt 1, `2026-11-28-sprint-42-2.md` for attempt 2, and so on. */
export function noteFileName(date: Date | string, slug: string, attempt = 1): string {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1 (got ${attempt})`);
  const day = typeof date === 'string' ? date : isoDate(date);
  return `${day}-${slug}${attempt === 1 ? '' : `-${attempt}`}.md`;
}

/** YYYY-MM-DD in local time: a retro held late on the 28th belongs to the 28th wherever UTC is. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('isoDate needs a valid date');
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * The day of the week in local time. English unless a BCP 47 locale is given (e.g. VS Code's display
 * language); the default does not depend on the runtime's locale data, so tests and notes are stable.
 */
export function weekday(date: Date, locale?: string): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('weekday needs a valid date');
  if (locale === undefined) return WEEKDAYS[date.getDay()];
  return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date);
}
