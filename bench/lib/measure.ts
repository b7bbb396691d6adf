// Timing helpers: repeated runs after a warm-up, nearest-rank percentiles, and a plain-text table.

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
  };
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
  /** Stop early once timed runs have taken this long and at least `minRuns` are done (a pathological plan). */
  budgetMs?: number;
  minRuns?: number;
}

/** Runs `task` `warmup` times untimed, then `runs` times timed (milliseconds, one at a time). */
export async function measure(task: () => Promise<unknown>, options: MeasureOptions): Promise<Timing> {
  for (let i = 0; i < options.warmup; i++) await task();
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    await task();
    const elapsed = performance.now() - started;
    samples.push(elapsed);
    spent += elapsed;
    if (options.budgetMs && spent > options.budgetMs && samples.length >= (options.minRuns ?? 10)) break;
  }
  return summarize(samples);
}

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '-');

/** A left-aligned text table; numbers are right-aligned by the caller padding them. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - width(cell));
        return column === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// East Asian wide characters take two columns in a terminal.
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return columns;
}
