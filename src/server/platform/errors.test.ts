import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { openTestDatabase } from '../testing/database.ts';
import { handleError } from './errors.ts';

/** A one-route app whose route fails unexpectedly, with the app's error handler and the given logger. */
async function failingApp(logger: false | { level: string; stream: { write(line: string): void } }) {
  const app = Fastify({ logger, genReqId: () => 'req-under-test' });
  app.setErrorHandler(handleError);
  app.get('/boom', async () => {
    throw new Error('value "2147483648" is out of range for type integer');
  });
  await app.ready();
  return app;
}

afterEach(() => vi.restoreAllMocks());

describe('handleError on an unexpected failure', () => {
  it('logs it with the request id, and gives the user that id in the body and the x-request-id header', async () => {
    const lines: string[] = [];
    const app = await failingApp({ level: 'error', stream: { write: (line) => lines.push(line) } });
    const response = await app.inject({ method: 'GET', url: '/boom', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['x-request-id']).toBe('req-under-test');
    const { error } = response.json<{ error: { requestId: string; message: string } }>();
    expect(error.requestId).toBe('req-under-test');
    expect(error.message).toBe('Internal server error; it has been logged under request id req-under-test');
    expect(lines.some((line) => line.includes('req-under-test') && line.includes('out of range'))).toBe(true);
    await app.close();
  });

  it('does not claim it was logged when logging is off', async () => {
    const app = await failingApp(false);
    const response = await app.inject({ method: 'GET', url: '/boom', headers: { 'accept-language': 'en' } });
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'Internal server error (request id req-under-test)',
    );
    await app.close();
  });

  it('is logged by the app by default: errors go to stderr unless logging is turned off', async () => {
    const database = await openTestDatabase();
    try {
      const app = await buildApp({ database });
      expect(app.log.level).toBe('error');
      const quiet = await buildApp({ database, logger: false });
      expect(quiet.log.level).toBeUndefined();
      await Promise.all([app.close(), quiet.close()]);
    } finally {
      await database.close();
    }
  });
});
