import { isoWeek, weekStart } from './week';

const DAY_MS = 86_400_000;

/** The `count` weeks ending with `lastWeek`, oldest first; empty when `lastWeek` is not a week key. */
export function recentWeeks(lastWeek: string, count: number): string[] {
  const monday = weekStart(lastWeek);
  if (!monday) return [];
  return Array.from({ length: count }, (_, index) => {
    // Thursday of the week `count - 1 - index` weeks back, read as a local date: isoWeek reads the local calendar.
    const thursday = new Date(monday.getTime() + (3 * DAY_MS) - ((count - 1 - index) * 7 * DAY_MS));
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
