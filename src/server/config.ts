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
  /** The address people reach the app at, for links in messages (signing links); defaults to localhost:PORT. */
  publicUrl: string;
  /** An RFC 3161 timestamp authority; when set every seal is timestamped (and sealing fails if it fails). */
  tsaUrl: string | null;
  /** SMTP server for messages (smtp://user:pass@host:587); without it messages go to the log and outbox file. */
  smtpUrl: string | null;
  mailFrom: string;
  /** A GeoJSON map to use on the ceremony screen instead of the bundled one (deployers in China need an approved map). */
  mapFile: string | null;
}

function optionalUrl(name: string, value: string | undefined, protocols: string[]): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be a URL, got "${text}"`);
  }
  if (!protocols.includes(url.protocol))
    throw new Error(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${text}"`);
  return text.replace(/\/+$/, '');
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
    publicUrl:
      optionalUrl('LUODI_PUBLIC_URL', env.LUODI_PUBLIC_URL, ['http:', 'https:']) ??
      `http://localhost:${port}`,
    tsaUrl: optionalUrl('LUODI_TSA_URL', env.LUODI_TSA_URL, ['http:', 'https:']),
    smtpUrl: optionalUrl('LUODI_SMTP_URL', env.LUODI_SMTP_URL, ['smtp:', 'smtps:']),
    mailFrom: env.LUODI_MAIL_FROM?.trim() || 'Luodi 落地 <no-reply@luodi.invalid>',
    mapFile: env.LUODI_MAP_FILE?.trim() ? path.resolve(env.LUODI_MAP_FILE.trim()) : null,
  };
}
