import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from './testing/app.ts';

// Every route of the OpenAPI document, fed garbage of every shape: the answer is a 4xx with the app's error
// body, never a 500, and nothing is written.
let t: TestContext;
let officer: TestUser;
let routes: { method: string; url: string }[];

const GARBAGE: { name: string; contentType?: string; payload?: string }[] = [
  { name: 'no body' },
  { name: 'invalid JSON', contentType: 'application/json', payload: '{"nameZh": "未闭合' },
  { name: 'JSON array', contentType: 'application/json', payload: '[1,2,3]' },
  { name: 'JSON string', contentType: 'application/json', payload: '"text"' },
  {
    name: 'wrong types',
    contentType: 'application/json',
    payload: JSON.stringify({
      nameZh: 42,
      investment: { a: 1 },
      version: 'x',
      regionCode: [],
      to: 7,
      sourceId: 'nope',
    }),
  },
  {
    name: 'huge numbers',
    contentType: 'application/json',
    payload: JSON.stringify({ nameZh: '大数项目', investment: 1e308, version: 9e99, limit: -1 }),
  },
  { name: 'form text', contentType: 'text/plain', payload: 'hello' },
  {
    name: 'multipart without file',
    contentType: 'multipart/form-data; boundary=x',
    payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
  },
];

const ID = '7f0c1a52-0000-4000-8000-000000000000';

async function countRows(): Promise<number> {
  const [row] = await t.database.sql<
    { n: number }[]
  >`select (select count(*) from projects) + (select count(*) from organizations) + (select count(*) from stage_changes) + (select count(*) from files) as n`;
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  // Signing out would end the session the other calls use; its own test is in the auth tests.
  routes = Object.entries(doc.paths)
    .filter(([path]) => path !== '/api/auth/sign-out')
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), url: path.replace('{id}', ID) })),
    );
});
afterAll(() => t.close());

describe('bad input on every route', () => {
  it('is documented: the OpenAPI document lists the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers garbage with a 4xx error body and writes nothing', async () => {
    let rejectedAsInvalid = 0;
    const before = await countRows();
    const failures: string[] = [];
    for (const route of routes) {
      for (const garbage of GARBAGE) {
        for (const query of [
          '',
          `?limit=abc&cursor=%%%&stage=x,y&from=2024-13-45&isKey=maybe&q=${'x'.repeat(300)}`,
        ]) {
          const response = await t.app.inject({
            method: route.method as 'GET',
            url: route.url + query,
            headers: {
              authorization: `Bearer ${officer.token}`,
              ...(garbage.contentType ? { 'content-type': garbage.contentType } : {}),
            },
            ...(garbage.payload !== undefined && route.method !== 'GET' ? { payload: garbage.payload } : {}),
          });
          if (response.statusCode === 400) rejectedAsInvalid++;
          if (response.statusCode >= 500)
            failures.push(
              `${route.method} ${route.url}${query.slice(0, 20)} [${garbage.name}] → ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
          else if (response.statusCode >= 400) {
            const body = response.json<{ error?: { code?: string; zh?: string; en?: string } }>();
            if (!body.error?.code || !body.error.zh || !body.error.en)
              failures.push(
                `${route.method} ${route.url} [${garbage.name}] → ${response.statusCode} without an error body`,
              );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(rejectedAsInvalid).toBeGreaterThan(routes.length);
    expect(await countRows()).toBe(before);
    // The calls above were made signed in, so they reached validation and the services, not just the 401.
    expect((await t.call(officer, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });
});
