/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), and dates
 * written to a precision as the schema wants them. Never reads the clock.
 */

/** How precisely a date is known, as in the schema. */
export type Precision = 'day' | 'month' | 'year';

const DAY_MS = 86_400_000;

/** The day number of an ISO date "YYYY-MM-DD". */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The ISO date "YYYY-MM-DD" of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The year, month (1–12) and day of month of a day number. */
export function partsOf(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** A day written only as precisely as known: YYYY-MM-DD, YYYY-MM or YYYY. */
export function dateValue(day: number, precision: Precision): string {
  const iso = isoOf(day);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** The first and last day events and articles fall on: 1995–2025. */
export const FIRST_DAY = dayOf('1995-01-01');
export const LAST_DAY = dayOf('2025-12-31');
/** The days records were added to the archive, and the last day one was modified. */
export const ADDED_FIRST_DAY = dayOf('2026-01-05');
export const ADDED_LAST_DAY = dayOf('2026-11-20');
export const MODIFIED_LAST_DAY = dayOf('2026-11-25');
