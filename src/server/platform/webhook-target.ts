// Where a webhook may call: public addresses only (unless an operator allows a host), checked after DNS and
// pinned for the connection, so neither a registration nor a DNS answer that changes later reaches inside.

import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { RuleError } from '../../domain/result.ts';
import {
  type AllowList,
  classifyAddress,
  isAddressAllowed,
  isHostAllowed,
  parseAllowList,
} from './ip-address.ts';

let cached: { text: string; list: AllowList } | null = null;

/** LUODI_WEBHOOK_ALLOW_HOSTS, read when used (so an operator's .env and a test's setting both apply). */
export function webhookAllowList(env: NodeJS.ProcessEnv = process.env): AllowList {
  const text = env.LUODI_WEBHOOK_ALLOW_HOSTS ?? '';
  if (cached?.text !== text) cached = { text, list: parseAllowList(text) };
  return cached.list;
}

export type ResolvedTarget = { ok: true; address: string; family: 4 | 6 } | { ok: false; error: RuleError };

const refused = (code: string, zh: string, en: string): ResolvedTarget => ({
  ok: false,
  error: { code, zh, en },
});

/**
 * Resolves a URL's host and checks every address it resolves to: all must be public, or allowed by the
 * operator (by host name, address or range). Answers the address to connect to.
 */
export async function resolveWebhookTarget(
  host: string,
  allow = webhookAllowList(),
): Promise<ResolvedTarget> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addresses = await lookup(bare, { all: true, verbatim: true });
    } catch {
      return refused(
        'webhook.url_unresolved',
        `无法解析主机名 ${bare}`,
        `the host name ${bare} does not resolve`,
      );
    }
  }
  const first = addresses[0];
  if (!first)
    return refused(
      'webhook.url_unresolved',
      `无法解析主机名 ${bare}`,
      `the host name ${bare} does not resolve`,
    );
  if (!isHostAllowed(allow, bare))
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (!verdict.isPublic && !isAddressAllowed(allow, address))
        return refused(
          'webhook.url_not_public',
          `${bare} 指向内部或保留地址 ${address}（${verdict.range}），不能作为 Webhook 地址；运维人员可通过 LUODI_WEBHOOK_ALLOW_HOSTS 放行`,
          `${bare} leads to ${address} (${verdict.range}), which is not a public address; an operator may allow it with LUODI_WEBHOOK_ALLOW_HOSTS`,
        );
    }
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A DNS lookup that answers only the address already checked, so the connection goes exactly there. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** Why a call got no answer, in words that say nothing of the target's content. */
function failureText(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code ?? '';
  const name = (error as { name?: string }).name ?? '';
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ETIMEDOUT')
    return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset';
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code))
    return 'TLS certificate not accepted';
  return 'connection failed';
}

/**
 * One POST to a checked, pinned address. Redirects are answers, never followed; only the status code is kept
 * (never the body, so a webhook cannot be used to read what an address answers).
 */
export async function postToTarget(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ statusCode: number | null; error: string | null }> {
  const target = new URL(url);
  const resolved = await resolveWebhookTarget(target.hostname);
  if (!resolved.ok) return { statusCode: null, error: `refused: ${resolved.error.en}` };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(resolved.address, resolved.family),
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.destroy();
        if (status >= 200 && status < 300) resolve({ statusCode: status, error: null });
        else if (status >= 300 && status < 400)
          resolve({ statusCode: status, error: `HTTP ${status} (redirects are not followed)` });
        else resolve({ statusCode: status, error: `HTTP ${status}` });
      },
    );
    request.on('error', (error) => resolve({ statusCode: null, error: failureText(error, timeoutMs) }));
    request.end(body);
  });
}
