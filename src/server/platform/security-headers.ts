import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface SecurityHeaderOptions {
  /** Origins that may frame the ceremony screen (`/screen/*`), from LUODI_FRAME_ANCESTORS; empty: this site only. */
  screenFrameAncestors: readonly string[];
}

/** The only pages another site may frame: the live ceremony screen, for a venue's own display system. */
export const isEmbeddablePath = (url: string) => /^\/screen\//.test(url);

// antd (CSS-in-JS) and ECharts write inline styles; pdf.js runs its worker from our own assets.
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The headers of one response: the policy everywhere, and who may frame it. */
export function securityHeaders(
  url: string,
  isHttps: boolean,
  options: SecurityHeaderOptions,
): Record<string, string> {
  const isEmbeddable = isEmbeddablePath(url);
  const ancestors = isEmbeddable ? ["'self'", ...options.screenFrameAncestors].join(' ') : "'none'";
  const headers: Record<string, string> = {
    'content-security-policy': `${POLICY}; frame-ancestors ${ancestors}`,
    'x-content-type-options': 'nosniff',
    // Signing links carry their token in the path: never send it to another site.
    'referrer-policy': 'same-origin',
  };
  // X-Frame-Options cannot name other hosts; browsers that know frame-ancestors ignore it anyway.
  if (!isEmbeddable) headers['x-frame-options'] = 'DENY';
  else if (options.screenFrameAncestors.length === 0) headers['x-frame-options'] = 'SAMEORIGIN';
  // Browsers ignore (and log an error about) both on plain http, so they go out only over https.
  if (isHttps) {
    headers['strict-transport-security'] = 'max-age=15552000';
    headers['cross-origin-opener-policy'] = 'same-origin';
  }
  return headers;
}

/** Adds the security headers to every response, pages, API and files alike. */
export function addSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const headers = securityHeaders(request.url, request.protocol === 'https', options);
    for (const [name, value] of Object.entries(headers))
      if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}

/**
 * Reads LUODI_FRAME_ANCESTORS: origins (`https://wall.venue.example`, `https://*.venue.example`) separated
 * by spaces or commas. Anything else is refused, so the value cannot widen or break the policy.
 */
export function parseFrameAncestors(value: string | undefined): string[] {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const entry of entries)
    if (!/^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(entry))
      throw new Error(
        `LUODI_FRAME_ANCESTORS takes origins such as https://wall.venue.example or https://*.venue.example, got "${entry}"`,
      );
  return entries;
}
