import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Database, hasEmbeddedData, openDatabase } from './db/connect.ts';
import { type DemoSummary, hasDemoData, loadDemo } from './db/demo/index.ts';
import { seedReference } from './db/seed-reference.ts';
import { reindexSearchIfNeeded } from './platform/search-reindex.ts';
import { ensureSigningAuthority, resolveSigningPassphrase } from './platform/signing-authority.ts';

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
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await seedReference(database);
    await reindexSearchIfNeeded(database);
    await ensureSigningAuthority(
      database,
      await resolveSigningPassphrase({
        passphrase: config.signingPassphrase,
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      }),
    );
    let demo: DemoSummary | null = null;
    if (isFirstEmbeddedStart && config.loadDemo && !(await hasDemoData(database)))
      demo = await loadDemo(database);
    const app = await buildApp({ database, logger: options.logger ?? false });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace(/\/\/(0\.0\.0\.0|127\.0\.0\.1|\[::1?\])/, '//localhost');
    return {
      url,
      database,
      demo,
      async stop() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
