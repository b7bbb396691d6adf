import 'dotenv/config';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded database is used. */
  databaseUrl: string | null;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Load demo data into an empty embedded database on first start. */
  loadDemo: boolean;
  /** Seals the signing CA key; required with DATABASE_URL, generated into the data folder otherwise. */
  signingPassphrase: string | null;
}

/** Reads the configuration from the environment (and .env, if present). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.LUODI_DATA_DIR ?? './data'),
    loadDemo: env.LUODI_DEMO !== '0',
    signingPassphrase: env.LUODI_SIGNING_PASSPHRASE?.trim() || null,
  };
}
