// Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone shifts a day.

const DAY_MS = 86_400_000;

function toTime(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`demo: bad date ${date}`);
  return time;
}

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toTime(b) - toTime(a)) / DAY_MS);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
