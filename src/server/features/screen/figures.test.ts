import { describe, expect, it } from 'vitest';
import { SIGNINGS_SHOWN } from '../../../contracts/screen.ts';
import {
  addEntry,
  compareFeedItems,
  type ScreenEntry,
  type ScreenProject,
  type ScreenState,
  toSnapshot,
} from './figures.ts';
import { loadScreenMaps } from './map.ts';

const EVENT = '11111111-1111-4111-8111-111111111111';
const PART = '22222222-2222-4222-8222-222222222222';
const uuid = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;

const maps = loadScreenMaps({ mapFile: null });

function emptyState(pending: number, regionCode = '350500'): ScreenState {
  return {
    event: {
      id: EVENT,
      kind: 'summit',
      nameZh: '峰会',
      nameEn: null,
      regionCode,
      startsOn: '2026-11-21',
      endsOn: '2026-11-22',
      isOnline: false,
      venues: [],
      parts: [{ id: PART, parentId: EVENT, nameZh: '分会场', nameEn: null }],
    },
    pending,
    agreements: new Map(),
    projects: new Map(),
    feed: [],
  };
}

const key = (code: string, nameZh: string) => ({ code, nameZh, nameEn: null });
function project(n: number, yuan: number, industry: string, city: string): ScreenProject {
  return {
    id: uuid(1000 + n),
    investmentYuan: yuan,
    industry: key(industry, `门类${industry}`),
    county: key(`${city.slice(0, 4)}02`, `区${city}`),
    city: key(city, `城市${city}`),
    province: key(`${city.slice(0, 2)}0000`, `省${city.slice(0, 2)}`),
  };
}

function entry(
  n: number,
  signed: { on: string; at: string | null; created?: string },
  projects: ScreenProject[] = [],
  eventId = EVENT,
): ScreenEntry {
  return {
    card: {
      agreementId: uuid(n),
      signedAt: signed.at,
      signedOn: signed.on,
      titleZh: `协议${n}`,
      titleEn: null,
      typeCode: n % 2 ? 'investment_contract' : 'framework_agreement',
      parties: [],
      amountYuan: null,
      amountZh: null,
      amountEn: null,
      venue: null,
      region: key('350500', '泉州市'),
    },
    event: { id: eventId, nameZh: eventId === EVENT ? '峰会' : '分会场', nameEn: null },
    createdAt: signed.created ?? '2026-11-01T00:00:00.000Z',
    projects,
  };
}

