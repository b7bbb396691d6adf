import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type RouteContract, routeTable } from './platform/route-table.ts';
import { startTestApp, type TestContext, type TestUser } from './testing/app.ts';
import { createFixtures, tableChecksum } from './testing/bad-input-fixtures.ts';
import { type Fixtures, ROUTE_EXAMPLES, type RouteExample, type Sender } from './testing/route-examples.ts';
import { applyProbe, fieldProbes, type Probe, UnsupportedSchemaError } from './testing/zod-arbitrary.ts';

// Every route of the app, fed inputs generated from its own Zod contract one field at a time: a refused value is
// a 4xx naming that field and writes nothing; a hostile value the contract allows is anything but a 5xx.
// LUODI_BAD_INPUT_SEED=<n> replays a run; LUODI_BAD_INPUT_RUNS=<n> sets the probes per route (default 32).
const SEED = Number(process.env.LUODI_BAD_INPUT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.LUODI_BAD_INPUT_RUNS ?? 32);

type Part = 'params' | 'querystring' | 'body';
interface PartProbe extends Probe {
  part: Part;
}
interface Request {
  method: string;
  url: string;
  example: RouteExample;
}

let t: TestContext;
let fixtures: Fixtures;
let senders: Record<Exclude<Sender, 'anonymous'>, TestUser>;
let routes: RouteContract[];

beforeAll(async () => {
  t = await startTestApp();
  ({ fixtures, senders } = await createFixtures(t));
  routes = routeTable(t.app).filter(
    (route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'),
  );
  console.log(
    `bad input: seed ${SEED} (LUODI_BAD_INPUT_SEED=${SEED} replays this run), ${RUNS} probes per route`,
  );
}, 120_000);
afterAll(() => t?.close());

const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

/** The probes of one route, sampled with a seed of its own, so adding a route leaves the others' probes alone. */
function probesFor(route: RouteContract, example: RouteExample): PartProbe[] {
  const schema = (route.schema ?? {}) as Partial<Record<Part, unknown>>;
  const parts: [Part, unknown, unknown][] = [
    ['params', schema.params, example.params],
    // Without a query contract a query is still read (and must still refuse a NUL): an empty one is probed.
    ['querystring', schema.querystring ?? EMPTY_QUERY, example.query ?? {}],
    ['body', example.bodyIsFile ? undefined : schema.body, example.body],
  ];
  const arbitraries = parts.flatMap(([part, partSchema, value]) =>
    partSchema === undefined
      ? []
      : fieldProbes(partSchema, value ?? {}, { isText: part !== 'body' }).map((field) =>
          field.probes.map((probe): PartProbe => ({ ...probe, part })),
        ),
  );
  // A path parameter is always present and always text: leaving one out or sending a list is another route.
  const usable = (probe: PartProbe) =>
    probe.part !== 'params' ||
    (!probe.isRemoved && typeof probe.value === 'string' && String(probe.path[0]) in (example.params ?? {}));
  const sampled = fc.sample(fc.oneof(...arbitraries).filter(usable), {
    seed: SEED ^ hash(keyOf(route)),
    numRuns: RUNS,
  });
  return hasCursor(schema.querystring) ? [...sampled, ...CURSOR_PROBES] : sampled;
}

const hasCursor = (schema: unknown) => schema instanceof z.ZodObject && Object.hasOwn(schema.shape, 'cursor');
const cursor = (value: unknown, id: unknown) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');
const SOME_ID = '7f0c1a52-0000-4000-8000-000000000000';
/** Hand-made page cursors: well-formed wrapping around a sort value of the wrong type or range for the sort. */
const CURSOR_PROBES: PartProbe[] = [
  ['abc', SOME_ID],
  [1e300, SOME_ID],
  [-1.5, SOME_ID],
  ['0000-01-01', SOME_ID],
  ['2026-02-30T00:00:00Z', SOME_ID],
  ['a\u0000b', SOME_ID],
  [{ a: 1 }, SOME_ID],
  ['2026-05-18', 'not-a-uuid'],
].map(([value, id]) => ({
  part: 'querystring' as const,
  path: ['cursor'],
  value: cursor(value, id),
  kind: `hand-made cursor ${JSON.stringify([value, id])}`,
  expect: 'reject' as const,
}));

const EMPTY_QUERY = z.object({});

/** Bodies no contract describes: broken JSON, the wrong JSON shape, other content types. */
const GARBAGE = [
  { name: 'invalid JSON', contentType: 'application/json', payload: '{"nameZh": "未闭合' },
  { name: 'JSON array', contentType: 'application/json', payload: '[1,2,3]' },
  { name: 'JSON string', contentType: 'application/json', payload: '"text"' },
  {
    name: 'NUL in JSON',
    contentType: 'application/json',
    payload: '{"nameZh": "a\\u0000b", "reason": "\\u0000"}',
  },
  { name: 'text', contentType: 'text/plain', payload: 'hello' },
  {
    name: 'multipart without a file',
    contentType: 'multipart/form-data; boundary=x',
    payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
  },
];

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return h;
}

