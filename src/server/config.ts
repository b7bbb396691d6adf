import 'dotenv/config';
import path from 'node:path';
import { parseAllowList } from './platform/ip-address.ts';
import { parseFrameAncestors } from './platform/security-headers.ts';

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
  /** A folder of the deployer's province and city maps named by region code, e.g. 350500.json (LUODI_MAP_DIR). */
  mapDir: string | null;
  /** Which proxies to believe about the client's address and https (LUODI_TRUST_PROXY); false: none. */
  trustProxy: TrustProxy;
  /** Origins that may embed the ceremony screen `/screen/*` in a frame (LUODI_FRAME_ANCESTORS). */
  screenFrameAncestors: string[];
  /** Bytes one user may upload in 24 hours (LUODI_UPLOAD_QUOTA_MB). */
  uploadQuotaBytes: number;
}

/** Fastify's trustProxy: true (every hop), a hop count, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = boolean | number | string[];

/** Reads LUODI_TRUST_PROXY: unset or false, true, a number of hops, or addresses/CIDRs separated by commas. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || /^(false|0|no)$/i.test(text)) return false;
  if (/^(true|yes)$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries)
    if (!/^[0-9a-f:.]+(\/\d{1,3})?$/i.test(entry) && !/^(loopback|linklocal|uniquelocal)$/.test(entry))
      throw new Error(
        `LUODI_TRUST_PROXY takes true, a hop count, or proxy addresses/CIDRs separated by commas, got "${entry}"`,
      );
  return entries;
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

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  const text = value?.trim();
  if (!text) return fallback;
  const number = Number(text);
  if (!Number.isFinite(number) || number <= 0)
    throw new Error(`${name} must be a positive number, got "${text}"`);
  return number;
}

/** Reads the configuration from the environment (and .env, if present). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  // Read again at each webhook call (platform/webhook-target.ts); checked here so a typo stops the start.
  parseAllowList(env.LUODI_WEBHOOK_ALLOW_HOSTS);
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
    mapDir: env.LUODI_MAP_DIR?.trim() ? path.resolve(env.LUODI_MAP_DIR.trim()) : null,
    trustProxy: parseTrustProxy(env.LUODI_TRUST_PROXY),
    screenFrameAncestors: parseFrameAncestors(env.LUODI_FRAME_ANCESTORS),
    uploadQuotaBytes: positiveNumber('LUODI_UPLOAD_QUOTA_MB', env.LUODI_UPLOAD_QUOTA_MB, 200) * 1024 * 1024,
  };
}
