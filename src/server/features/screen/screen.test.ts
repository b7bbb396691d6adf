import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyScreenUpdate,
  type ScreenSnapshot,
  type ScreenStreamData,
  type ScreenUpdateData,
} from '../../../contracts/screen.ts';
import { type App, buildApp } from '../../app.ts';
import type { Database } from '../../db/connect.ts';
import { type LiveHub, type LiveMessage, openLiveHub } from '../../platform/live.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { eventTotals } from '../events/queries.ts';

let database: Database;
let live: LiveHub;
let app: App;
let base: string;
const ids = {} as Record<'summit' | 'ceremony' | 'other' | 'later' | 'first' | 'pending', string>;

async function insertEvent(nameZh: string, parentId: string | null, venueZh: string): Promise<string> {
  const [row] = await database.sql<{ id: string }[]>`
    insert into events (kind, name_zh, name_en, region_code, starts_on, ends_on, parent_id)
    values ('summit', ${nameZh}, ${`${nameZh} (en)`}, '350100', '2024-05-24', '2024-05-25', ${parentId})
    returning id`;
  const id = row?.id ?? '';
  await database.sql`insert into event_venues (event_id, kind, name_zh, name_en)
    values (${id}, 'main', ${venueZh}, ${`${venueZh} (en)`})`;
  return id;
}

async function insertOrganization(nameZh: string, nameEn: string): Promise<string> {
  const [row] = await database.sql<{ id: string }[]>`
    insert into organizations (name_zh, name_en, name_key, type, region_code, search_text, search_tokens)
    values (${nameZh}, ${nameEn}, ${nameZh}, 'private', '350100', ${nameZh}, ''::tsvector) returning id`;
  return row?.id ?? '';
}

async function insertProject(code: string, yuan: number, regionCode: string, industryCode: string) {
  const [row] = await database.sql<{ id: string }[]>`
    insert into projects (code, name_zh, region_code, industry_code, category_code, investment_amount,
      investment_yuan, source, stage_changed_on, search_text, search_tokens)
    values (${code}, ${`项目${code}`}, ${regionCode}, ${industryCode}, 'digital_industry', ${yuan}, ${yuan},
      'event', '2024-05-01', ${code}, ''::tsvector) returning id`;
  return row?.id ?? '';
}

async function insertAgreement(
  eventId: string,
  status: string,
  signedOn: string | null,
  projectIds: string[],
  partyIds: string[],
): Promise<string> {
  const [row] = await database.sql<{ id: string }[]>`
    insert into agreements (event_id, type_code, title_zh, title_en, amount_yuan, status, signed_on, region_code)
    values (${eventId}, 'investment_contract', ${`协议-${status}`}, ${`Agreement ${status}`}, 100000000,
      ${status}, ${signedOn}, '350100') returning id`;
  const id = row?.id ?? '';
  for (const projectId of projectIds)
    await database.sql`insert into agreement_projects (agreement_id, project_id) values (${id}, ${projectId})`;
  for (const [position, organizationId] of partyIds.entries())
    await database.sql`insert into agreement_parties (agreement_id, organization_id, position)
      values (${id}, ${organizationId}, ${position})`;
  return id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  live = await openLiveHub(database);
  app = await buildApp({ database, live });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  ids.summit = await insertEvent('数字峰会', null, '海峡国际会展中心');
  ids.ceremony = await insertEvent('重点项目签约仪式', ids.summit, '签约厅');
  ids.other = await insertEvent('另一场推介会', null, '别处');
  const government = await insertOrganization('福州市人民政府', 'Fuzhou Municipal Government');
  const firm = await insertOrganization('宽腾医疗', 'Kuanteng Medical');
  const robots = await insertProject('P1', 120_000_000, '350102', '6513'); // 福州 · I 信息技术
  const ocean = await insertProject('P2', 204_000_000, '350203', '3921'); // 厦门 · C 制造业
  ids.later = await insertProject('P3', 500_000_000, '130108', '6531'); // 石家庄 · I
  const elsewhere = await insertProject('P4', 900_000_000, '350102', '6513');
  ids.first = await insertAgreement(ids.ceremony, 'completed', '2024-05-24', [robots], [government, firm]);
  await insertAgreement(ids.summit, 'completed', '2024-05-25', [robots, ocean], [firm]);
  ids.pending = await insertAgreement(ids.ceremony, 'signing', null, [ids.later], [firm]);
  await insertAgreement(ids.summit, 'voided', '2024-05-24', [elsewhere], []);
  await insertAgreement(ids.summit, 'declined', '2024-05-24', [elsewhere], []);
  await insertAgreement(ids.other, 'completed', '2024-05-24', [elsewhere], []);
});
afterAll(async () => {
  await app?.close();
  await live?.close();
  await database?.close();
});

