import { type Actor, isForbidden, isOwn, type RecordKind, type World, type WorldRecord } from './world.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One request of the matrix and what must hold of its answer.
 * hidden: 403 or 404 (the record is not there for this actor); refused: any 4xx;
 * shown: any status, but the answer holds nothing of another scope.
 */
export interface Probe {
  method: Method;
  url: string;
  body?: unknown;
  multipart?: { contentType: string; payload: Buffer };
  expect: 'hidden' | 'refused' | 'shown';
  isWrite: boolean;
  /** For counts and exports: how many of the actor's own records of a kind the answer must report. */
  count?: { kind: RecordKind; read: (answer: Answer) => Promise<number> | number };
}

export interface Answer {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
  json(): unknown;
}

export interface ProbeContext {
  actor: Actor;
  world: World;
  /** The route's path with {params} still in it. */
  path: string;
  method: Method;
  /** Records of a kind this actor must not see, at most a few, other city first. */
  forbidden(kind: RecordKind, filter?: (record: WorldRecord) => boolean): WorldRecord[];
  own(kind: RecordKind, filter?: (record: WorldRecord) => boolean): WorldRecord[];
  /** Records it is not denied: its own, and its city's that it may or may not see. */
  allowed(kind: RecordKind): WorldRecord[];
  /** The path with a record's parameters filled in. */
  at(record: WorldRecord): string;
}

/** What a route's classification produces for one actor. */
export type Rule =
  | { kind: 'unscoped'; why: string }
  | { kind: 'probes'; probes: (ctx: ProbeContext) => Probe[] };

const LIMIT = 4;

export function contextFor(world: World, actor: Actor, method: Method, path: string): ProbeContext {
  const pick = (kind: RecordKind, test: (r: WorldRecord) => boolean, filter?: (r: WorldRecord) => boolean) =>
    world.records
      .filter((r) => r.kind === kind && test(r) && (!filter || filter(r)))
      .sort((a, b) => Number(a.city === actor.city) - Number(b.city === actor.city))
      .slice(0, LIMIT);
  return {
    actor,
    world,
    path,
    method,
    forbidden: (kind, filter) => pick(kind, (r) => isForbidden(actor, r), filter),
    own: (kind, filter) => pick(kind, (r) => isOwn(actor, r), filter),
    allowed: (kind) => pick(kind, (r) => !isForbidden(actor, r)),
    at: (record) => path.replace(/\{(\w+)\}/g, (_, name: string) => record.params[name] ?? `missing-${name}`),
  };
}

/** Read one record by id: another scope's is hidden; any other shows nothing of another scope. */
export function readOne(kind: RecordKind, query = ''): Rule {
  return {
    kind: 'probes',
    probes: (ctx) => [
      ...ctx.forbidden(kind).map((r) => probe(ctx, ctx.at(r) + query, 'hidden')),
      ...ctx.allowed(kind).map((r) => probe(ctx, ctx.at(r) + query, 'shown')),
    ],
  };
}

/** Change one record by id: another scope's is hidden and stays as it was. */
export function writeOne(
  kind: RecordKind,
  body: (record: WorldRecord, ctx: ProbeContext) => unknown,
  options: { filter?: (record: WorldRecord) => boolean; multipart?: () => Probe['multipart'] } = {},
): Rule {
  return {
    kind: 'probes',
    probes: (ctx) =>
      ctx.forbidden(kind, options.filter).map((r) => ({
        ...probe(ctx, ctx.at(r), 'hidden', body(r, ctx)),
        multipart: options.multipart?.(),
        isWrite: true,
      })),
  };
}

/** Lists, searches and aggregates: whatever the query, only rows in the actor's scope. */
export function list(queries: (ctx: ProbeContext) => string[] = () => ['']): Rule {
  return {
    kind: 'probes',
    probes: (ctx) => queries(ctx).map((query) => probe(ctx, ctx.path + query, 'shown')),
  };
}

/** Writes whose body names records of another scope (references): refused, and nothing changes. */
export function references(bodies: (ctx: ProbeContext) => { url?: string; body: unknown }[]): Rule {
  return {
    kind: 'probes',
    probes: (ctx) =>
      bodies(ctx).map(({ url, body }) => ({
        ...probe(ctx, url ?? ctx.path, 'refused', body),
        isWrite: true,
      })),
  };
}

export function both(...rules: Rule[]): Rule {
  return {
    kind: 'probes',
    probes: (ctx) => rules.flatMap((rule) => (rule.kind === 'probes' ? rule.probes(ctx) : [])),
  };
}

export function probe(ctx: ProbeContext, url: string, expect: Probe['expect'], body?: unknown): Probe {
  return { method: ctx.method, url, body, expect, isWrite: ctx.method !== 'GET' };
}
