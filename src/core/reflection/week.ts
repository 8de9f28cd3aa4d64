/** ISO 8601 weeks (`2026-W48`): weeks start on Monday, and week 1 is the week with the year's first Thursday. */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The ISO week of a date, by the local calendar: the week the reviewer sees on their own wall. */
export function isoWeek(date: Date): string {
  // The local day, as a UTC date, so daylight saving never moves it.
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const year = day.getUTCFullYear();
  const week = Math.floor((day.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday a week key starts on, as a UTC midnight, or undefined when the key is not a week. */
export function weekStart(week: string): Date | undefined {
  const match = WEEK_KEY.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // January 4th is always in week 1.
  const january4 = new Date(Date.UTC(year, 0, 4));
  const firstMonday = january4.getTime() - (((january4.getUTCDay() || 7) - 1) * DAY_MS);
  const monday = new Date(firstMonday + ((number - 1) * WEEK_MS));
  // Week 53 of a year with 52 weeks, or week 0, is not a week.
  return number >= 1 && isoWeekOfUtc(monday) === week ? monday : undefined;
}

/** How many weeks `later` comes after `earlier` (negative when before); undefined for a key that is not a week. */
export function weeksBetween(earlier: string, later: string): number | undefined {
  const from = weekStart(earlier);
  const to = weekStart(later);
  return from && to ? Math.round((to.getTime() - from.getTime()) / WEEK_MS) : undefined;
}

/** The `count` weeks ending with `lastWeek`, oldest first; empty when `lastWeek` is not a week key. */
export function recentWeeks(lastWeek: string, count: number): string[] {
  const monday = weekStart(lastWeek);
  if (!monday) return [];
  return Array.from({ length: count }, (_, index) => {
    // Thursday of the week `count - 1 - index` weeks back, read as a local date: isoWeek reads the local calendar.
    const thursday = new Date(monday.getTime() + (3 * DAY_MS) - ((count - 1 - index) * WEEK_MS));
    return isoWeek(new Date(thursday.getUTCFullYear(), thursday.getUTCMonth(), thursday.getUTCDate()));
  });
}

/** A week's Monday and Sunday as `YYYY-MM-DD`, or undefined when `week` is not a week key. */
export function weekDays(week: string): { first: string; last: string } | undefined {
  const monday = weekStart(week);
  if (!monday) return undefined;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return { first: day(monday), last: day(new Date(monday.getTime() + (6 * DAY_MS))) };
}

function isoWeekOfUtc(monday: Date): string {
  return isoWeek(new Date(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate()));
}
