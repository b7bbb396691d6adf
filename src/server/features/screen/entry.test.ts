import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../platform/live.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { eventTotals } from '../events/queries.ts';
import {
  confirmCode,
  drawn,
  linkTokenOf,
  organizationsFor,
  sendAgreementFor,
} from '../signing/test-support.ts';
import { addEntry, ScreenEntry, toSnapshot } from './figures.ts';
import { loadScreenMaps } from './map.ts';
import { screenState } from './queries.ts';

// The signature that completes an agreement announces it with what the screens add; added to the figures read
// before it, that entry must give what the figures read after it give.

let t: TestContext;
let officer: TestUser;
const maps = loadScreenMaps({ mapFile: null });
const withoutTime = <T extends { generatedAt: string }>(snapshot: T) => ({ ...snapshot, generatedAt: '' });

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350500');
});
afterAll(() => t?.close());

async function project(nameZh: string, regionCode: string, industryCode: string, investment: string) {
  const response = await t.call(officer, 'POST', '/api/projects', {
    nameZh,
    regionCode,
    industryCode,
    categoryCode: 'other',
    source: 'event',
    investment,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id as string;
}

describe('screen entry of a completed agreement', () => {
  it('is published with the last signature and adds up to a fresh read of the figures', async () => {
    const event = await t.call(officer, 'POST', '/api/events', {
      kind: 'signing_ceremony',
      nameZh: '泉州市重大项目云签约仪式',
      startsOn: '2026-11-21',
      endsOn: '2026-11-21',
      isOnline: true,
    });
    expect(event.statusCode, event.body).toBe(201);
    const eventId = event.json().id as string;
    const [government, company] = await organizationsFor(t, officer, [
      '泉州市人民政府',
      '百宏聚纤科技实业有限公司',
    ]);
    const shared = await project('泉港化工新材料项目', '350505', '2653', '138亿');
    const first = await sendAgreementFor(t, officer, {
      eventId,
      projectIds: [shared],
      parties: [
        { organizationId: government as string, signers: [{ name: '林海', email: 'lin@example.gov.cn' }] },
        { organizationId: company as string, signers: [{ name: '陈总', email: 'chen@example.com' }] },
      ],
    });
    const second = await sendAgreementFor(t, officer, {
      eventId,
      projectIds: [shared, await project('晋江数字经济产业园', '350582', '6513', '12.5亿')],
      parties: [
        { organizationId: government as string, signers: [{ name: '王东', email: 'wang@example.gov.cn' }] },
        { organizationId: company as string, signers: [{ name: '吴总', email: 'wu@example.com' }] },
      ],
    });
    const heard: LiveMessage[] = [];
    const stop = t.signing.live?.subscribe((message) => heard.push(message));
    const sign = async (name: string) => {
      const token = await linkTokenOf(t, name);
      await confirmCode(t, token, name);
      const signed = await t.call(null, 'POST', `/api/sign/${token}/sign`, drawn());
      expect(signed.statusCode, signed.body).toBe(200);
    };

    for (const [agreementId, names] of [
      [first.id, ['林海', '陈总']],
      [second.id, ['王东', '吴总']],
    ] as const) {
      const before = await screenState(t.database.db, eventId);
      for (const name of names) await sign(name);
      await expect
        .poll(() => heard.some((m) => m.kind === 'all-signed' && m.agreementId === agreementId))
        .toBe(true);
      const announced = heard.find((m) => m.kind === 'all-signed' && m.agreementId === agreementId);
      const entry = ScreenEntry.parse(announced?.screen);
      expect(entry.event.id).toBe(eventId);
      // A party's signature that leaves the agreement waiting announces nothing for the screens.
      expect(heard.filter((m) => m.kind === 'signed').every((m) => m.screen === undefined)).toBe(true);
      expect(addEntry(before, entry)).toBe(true);
      const after = await screenState(t.database.db, eventId);
      expect(withoutTime(toSnapshot(before, maps))).toEqual(withoutTime(toSnapshot(after, maps)));
      // Heard again (another instance, a repeated notification): counted once.
      expect(addEntry(after, entry)).toBe(false);
    }
    const figures = toSnapshot(await screenState(t.database.db, eventId), maps);
    expect(figures.totals).toMatchObject({
      agreements: 2,
      projects: 2,
      investmentYuan: 15_050_000_000,
      pending: 0,
    });
    const { pending: _pending, ...signed } = figures.totals;
    expect(signed).toEqual(await eventTotals(t.database.db, eventId, 'signed'));
    expect(figures.byCity.map((slice) => [slice.nameZh, slice.projects])).toEqual([['泉州市', 2]]);
    expect(figures.signings.map((signing) => signing.agreementId)).toEqual([second.id, first.id]);
    stop?.();
  });

  it('sending and voiding are announced too, so a screen counts what awaits signatures', async () => {
    const event = await t.call(officer, 'POST', '/api/events', {
      kind: 'signing_ceremony',
      nameZh: '晋江市项目集中签约',
      startsOn: '2026-11-22',
      endsOn: '2026-11-22',
      isOnline: true,
    });
    const eventId = event.json().id as string;
    const [first, second] = await organizationsFor(t, officer, ['晋江市人民政府', '安踏体育用品有限公司']);
    const heard: LiveMessage[] = [];
    const stop = t.signing.live?.subscribe((message) => heard.push(message));
    const sent = await sendAgreementFor(t, officer, {
      eventId,
      parties: [
        { organizationId: first as string, signers: [{ name: '蔡局长', email: 'cai@example.gov.cn' }] },
        { organizationId: second as string, signers: [{ name: '丁总', email: 'ding@example.com' }] },
      ],
    });
    await expect
      .poll(() => heard.map((m) => [m.kind, m.agreementId, m.eventId]))
      .toContainEqual(['sent', sent.id, eventId]);
    expect((await screenState(t.database.db, eventId)).pending).toBe(1);
    const voided = await t.call(officer, 'POST', `/api/agreements/${sent.id}/void`, {
      reason: '双方协商另行签署',
      version: sent.version,
    });
    expect(voided.statusCode, voided.body).toBe(200);
    await expect
      .poll(() => heard.map((m) => [m.kind, m.agreementId, m.eventId]))
      .toContainEqual(['voided', sent.id, eventId]);
    expect((await screenState(t.database.db, eventId)).pending).toBe(0);
    stop?.();
  });
});