/** Reads Server-Sent Events frames from a streaming fetch. */
class SseReader {
  private buffer = '';
  private snapshot: ScreenSnapshot | null = null;
  /** Sizes of the update frames received, to check they stay small. */
  readonly updateBytes: number[] = [];
  private readonly decoder = new TextDecoder();
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string): Promise<SseReader> {
    const abort = new AbortController();
    const response = await fetch(url, { signal: abort.signal });
    if (!response.body) throw new Error('no body');
    return new SseReader(response.body.getReader(), response, abort);
  }

  /** The next `snapshot` frame's data, or null when none comes within the time given. */
  async next(timeoutMs: number): Promise<ScreenStreamData | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: snapshot') && data) {
          const frame = JSON.parse(data.slice(6)) as ScreenStreamData;
          this.snapshot = frame.snapshot;
          return frame;
        }
        // An update carries only what changed: apply it to the snapshot held, as the screen page does.
        if (block.includes('event: update') && data && this.snapshot) {
          const frame = JSON.parse(data.slice(6)) as ScreenUpdateData;
          this.updateBytes.push(data.length);
          this.snapshot = applyScreenUpdate(this.snapshot, frame.update);
          return { cause: frame.cause, snapshot: this.snapshot };
        }
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), left);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === null) return null;
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

// A frame that is coming arrives long before this on any machine; the limit only ends a test that hangs.
const FRAME_WAIT_MS = 20_000;

const getJson = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, never> };
};

describe('screen snapshot', () => {
  it('counts the signed agreements of the event and its parts, each project once', async () => {
    const { status, body } = await getJson(`/api/screen/events/${ids.summit}`);
    expect(status).toBe(200);
    const snapshot = body as unknown as ScreenSnapshot;
    expect(snapshot.totals).toMatchObject({
      agreements: 2,
      projects: 2,
      investmentYuan: 324_000_000,
      displayZh: '3.24亿元',
      displayEn: 'RMB 324 million',
      pending: 1,
    });
    // Counted in memory (figures.ts), to the letter of the event page's definition.
    const { pending: _pending, ...signed } = snapshot.totals;
    expect(signed).toEqual(await eventTotals(database.db, ids.summit, 'signed'));
    expect(snapshot.event.parts.map((p) => p.nameZh)).toEqual(['重点项目签约仪式']);
    expect(snapshot.signings.map((s) => s.signedOn)).toEqual(['2024-05-25', '2024-05-24']);
    const atCeremony = snapshot.signings[1];
    expect(atCeremony).toMatchObject({
      agreementId: ids.first,
      parties: [
        { nameZh: '福州市人民政府', nameEn: 'Fuzhou Municipal Government' },
        { nameZh: '宽腾医疗', nameEn: 'Kuanteng Medical' },
      ],
      amountYuan: 100_000_000,
      amountZh: '1.00亿元',
      venue: { nameZh: '签约厅' },
      part: { id: ids.ceremony, nameZh: '重点项目签约仪式' },
      region: { code: '350100', nameZh: '福州市' },
    });
    expect(snapshot.byIndustry.map((s) => [s.code, s.projects, s.investmentYuan])).toEqual([
      ['C', 1, 204_000_000],
      ['I', 1, 120_000_000],
    ]);
    expect(snapshot.byIndustry[0]?.nameZh).toBe('制造业');
    expect(snapshot.byCity.map((s) => [s.code, s.nameZh, s.investmentYuan])).toEqual([
      ['350200', '厦门市', 204_000_000],
      ['350100', '福州市', 120_000_000],
    ]);
    expect(snapshot.byProvince).toEqual([
      {
        code: '350000',
        nameZh: '福建省',
        nameEn: 'Fujian',
        mapName: '福建',
        projects: 2,
        investmentYuan: 324_000_000,
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toMatch(/mobile|email/);
  });

  it('a part alone counts only its own signings', async () => {
    const { body } = await getJson(`/api/screen/events/${ids.ceremony}`);
    expect((body as unknown as ScreenSnapshot).totals).toMatchObject({
      agreements: 1,
      projects: 1,
      pending: 1,
    });
  });

  it('answers 404 for an unknown event and 400 for a bad id, on both routes', async () => {
    const unknown = randomUUID();
    for (const path of [`/api/screen/events/${unknown}`, `/api/screen/events/${unknown}/stream`]) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(404);
      expect(body.error).toMatchObject({
        code: 'not_found',
        en: `Event not found or not visible to you: ${unknown}`,
      });
    }
    for (const path of ['/api/screen/events/42', '/api/screen/events/42/stream']) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(400);
      expect(body.error).toMatchObject({ details: [{ field: 'params.id' }] });
    }
  });

  const featureNames = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const map = (await response.json()) as { features: { properties: { name: string } }[] };
    return map.features.map((f) => f.properties.name);
  };

  it('serves the bundled map of China with its 南海诸岛 inset', async () => {
    const names = await featureNames('/api/screen/map');
    expect(names).toContain('福建');
    expect(names).toContain('南海诸岛');
  });

  it("draws a city's event on its province map, by city, and a national event on the national map", async () => {
    const local = (await getJson(`/api/screen/events/${ids.summit}`)).body as unknown as ScreenSnapshot;
    expect(local.map.key).toBe('350000');
    expect(local.map.areas.map((a) => [a.code, a.mapName, a.investmentYuan])).toEqual([
      ['350200', '厦门市', 204_000_000],
      ['350100', '福州市', 120_000_000],
    ]);
    const province = await featureNames(`/api/screen/maps/${local.map.key}`);
    expect(province).toEqual(expect.arrayContaining(['福州市', '厦门市', '泉州市']));
    expect(province).not.toContain('河北');

    const [row] = await database.sql<{ id: string }[]>`
      insert into events (kind, name_zh, region_code, starts_on, ends_on)
      values ('summit', '全国峰会', '000000', '2024-05-24', '2024-05-25') returning id`;
    const national = (await getJson(`/api/screen/events/${row?.id}`)).body as unknown as ScreenSnapshot;
    expect(national.map).toEqual({ key: 'china', areas: [] });
    const names = await featureNames(`/api/screen/maps/${national.map.key}`);
    expect(names).toEqual(expect.arrayContaining(['福建', '河北', '南海诸岛']));
    expect((await getJson('/api/screen/maps/990000')).status).toBe(404);
    expect((await getJson('/api/screen/maps/fujian')).status).toBe(400);
  });
});

