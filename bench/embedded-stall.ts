// How long the app's event loop stalls while the embedded database runs a 1,000,000-row aggregate:
// PGlite in its worker thread (as the app runs it) against PGlite in the main thread.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/server/db/connect.ts';
import { EMBEDDED_DIR, OUT_DIR } from './lib/databases.ts';
import { ms, percentile, summarize, table } from './lib/measure.ts';

const TICK_MS = 5;
const REPEATS = Number(process.env.BENCH_STALL_REPEATS ?? 5);

const AGGREGATES = {
  projectsGroupBy: `select region_code, stage, count(*) as n, sum(investment_yuan) as yuan
    from projects group by region_code, stage`,
  generateSeries: 'select count(*), sum(x), avg(x) from generate_series(1, 1000000) as x',
} as const;
type AggregateName = keyof typeof AGGREGATES;

interface StallSample {
  durationMs: number;
  /** How late each 5 ms tick fired, in ms. */
  lateness: number[];
}

/** A 5 ms timer that records how late each tick fires; a blocked event loop shows as one late tick. */
function startMonitor() {
  const lateness: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - last - TICK_MS));
    last = now;
  }, TICK_MS);
  return {
    stop(): number[] {
      clearInterval(timer);
      // A stall that ends with the query has not been seen by a tick yet.
      lateness.push(Math.max(0, performance.now() - last - TICK_MS));
      return lateness;
    },
  };
}

async function sample(run: () => Promise<unknown>): Promise<StallSample> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const monitor = startMonitor();
  await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS));
  const started = performance.now();
  await run();
  const durationMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS));
  return { durationMs, lateness: monitor.stop() };
}

interface StallRow {
  mode: 'worker' | 'main-thread' | 'idle';
  aggregate: AggregateName | 'none';
  durationP50Ms: number;
  durationMaxMs: number;
  maxStallMs: number;
  p99StallMs: number;
  ticks: number;
}

function summarizeSamples(
  mode: StallRow['mode'],
  aggregate: StallRow['aggregate'],
  samples: StallSample[],
): StallRow {
  const durations = summarize(samples.map((s) => s.durationMs));
  const lateness = samples.flatMap((s) => s.lateness).sort((a, b) => a - b);
  return {
    mode,
    aggregate,
    durationP50Ms: durations.p50,
    durationMaxMs: durations.max,
    maxStallMs: lateness.at(-1) ?? 0,
    p99StallMs: percentile(lateness, 99),
    ticks: lateness.length,
  };
}

async function repeat(run: () => Promise<unknown>): Promise<StallSample[]> {
  await run();
  const samples: StallSample[] = [];
  for (let i = 0; i < REPEATS; i++) samples.push(await sample(run));
  return samples;
}

export interface StallBenchResult {
  projects: number;
  dataDir: string | null;
  mainThreadOpenMs: number;
  rows: StallRow[];
}

/** Runs the aggregates through the app's worker, then through PGlite in this thread, under the timer. */
export async function benchEmbeddedStall(
  log: (line: string) => void = console.log,
): Promise<StallBenchResult> {
  const hasData = existsSync(path.join(EMBEDDED_DIR, 'pg', 'PG_VERSION'));
  const dataDir = hasData ? EMBEDDED_DIR : null;
  const rows: StallRow[] = [];
  rows.push(summarizeSamples('idle', 'none', [await sample(() => new Promise((r) => setTimeout(r, 1000)))]));

  const database = await openDatabase({ databaseUrl: null, dataDir });
  const [counted] = await database.sql<{ n: number }[]>`select count(*)::int as n from projects`;
  const projects = counted?.n ?? 0;
  const names: AggregateName[] = projects > 0 ? ['projectsGroupBy', 'generateSeries'] : ['generateSeries'];
  log(
    projects > 0
      ? `embedded data in ${EMBEDDED_DIR}: ${projects.toLocaleString('en-US')} projects`
      : 'no generated projects (run the projects bench first): generate_series aggregate only',
  );
  try {
    for (const name of names) {
      rows.push(summarizeSamples('worker', name, await repeat(() => database.sql.unsafe(AGGREGATES[name]))));
    }
  } finally {
    await database.close();
  }

  const opening = performance.now();
  const direct = await PGlite.create({ dataDir: dataDir ? path.join(dataDir, 'pg') : undefined });
  const mainThreadOpenMs = performance.now() - opening;
  try {
    for (const name of names) {
      rows.push(summarizeSamples('main-thread', name, await repeat(() => direct.query(AGGREGATES[name]))));
    }
  } finally {
    await direct.close();
  }

  log(
    `\nevent-loop stall: a ${TICK_MS} ms timer's lateness while each aggregate runs ` +
      `(${REPEATS} runs after a warm-up; ${projects.toLocaleString('en-US')} projects)`,
  );
  log(
    table(
      ['mode', 'aggregate', 'query p50 ms', 'query max ms', 'max stall ms', 'p99 stall ms', 'ticks'],
      rows.map((row) => [
        row.mode,
        row.aggregate,
        ms(row.durationP50Ms),
        ms(row.durationMaxMs),
        ms(row.maxStallMs),
        ms(row.p99StallMs),
        String(row.ticks),
      ]),
    ),
  );
  log(`PGlite.create in the main thread (open the data folder): ${ms(mainThreadOpenMs)} ms, itself a stall`);
  const result: StallBenchResult = { projects, dataDir, mainThreadOpenMs, rows };
  const file = path.join(OUT_DIR, 'stall.json');
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${file}`);
  return result;
}