describe('screen figures', () => {
  it('counts each agreement and each project once, slices by investment then code, pending down', () => {
    const state = emptyState(3);
    const robots = project(1, 300, 'I', '350500');
    const fibre = project(2, 500, 'C', '350200');
    const port = project(3, 300, 'G', '350500');
    expect(addEntry(state, entry(1, { on: '2026-11-21', at: '2026-11-21T02:00:00Z' }, [robots, fibre]))).toBe(
      true,
    );
    expect(
      addEntry(state, entry(2, { on: '2026-11-21', at: '2026-11-21T02:01:00Z' }, [fibre, port], PART)),
    ).toBe(true);
    expect(addEntry(state, entry(2, { on: '2026-11-21', at: '2026-11-21T02:01:00Z' }, [fibre, port]))).toBe(
      false,
    );
    const snapshot = toSnapshot(state, maps);
    expect(snapshot.totals).toMatchObject({
      agreements: 2,
      byType: [
        { typeCode: 'framework_agreement', count: 1 },
        { typeCode: 'investment_contract', count: 1 },
      ],
      projects: 3,
      investmentYuan: 1100,
      pending: 1,
    });
    expect(snapshot.byIndustry.map((s) => s.code)).toEqual(['C', 'G', 'I']);
    expect(snapshot.byCity.map((s) => [s.code, s.projects, s.investmentYuan])).toEqual([
      ['350500', 2, 600],
      ['350200', 1, 500],
    ]);
    expect(snapshot.byProvince).toEqual([
      {
        code: '350000',
        nameZh: '省35',
        nameEn: null,
        projects: 3,
        investmentYuan: 1100,
        mapName: '福建',
      },
    ]);
    // A city's event draws its province's map, with the cities where projects land.
    expect(snapshot.map.key).toBe('350000');
    expect(snapshot.map.areas.map((s) => [s.code, s.mapName, s.projects, s.investmentYuan])).toEqual([
      ['350500', '泉州市', 2, 600],
      ['350200', '厦门市', 1, 500],
    ]);
    // The feed names the part an agreement was signed at, not the screen's own event.
    expect(snapshot.signings.map((s) => [s.agreementId, s.part?.id ?? null])).toEqual([
      [uuid(2), PART],
      [uuid(1), null],
    ]);
    expect(addEntry(state, entry(3, { on: '2026-11-21', at: null }))).toBe(true);
    expect(addEntry(state, entry(4, { on: '2026-11-21', at: null }))).toBe(true);
    expect(state.pending).toBe(0);
  });

  it('orders the feed as the database does and keeps the latest 20', () => {
    const state = emptyState(100);
    const signings = [
      entry(1, { on: '2026-11-20', at: '2026-11-20T09:00:00Z' }),
      entry(2, { on: '2026-11-21', at: null, created: '2026-11-02T00:00:00Z' }),
      entry(3, { on: '2026-11-21', at: null, created: '2026-11-01T00:00:00Z' }),
      entry(4, { on: '2026-11-21', at: '2026-11-21T01:00:00Z' }),
      entry(5, { on: '2026-11-21', at: '2026-11-21T03:00:00Z' }),
      entry(6, { on: '2026-11-21', at: '2026-11-21T03:00:00Z' }),
    ];
    for (const signing of [signings[3], signings[0], signings[2], signings[5], signings[1], signings[4]])
      addEntry(state, signing as ScreenEntry);
    expect(state.feed.map((item) => item.card.agreementId)).toEqual([5, 6, 4, 2, 3, 1].map(uuid));
    expect([...state.feed].sort(compareFeedItems)).toEqual(state.feed);

    for (let n = 10; n < 40; n += 1)
      addEntry(state, entry(n, { on: '2026-11-22', at: `2026-11-22T00:00:${n}Z` }));
    expect(state.feed).toHaveLength(SIGNINGS_SHOWN);
    expect(state.feed[0]?.card.agreementId).toBe(uuid(39));
    expect(state.feed.at(-1)?.card.agreementId).toBe(uuid(20));
    // Older than all 20 shown: counted, not on the feed.
    expect(addEntry(state, entry(50, { on: '2026-11-01', at: null }))).toBe(true);
    expect(state.feed.some((item) => item.card.agreementId === uuid(50))).toBe(false);
    expect(state.agreements.size).toBe(37);
  });
});

describe('the map of a screen', () => {
  const state = (regionCode: string, ...projects: ScreenProject[]) => {
    const s = emptyState(0, regionCode);
    for (const p of projects) s.projects.set(p.id, p);
    return s;
  };
  const quanzhou = project(1, 300, 'I', '350500');
  const shijiazhuang = project(2, 200, 'C', '130100');

  it.each([
    [
      'a national event draws the national map by province',
      '000000',
      'china',
      [
        ['350000', '福建'],
        ['130000', '河北'],
      ],
    ],
    ['a province event draws its province map by city', '350000', '350000', [['350500', '泉州市']]],
    ['a county event draws its province map too', '350504', '350000', [['350500', '泉州市']]],
    ['a municipality draws its districts', '110000', '110000', []],
  ])('%s', (_name, regionCode, key, areas) => {
    const view = toSnapshot(state(regionCode, quanzhou, shijiazhuang), maps).map;
    expect(view.key).toBe(key);
    // Projects off the map (Hebei on Fujian's map) are left off it; the other breakdowns still count them.
    expect(view.areas.map((s) => [s.code, s.mapName])).toEqual(areas);
  });
});