function requestWith(request: Request, probe: PartProbe | null) {
  const set = (part: Part, value: unknown) => (probe?.part === part ? applyProbe(value ?? {}, probe) : value);
  const params = (set('params', request.example.params ?? {}) ?? {}) as Record<string, string>;
  const query = (set('querystring', request.example.query ?? {}) ?? {}) as Record<string, unknown>;
  const body = set('body', request.example.body);
  const path = request.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  const text = search.toString();
  return { url: text ? `${path}?${text}` : path, body };
}

function send(request: Request, probe: PartProbe | null): Promise<LightMyRequestResponse> {
  const { url, body } = requestWith(request, probe);
  const sender = request.example.as ?? 'officer';
  const user = sender === 'anonymous' ? null : senders[sender];
  return t.app.inject({
    method: request.method as 'GET',
    url,
    headers: {
      ...(user ? { authorization: `Bearer ${user.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    // Sent as JSON text, so a body that is a bare string or number arrives as the client wrote it.
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

const describeProbe = (probe: PartProbe) =>
  `${[probe.part, ...probe.path].join('.')} [${probe.kind}] ${probe.isRemoved ? '(left out)' : JSON.stringify(probe.value)?.slice(0, 60)}`;

/** Whether a 4xx names the probed field (or a field inside it); a bad path parameter may also be a 404. */
function namesField(response: LightMyRequestResponse, probe: PartProbe): boolean {
  if (probe.part === 'params' && response.statusCode === 404) return true;
  const field = [probe.part, ...probe.path].join('.');
  const details = response.json<{ error?: { details?: { field?: string }[] } }>().error?.details ?? [];
  return details.some((d) => d.field === field || d.field?.startsWith(`${field}.`));
}

describe('bad input on every route, generated from its contract', () => {
  it('has a valid example for every route, and a contract the generator can read', () => {
    const problems: string[] = [];
    for (const route of routes) {
      const example = ROUTE_EXAMPLES[keyOf(route)];
      if (!example) {
        problems.push(`${keyOf(route)}: add a valid example to src/server/testing/route-examples.ts`);
        continue;
      }
      try {
        probesFor(route, example(fixtures));
      } catch (error) {
        if (!(error instanceof UnsupportedSchemaError)) throw error;
        problems.push(`${keyOf(route)}: ${error.message}`);
      }
      const schema = (route.schema ?? {}) as Partial<
        Record<Part, { safeParse(v: unknown): { success: boolean } }>
      >;
      const given = example(fixtures);
      for (const [part, value] of [
        ['params', given.params],
        ['querystring', given.query ?? {}],
        ['body', given.body],
      ] as const)
        if (schema[part] && !(part === 'body' && given.bodyIsFile) && !schema[part].safeParse(value).success)
          problems.push(
            `${keyOf(route)}: the example's ${part} does not satisfy the contract; fix it in route-examples.ts`,
          );
    }
    const stale = Object.keys(ROUTE_EXAMPLES).filter((key) => !routes.some((route) => keyOf(route) === key));
    for (const key of stale) problems.push(`${key}: no such route any more; remove its example`);
    expect(problems).toEqual([]);
  });

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, object>;
    }>();
    const table = new Set(
      routes.map((route) => keyOf({ method: route.method, url: route.url.replace(/:(\w+)/g, '{$1}') })),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((key) => !table.has(key))).toEqual([]);
  });

  it('answers a body that is not the JSON object the route reads, or a URL that does not decode, with a 4xx error body', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !['GET', 'DELETE'].includes(r.method))) {
      const example = ROUTE_EXAMPLES[keyOf(route)]?.(fixtures);
      if (!example) continue;
      const { url } = requestWith({ method: route.method, url: route.url, example }, null);
      const sender = example.as ?? 'officer';
      for (const garbage of GARBAGE) {
        const response = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: {
            'content-type': garbage.contentType,
            ...(sender === 'anonymous' ? {} : { authorization: `Bearer ${senders[sender].token}` }),
          },
          payload: garbage.payload,
        });
        const body = response.statusCode >= 400 ? response.json<{ error?: { code?: string } }>() : null;
        if (response.statusCode >= 500 || (body && !body.error?.code))
          failures.push(
            `${keyOf(route)} [${garbage.name}] → ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
      }
    }
    for (const route of routes.filter((r) => r.url.includes('/:'))) {
      const url = route.url.replace(/:(\w+)/g, '%C0');
      const response = await t.app.inject({ method: route.method as 'GET', url });
      if (response.statusCode !== 400 || !response.json<{ error?: { code?: string } }>().error?.code)
        failures.push(
          `${keyOf(route)} [bad %-escape] → ${response.statusCode} ${response.body.slice(0, 160)}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('answers a refused field with a 4xx naming it and writes nothing; never a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    let refused = 0;
    for (const route of routes) {
      const make = ROUTE_EXAMPLES[keyOf(route)];
      if (!make) continue;
      const request: Request = { method: route.method, url: route.url, example: make(fixtures) };
      let probes: PartProbe[];
      try {
        probes = probesFor(route, request.example);
      } catch {
        continue; // reported by the test above
      }
      // The example itself must pass validation, or the probes' errors would not belong to their fields.
      const plain = await send(request, null);
      if (plain.statusCode === 400)
        failures.push(
          `${keyOf(route)}: the example itself is refused; fix it in route-examples.ts: ${plain.body}`,
        );
      if (plain.statusCode >= 500)
        failures.push(`${keyOf(route)}: the example → ${plain.statusCode} ${plain.body}`);
      // Allowed-but-hostile values may write (a record with the longest name): they go before the checksum.
      for (const probe of probes.filter((p) => p.expect === 'survive')) {
        const response = await send(request, probe);
        sent++;
        if (response.statusCode >= 500)
          failures.push(
            `${keyOf(route)} ${describeProbe(probe)} → ${response.statusCode} ${response.body.slice(0, 160)}`,
          );
      }
      const before = await tableChecksum(t.database);
      const answers: string[] = [];
      for (const probe of probes.filter((p) => p.expect === 'reject')) {
        const response = await send(request, probe);
        sent++;
        refused++;
        answers.push(`${describeProbe(probe)} → ${response.statusCode}`);
        if (response.statusCode < 400 || response.statusCode >= 500 || !namesField(response, probe))
          failures.push(
            `${keyOf(route)} ${describeProbe(probe)} → ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
      }
      const after = await tableChecksum(t.database);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0)
        failures.push(
          `${keyOf(route)}: refused input changed ${changed.join(', ')}; sent: ${answers.join('; ')}`,
        );
    }
    console.log(
      `bad input: ${routes.length} routes, ${sent} generated requests (${refused} refused by contract), seed ${SEED}`,
    );
    expect(failures, `seed ${SEED}`).toEqual([]);
  }, 300_000);
});
