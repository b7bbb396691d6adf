import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_DEPTH } from '../../../domain/event-tree.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { CONDITION_WAIT_MS } from '../../testing/wait.ts';
import { eventAncestors } from '../screen/queries.ts';

let t: TestContext;
let officer: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
});
afterAll(() => t.close());

async function createEvent(nameZh: string, parentId: string | null = null) {
  const response = await t.call(officer, 'POST', '/api/events', {
    kind: 'signing_ceremony',
    nameZh,
    startsOn: '2024-05-20',
    endsOn: '2024-05-21',
    parentId,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function patchParent(event: { id: string }, parentId: string | null) {
  const [row] = await t.database.sql<
    { version: number }[]
  >`select version from events where id = ${event.id}`;
  return t.call(officer, 'PATCH', `/api/events/${event.id}`, { parentId, version: row?.version });
}

/** Fails (instead of hanging the test run) when a request does not answer in time. */
async function within<T>(label: string, work: Promise<T>, ms = CONDITION_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the event tree refuses cycles', () => {
  it('refuses an event as its own parent', async () => {
    const a = await createEvent('自指活动');
    const response = await patchParent(a, a.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'parentId', code: 'event.parent_self' });
  });

  it('refuses a descendant as parent (A over B over C; A under C)', async () => {
    const a = await createEvent('峰会 A');
    const b = await createEvent('论坛 B', a.id);
    const c = await createEvent('签约仪式 C', b.id);
    for (const descendant of [b, c]) {
      const response = await patchParent(a, descendant.id);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({
        field: 'parentId',
        code: 'event.parent_cycle',
      });
    }
    const [row] = await t.database.sql<{ parent_id: string | null }[]>`
      select parent_id from events where id = ${a.id}`;
    expect(row?.parent_id).toBeNull();
  });

  it('lets only one of two concurrent moves through when together they would make a cycle', async () => {
    const a = await createEvent('并发 A');
    const b = await createEvent('并发 B');
    const answers = await Promise.all([patchParent(a, b.id), patchParent(b, a.id)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const rows = await t.database.sql<{ parent_id: string | null }[]>`
      select parent_id from events where id in (${a.id}, ${b.id})`;
    expect(rows.filter((row) => row.parent_id === null)).toHaveLength(1);
  });

  it(`refuses a tree deeper than ${MAX_EVENT_DEPTH} levels, when creating and when moving`, async () => {
    let parent: string | null = null;
    for (let level = 1; level <= MAX_EVENT_DEPTH; level += 1)
      parent = (await createEvent(`第 ${level} 层`, parent)).id;
    const tooDeep = await t.call(officer, 'POST', '/api/events', {
      kind: 'other',
      nameZh: '太深',
      startsOn: '2024-05-20',
      endsOn: '2024-05-20',
      parentId: parent,
    });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error.details[0]).toMatchObject({ field: 'parentId', code: 'event.too_deep' });
    const top = await createEvent('两层的顶');
    await createEvent('两层的底', top.id);
    const moved = await patchParent(top, parent);
    expect(moved.json().error.details[0]).toMatchObject({ code: 'event.too_deep' });
  });
});

describe('a cycle already in the data (written around the service)', () => {
  it('never makes a route loop: every route touching the events still answers', async () => {
    const a = await createEvent('坏数据 A');
    const b = await createEvent('坏数据 B', a.id);
    const self = await createEvent('坏数据 自环');
    await t.database.sql`update events set parent_id = ${b.id} where id = ${a.id}`;
    await t.database.sql`update events set parent_id = ${self.id} where id = ${self.id}`;
    await t.database.sql`
      insert into agreements (event_id, type_code, title_zh, status, signed_on, region_code)
      values (${b.id}, 'investment', '环中协议', 'completed', '2024-05-20', '350100')`;

    for (const event of [a, b, self]) {
      const read = await within('GET event', t.call(officer, 'GET', `/api/events/${event.id}`));
      expect(read.statusCode, read.body).toBe(200);
      const screen = await within('screen', t.call(null, 'GET', `/api/screen/events/${event.id}`));
      expect(screen.statusCode, screen.body).toBe(200);
      const above = await within('ancestors', eventAncestors(t.database.db, event.id));
      expect(above.length).toBeLessThanOrEqual(MAX_EVENT_DEPTH + 1);
      const agreements = await within(
        'agreements',
        t.call(officer, 'GET', `/api/agreements?eventId=${event.id}`),
      );
      expect(agreements.statusCode).toBe(200);
      const renamed = await within(
        'PATCH',
        t.call(officer, 'PATCH', `/api/events/${event.id}`, {
          nameEn: 'renamed',
          version: read.json().version,
        }),
      );
      expect(renamed.statusCode, renamed.body).toBe(200);
      const runSheet = await within(
        'run sheet',
        t.call(officer, 'PUT', `/api/events/${event.id}/run-sheet`, { slots: [] }),
      );
      expect(runSheet.statusCode, runSheet.body).toBe(200);
    }
    const [readA] = await Promise.all([t.call(officer, 'GET', `/api/events/${a.id}`)]);
    expect(readA.json().totals.agreements).toBe(1);
    const list = await within('list', t.call(officer, 'GET', '/api/events?limit=100'));
    expect(list.statusCode).toBe(200);
    // Moving an event of the loop elsewhere is refused too: the loop is its own ancestor chain.
    const other = await createEvent('坏数据之外');
    const intoLoop = await within('PATCH into loop', patchParent(other, a.id));
    expect(intoLoop.statusCode).toBe(400);
  });
});