describe('screen stream', () => {
  it('pushes the new totals to every viewer within 1 s of a signing, and nothing for other events', async () => {
    const viewers = [
      await SseReader.open(`${base}/api/screen/events/${ids.summit}/stream`),
      await SseReader.open(`${base}/api/screen/events/${ids.summit}/stream`),
    ];
    try {
      for (const viewer of viewers) {
        expect(viewer.response.headers.get('content-type')).toMatch(/text\/event-stream/);
        expect(viewer.response.headers.get('x-accel-buffering')).toBe('no');
        const first = await viewer.next(FRAME_WAIT_MS);
        expect(first?.cause).toBeNull();
        expect(first?.snapshot.totals).toMatchObject({ agreements: 2, projects: 2, pending: 1 });
      }

      await database.sql`update agreements set status = 'completed', signed_on = '2024-05-25', signed_at = now()
        where id = ${ids.pending}`;
      const message: LiveMessage = {
        kind: 'all-signed',
        agreementId: ids.pending,
        eventId: ids.ceremony,
        at: new Date().toISOString(),
      };
      await live.publish(message);
      for (const viewer of viewers) {
        const update = await viewer.next(FRAME_WAIT_MS);
        expect(update, 'a snapshot').not.toBeNull();
        expect(update?.cause).toEqual(message);
        expect(update?.snapshot.totals).toMatchObject({
          agreements: 3,
          projects: 3,
          investmentYuan: 824_000_000,
          displayZh: '8.24亿元',
          pending: 0,
        });
        expect(update?.snapshot.signings[0]?.agreementId).toBe(ids.pending);
        expect(update?.snapshot.byProvince.map((p) => p.mapName)).toEqual(['河北', '福建']);
        expect(viewer.updateBytes).toHaveLength(1);
        expect(viewer.updateBytes[0]).toBeLessThan(JSON.stringify(update?.snapshot).length);
      }

      await live.publish({ ...message, agreementId: randomUUID(), eventId: ids.other });
      for (const viewer of viewers) expect(await viewer.next(400)).toBeNull();
    } finally {
      for (const viewer of viewers) viewer.close();
    }
  });
});
