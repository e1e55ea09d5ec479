/**
 * Deadline arithmetic for the registers. Everything is computed in UTC from the injected clock's time,
 * so a test can move the clock and see a deadline pass.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * The same day-of-month `months` calendar months later; when that month is shorter, its last day
 * (the ICO's reading of "one month": 31 January → 28/29 February). Time of day is kept.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay), from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  );
}

const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

/**
 * `days` working days (Monday to Friday) after `from`, at the same time of day. A request received
 * at a weekend starts counting from the next working day. Bank holidays are not known here and
 * count as working days, which only ever makes the deadline earlier (stricter).
 */
export function addWorkingDays(from: Date, days: number): Date {
  const at = new Date(from);
  let left = days;
  while (left > 0) {
    at.setTime(at.getTime() + DAY_MS);
    if (!isWeekend(at)) left -= 1;
  }
  return at;
}

export const addHours = (from: Date, hours: number) => new Date(from.getTime() + hours * HOUR_MS);
export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/** Whole days left until `due` (rounded up); 0 on the due day itself, negative once overdue. */
export function daysLeft(due: Date, now: Date): number {
  const ms = due.getTime() - now.getTime();
  return ms >= 0 ? Math.ceil(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}

/** Hours left (rounded down when positive, so "1 hour left" never means 1 h 59 min late). */
export function hoursLeft(due: Date, now: Date): number {
  return Math.floor((due.getTime() - now.getTime()) / HOUR_MS);
}
