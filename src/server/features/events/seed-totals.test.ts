import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FIGURES } from '../../db/demo/figures.ts';
import { loadDemo } from '../../db/demo/index.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

// The seed articles' published figures, read back through the events API as a leader would see them.
let t: TestContext;
let fujian: TestUser;
let byName: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  await loadDemo(t.database);
  fujian = await t.user('leader', '350000');
  const items = (await t.call(fujian, 'GET', '/api/events?limit=200')).json().items as {
    id: string;
    nameZh: string;
  }[];
  byName = new Map(items.map((event) => [event.nameZh, event.id]));
});
afterAll(() => t.close());

const totals = async (nameZh: string) => {
  const id = byName.get(nameZh);
  expect(id, nameZh).toBeTruthy();
  return (await t.call(fujian, 'GET', `/api/events/${id}`)).json().totals;
};

describe('seed figures through the events API', () => {
  it('the Fuzhou expo ceremony: 28 agreements, 13 + 8 + 7, 3.24亿元', async () => {
    const expo = SEED_FIGURES.fuzhouExpo2022;
    const result = await totals(expo.eventNameZh);
    expect(result).toMatchObject({
      agreements: 28,
      projects: 28,
      investmentYuan: 324_000_000,
      displayZh: '3.24亿元',
    });
    expect(
      Object.fromEntries(
        result.byType.map((row: { typeCode: string; count: number }) => [row.typeCode, row.count]),
      ),
    ).toEqual(expo.agreementsByType);
  });

  it('Quanzhou’s cloud signing and its main venue', async () => {
    const quanzhou = SEED_FIGURES.quanzhouCloudSigning2022;
    expect(await totals(quanzhou.eventNameZh)).toMatchObject({
      projects: 380,
      investmentYuan: quanzhou.investmentYuan,
    });
    expect(await totals(quanzhou.mainVenue.eventNameZh)).toMatchObject({
      projects: 39,
      investmentYuan: quanzhou.mainVenue.investmentYuan,
    });
  });

  it('each Digital China Summit, its parts included', async () => {
    for (const summit of SEED_FIGURES.digitalChinaSummits.summits) {
      expect(await totals(summit.nameZh)).toMatchObject({
        projects: summit.projects,
        investmentYuan: summit.investmentYuan,
      });
    }
  });
});
