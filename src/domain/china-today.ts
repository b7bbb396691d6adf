/**
 * Today in China, where the bureaus work: a move dated "today" must not count as the future at 07:00 Beijing
 * time. The server dates by it, so the pages default to it too, whatever the browser's time zone.
 */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
