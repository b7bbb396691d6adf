import path from 'node:path';
import type { Config } from './config.ts';
import { type Database, hasEmbeddedData, openDatabase } from './db/connect.ts';
import type { DemoSummary } from './db/demo/index.ts';

/** The longest a statement of the serving pool may run on a server: far above any request, below a hang. */
export const STATEMENT_TIMEOUT_MS = 60_000;
/** How long stop() waits for requests in flight before it closes the database under them. */
export const STOP_GRACE_MS = 10_000;

/** Waits for the work, but no longer than the deadline: a stuck step must not keep the process alive. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

export interface RunningServer {
  url: string;
  database: Database;
  demo: DemoSummary | null;
  stop(): Promise<void>;
}

/**
 * Opens the database (migrating it), loads reference data, loads demo data on the first start of an empty
 * embedded database, and serves the app. A server database never gets demo data unless `luodi demo` is run.
 */
export async function startServer(
  config: Config,
  options: { logger?: boolean } = {},
): Promise<RunningServer> {
  const isFirstEmbeddedStart = !config.databaseUrl && !hasEmbeddedData(config.dataDir);
  // The embedded database boots in its worker while this thread loads the app's modules.
  const opening = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
  });
  const [
    { buildApp },
    { hasDemoData, loadDemo },
    { seedReference },
    { reindexSearchIfNeeded },
    { resolveSigningPassphrase },
    { createSigningContext, startSigningSweep },
    { openLiveHub },
    { createNotifier },
  ] = await Promise.all([
    import('./app.ts'),
    import('./db/demo/index.ts'),
    import('./db/seed-reference.ts'),
    import('./platform/search-reindex.ts'),
    import('./platform/signing-authority.ts'),
    import('./features/signing/setup.ts'),
    import('./platform/live.ts'),
    import('./platform/notifier.ts'),
  ]).catch(async (error: unknown) => {
    await (await opening).close();
    throw error;
  });
  const database = await opening;
  try {
    await seedReference(database);
    await reindexSearchIfNeeded(database);
    const live = await openLiveHub(database);
    const notifier = createNotifier({
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      outboxFile: config.smtpUrl ? null : path.join(config.dataDir, 'outbox.jsonl'),
    });
    // The CA is made (first start) or opened while the demo data loads: CPU work here, the database's there.
    const signing = resolveSigningPassphrase({
      passphrase: config.signingPassphrase,
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
    }).then((passphrase) =>
      createSigningContext({
        database,
        passphrase,
        notifier,
        live,
        publicUrl: config.publicUrl,
        tsaUrl: config.tsaUrl,
      }),
    );
    signing.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
    let demo: DemoSummary | null = null;
    if (isFirstEmbeddedStart && config.loadDemo && !(await hasDemoData(database)))
      demo = await loadDemo(database);
    const signingContext = await signing;
    const app = await buildApp({
      database,
      logger: options.logger,
      live,
      mapFile: config.mapFile,
      mapDir: config.mapDir,
      signing: signingContext,
      trustProxy: config.trustProxy,
      screenFrameAncestors: config.screenFrameAncestors,
      uploadQuotaBytes: config.uploadQuotaBytes,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const sweep = startSigningSweep(database.db, signingContext, 5_000);
    const url = address.replace(/\/\/(0\.0\.0\.0|127\.0\.0\.1|\[::1?\])/, '//localhost');
    return {
      url,
      database,
      demo,
      async stop() {
        await settleWithin(sweep.stop(), STOP_GRACE_MS);
        await settleWithin(app.close(), STOP_GRACE_MS);
        await settleWithin(live.close(), STOP_GRACE_MS);
        await settleWithin(notifier.close(), STOP_GRACE_MS);
        // Closing the database also ends requests still waiting on it (their queries fail).
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
