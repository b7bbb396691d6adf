import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../testing/app.ts';
import { type Answer, contextFor, type Method, type Probe } from './probes.ts';
import { ROUTES, sheetRows } from './routes.ts';
import { type Actor, buildWorld, isForbidden, isOwn, type World } from './world.ts';

// Every route of the API × every role × two cities: nothing of another scope is read, changed or counted.
let t: TestContext;
let world: World;
let routes: { method: Method; path: string }[];

/** Cells the matrix knows to leak until another item lands: `route|role` → why. */
const KNOWN: Record<string, string> = {};

const HIDDEN_STATUSES = [403, 404];
const REFUSED_STATUSES = [400, 403, 404, 422];

beforeAll(async () => {
  t = await startTestApp();
  world = await buildWorld(t);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Method, path })),
  );
}, 180_000);
afterAll(() => t?.close());

/** Fastify's own route table, so a route hidden from the OpenAPI document is not missed either. */
function fastifyRoutes(): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ├└─]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack[depth] = match[2] ?? '';
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of (match[3] ?? '').split(', ')) {
      if (method !== 'HEAD') found.push(`${method} ${path}`);
    }
  }
  return found;
}

/** Every fingerprint (id, name, title, code) of the records this actor must not see. */
function forbiddenTexts(actor: Actor): string[] {
  return world.records.filter((r) => isForbidden(actor, r)).flatMap((r) => [r.id, ...r.texts]);
}

async function send(actor: Actor, probe: Probe): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${actor.user.token}` };
  if (probe.multipart) headers['content-type'] = probe.multipart.contentType;
  return t.app.inject({
    method: probe.method,
    url: probe.url,
    headers,
    ...(probe.multipart
      ? { payload: probe.multipart.payload }
      : probe.body === undefined
        ? {}
        : { payload: probe.body as Record<string, unknown> }),
  });
}

/** The answer as text a person would read: JSON as sent, a workbook's cells. */
async function readable(answer: Answer): Promise<string> {
  const type = String(answer.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) return (await sheetRows(answer)).join('\n');
  return answer.body;
}

let checksumQuery = '';

/** A checksum of every table a request could change (not sessions, sign-in counters or the audit log). */
async function checksum(): Promise<string> {
  if (!checksumQuery) {
    const tables = await t.database.sql<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('sessions', 'audit_log', 'regions', 'industries', 'digital_economy_classes',
          'digital_economy_industries', 'code_lists', 'reference_versions')
        and table_name not like 'sign_in%'
      order by table_name`;
    // One statement for all tables: a checksum runs around every cell that writes.
    checksumQuery = tables
      .map(
        ({ name }) =>
          `select '${name}' as name, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as sum from "${name}" x`,
      )
      .join(' union all ');
  }
  const rows = await t.database.sql.unsafe<{ name: string; sum: string }[]>(checksumQuery);
  return rows.map((row) => `${row.name}:${row.sum}`).join(',');
}

describe('access matrix', () => {
  it('classifies every route the app serves', () => {
    const documented = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const undocumented = fastifyRoutes().filter(
      (key) => key.includes(' /api/') && !key.includes('/api/docs') && key !== 'GET /api/health',
    );
    expect(undocumented.filter((key) => !documented.has(key))).toEqual([]);
    const unclassified = [...documented].filter((key) => !(key in ROUTES));
    expect(unclassified.map((key) => `classify this route in access-matrix/routes.ts: ${key}`)).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !documented.has(key))).toEqual([]);
  });

  it('no actor reads, changes, lists or counts another scope’s records', async () => {
    const failures: string[] = [];
    const known: string[] = [];
    let requests = 0;
    let cells = 0;
    for (const route of routes) {
      const rule = ROUTES[`${route.method} ${route.path}`];
      if (!rule || rule.kind === 'unscoped') continue;
      for (const actor of world.actors) {
        cells += 1;
        const texts = forbiddenTexts(actor);
        const cellKey = `${route.method} ${route.path}|${actor.role}`;
        const fail = (probe: Probe, why: string) => {
          const line = `${actor.label} ${probe.method} ${probe.url}: ${why}`;
          (KNOWN[cellKey] ? known : failures).push(line);
        };
        const probes = rule.probes(contextFor(world, actor, route.method, route.path));
        // One checksum around the cell's writes: a change is reported against the cell.
        const before = probes.some((probe) => probe.isWrite) ? await checksum() : '';
        for (const probe of probes) {
          const answer = await send(actor, probe);
          requests += 1;
          if (answer.statusCode >= 500)
            fail(probe, `answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
          if (probe.expect === 'hidden' && !HIDDEN_STATUSES.includes(answer.statusCode)) {
            fail(probe, `expected 403/404, got ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
          }
          if (probe.expect === 'refused' && !REFUSED_STATUSES.includes(answer.statusCode)) {
            fail(probe, `expected a refusal, got ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
          }
          const text = answer.statusCode < 300 ? await readable(answer) : answer.body;
          // What the actor sent itself (an id echoed in a 404) is no leak.
          const sent = `${probe.url} ${JSON.stringify(probe.body ?? '')}`;
          const leaked = texts.filter((x) => text.includes(x) && !sent.includes(x));
          if (leaked.length) fail(probe, `shows another scope’s ${leaked.slice(0, 3).join(', ')}`);
          if (probe.count && answer.statusCode === 200) {
            const expected = world.records.filter(
              (r) => r.kind === probe.count?.kind && isOwn(actor, r),
            ).length;
            const got = await probe.count.read(answer);
            if (got !== expected)
              fail(probe, `counts ${got} ${probe.count.kind}s, its scope holds ${expected}`);
          }
        }
        const lastWrite = probes.findLast((probe) => probe.isWrite);
        if (lastWrite && (await checksum()) !== before)
          fail(lastWrite, 'this cell’s writes changed the database');
      }
    }
    const unscoped = routes.filter((r) => ROUTES[`${r.method} ${r.path}`]?.kind === 'unscoped').length;
    console.log(
      `access matrix: ${routes.length} routes (${unscoped} unscoped) × ${world.actors.length} actors ` +
        `(6 roles × 2 cities) = ${cells} scoped cells, ${requests} requests, ${known.length} known leaks`,
    );
    if (known.length) console.log(`known leaks (see KNOWN):\n${known.join('\n')}`);
    expect(failures).toEqual([]);
  }, 300_000);
});
