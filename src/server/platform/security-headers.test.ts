import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app.ts';
import { parseTrustProxy } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { createUser } from '../features/users/service.ts';
import { openTestDatabase } from '../testing/database.ts';
import { parseFrameAncestors } from './security-headers.ts';

let database: Database;
let webRoot: string;
let app: App;
let behindProxy: App;

beforeAll(async () => {
  database = await openTestDatabase();
  webRoot = await mkdtemp(path.join(tmpdir(), 'luodi-web-'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  const screenFrameAncestors = ['https://wall.venue.example'];
  app = await buildApp({ database, webRoot, screenFrameAncestors, logger: false });
  behindProxy = await buildApp({ database, webRoot, trustProxy: ['127.0.0.1'], logger: false });
  await createUser(database.db, null, {
    username: 'headers.officer',
    displayName: 'x',
    password: 'headers-password-1',
    role: 'officer',
    regionCode: '350100',
    locale: 'zh-CN',
  });
});
afterAll(async () => {
  await app.close();
  await behindProxy.close();
  await database.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each(['/', '/projects/1', '/sign/some-token', '/verify', '/api/health', '/api/nothing', '/index.html'])(
    '%s may not be framed and carries the policy',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("object-src 'none'");
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
    },
  );

  it('lets the ceremony screen be framed by this site and the configured venue hosts only', async () => {
    const response = await app.inject({ method: 'GET', url: '/screen/3f1c2b1e-0000-4000-8000-000000000000' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain(
      "frame-ancestors 'self' https://wall.venue.example",
    );
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const unconfigured = await behindProxy.inject({ method: 'GET', url: '/screen/x' });
    expect(unconfigured.headers['content-security-policy']).toMatch(/frame-ancestors 'self'$/);
    expect(unconfigured.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('behind a trusted proxy', () => {
  const signIn = (target: App, headers: Record<string, string>) =>
    target.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'headers.officer', password: 'headers-password-1' },
      headers,
    });

  it('sets a Secure cookie and HSTS when the proxy says the request came over https', async () => {
    const response = await signIn(behindProxy, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.4',
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'luodi_session')?.secure).toBe(true);
    expect(response.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('believes no forwarded header when no proxy is trusted', async () => {
    const response = await signIn(app, { 'x-forwarded-proto': 'https' });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'luodi_session')?.secure).toBeFalsy();
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['cross-origin-opener-policy']).toBeUndefined();
  });
});

describe('configuration', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 10.1.0.0/16', ['10.0.0.1', '10.1.0.0/16']],
    ['loopback', ['loopback']],
  ])('LUODI_TRUST_PROXY=%s is %o', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it('refuses a LUODI_TRUST_PROXY that is not an address list', () => {
    expect(() => parseTrustProxy('proxy.example.com')).toThrow(/LUODI_TRUST_PROXY/);
  });

  it.each([
    [undefined, []],
    ['https://wall.venue.example', ['https://wall.venue.example']],
    [
      'https://*.venue.example, http://192.168.1.20:8080',
      ['https://*.venue.example', 'http://192.168.1.20:8080'],
    ],
  ])('LUODI_FRAME_ANCESTORS=%s is %o', (value, expected) => {
    expect(parseFrameAncestors(value)).toEqual(expected);
  });

  it.each(['*', "'none'", 'https://a.example; script-src *', 'venue.example', 'javascript:alert(1)'])(
    'refuses LUODI_FRAME_ANCESTORS=%s, which would widen or break the policy',
    (value) => {
      expect(() => parseFrameAncestors(value)).toThrow(/LUODI_FRAME_ANCESTORS/);
    },
  );
});
