import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../../domain/china-today.ts';
import {
  agreementDocuments,
  agreementProjects,
  agreements,
  auditLog,
  stageChanges,
} from '../../db/schema.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { readUntil } from '../../testing/wait.ts';
import { sealAgreement, sealQueueIdle } from '../signing/seal.ts';
import { drawn, organizationsFor, sendAgreementFor } from '../signing/test-support.ts';
import { moveProjectsOnSeal } from './agreement-moves.ts';

let t: TestContext;
let officer: TestUser;
let orgs: string[];

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
  orgs = await organizationsFor(t, officer, [
    '福州市人民政府',
    '百宏实业控股有限公司',
    '恒申控股集团有限公司',
  ]);
});
afterAll(() => t.close());

const today = chinaToday();

async function createProject(nameZh: string, stage: 'lead' | 'negotiating') {
  const response = await t.call(officer, 'POST', '/api/projects', {
    nameZh,
    regionCode: '350102',
    industryCode: '6513',
    categoryCode: 'digital_industry',
    source: 'event',
    investment: '5亿',
    stage,
    investors: [{ organizationId: orgs[1], role: 'lead_investor' }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function uploadPdf(name: string): Promise<string> {
  const response = await t.upload(officer, '/api/files', {
    name,
    type: 'application/pdf',
    content: Buffer.from('%PDF-1.4\n% test evidence\n'),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function move(id: string, to: string, extra: Record<string, unknown>) {
  const version = (await t.call(officer, 'GET', `/api/projects/${id}`)).json().version;
  const response = await t.call(officer, 'POST', `/api/projects/${id}/stage`, {
    to,
    on: today,
    version,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Sends an agreement linked to the projects, has both parties sign on site, and waits for its seal. */
async function sealedAgreementFor(projectIds: string[]) {
  const { id } = await sendAgreementFor(t, officer, {
    projectIds,
    parties: [
      { organizationId: orgs[0] as string, signers: [{ name: '林主任' }] },
      { organizationId: orgs[1] as string, signers: [{ name: '吴总' }] },
    ],
  });
  const read = async () => (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
  const signers = (await read()).parties.flatMap((p: { signers: { id: string }[] }) => p.signers);
  for (const signer of signers) {
    const signed = await t.call(
      officer,
      'POST',
      `/api/agreements/${id}/signers/${signer.id}/onsite`,
      drawn(),
    );
    expect(signed.statusCode, signed.body).toBe(200);
  }
  await sealQueueIdle(t.signing);
  return readUntil(read, (agreement) => agreement.status === 'completed', 'the seal');
}

const project = async (user: TestUser, id: string) => t.call(user, 'GET', `/api/projects/${id}`);
const timeline = async (user: TestUser, id: string) => t.call(user, 'GET', `/api/projects/${id}/timeline`);

describe('a sealed agreement moves its projects', () => {
  let agreement: { id: string; version: number; seal: { sealedAt: string } };
  let negotiating: { id: string };
  let started: { id: string };
  let dropped: { id: string };

  beforeAll(async () => {
    negotiating = await createProject('百宏新材料产业园项目', 'negotiating');
    started = await createProject('百宏智能织造二期项目', 'lead');
    await move(started.id, 'signed', {
      evidence: [{ fileId: await uploadPdf('签约.pdf'), kind: 'agreement' }],
    });
    await move(started.id, 'registered', {
      evidence: [{ fileId: await uploadPdf('执照.pdf'), kind: 'business_license' }],
    });
    await move(started.id, 'construction', {
      evidence: [{ fileId: await uploadPdf('许可.pdf'), kind: 'construction_permit' }],
    });
    dropped = await createProject('百宏物流中心项目', 'negotiating');
    await move(dropped.id, 'dropped', { reason: '企业调整投资计划' });
    agreement = await sealedAgreementFor([negotiating.id, started.id, dropped.id]);
  });

  it('moves a 在谈 project to 签约, dated the seal in China time, the sealed agreement its evidence', async () => {
    const sealedOn = chinaToday(new Date(agreement.seal.sealedAt));
    const moved = (await project(officer, negotiating.id)).json();
    expect(moved).toMatchObject({ stage: 'signed', signedOn: sealedOn, stageChangedOn: sealedOn });
    const { items, agreements } = (await timeline(officer, negotiating.id)).json();
    expect(items[0]).toMatchObject({
      kind: 'stage',
      fromStage: 'negotiating',
      toStage: 'signed',
      on: sealedOn,
      actor: null,
      agreement: { id: agreement.id, titleZh: '新能源产业战略合作协议', status: 'completed' },
    });
    expect(agreements).toEqual([
      expect.objectContaining({ id: agreement.id, hasMovedProject: true, isVoidedAfterMove: false }),
    ]);
    // The audit log names the platform (no user) as the one who moved it.
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, negotiating.id), eq(auditLog.action, 'stage')));
    expect(audits.map((entry) => entry.actorId)).toEqual([null]);
  });

  it('moves nothing twice when the seal is retried or the move runs again', async () => {
    expect(await sealAgreement(t.database.db, t.signing, agreement.id)).toBe('not-due');
    const again = await t.database.db.transaction((tx) => moveProjectsOnSeal(tx, agreement.id, new Date()));
    expect(again).toEqual([]);
    const changes = await t.database.db
      .select()
      .from(stageChanges)
      .where(eq(stageChanges.agreementId, agreement.id));
    expect(changes.map((change) => change.projectId)).toEqual([negotiating.id]);
  });

  it('leaves a 开工 project at its stage, with the agreement on its timeline', async () => {
    expect((await project(officer, started.id)).json().stage).toBe('construction');
    const { items, agreements } = (await timeline(officer, started.id)).json();
    expect(items[0]).toMatchObject({ kind: 'agreement', action: 'sealed', agreement: { id: agreement.id } });
    const stages = items.filter((item: { kind: string }) => item.kind === 'stage');
    expect(stages.map((item: { toStage: string }) => item.toStage)).toEqual([
      'construction',
      'registered',
      'signed',
      'lead',
    ]);
    expect(agreements).toEqual([expect.objectContaining({ id: agreement.id, hasMovedProject: false })]);
  });

  it('leaves a dropped project dropped', async () => {
    expect((await project(officer, dropped.id)).json().stage).toBe('dropped');
  });

  it('flags the project when the agreement that moved it is voided later, and keeps its stage', async () => {
    const current = (await t.call(officer, 'GET', `/api/agreements/${agreement.id}`)).json();
    const voided = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/void`, {
      reason: '双方协商解除',
      version: current.version,
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect((await project(officer, negotiating.id)).json().stage).toBe('signed');
    const { items, agreements } = (await timeline(officer, negotiating.id)).json();
    expect(agreements).toEqual([
      expect.objectContaining({ id: agreement.id, status: 'voided', isVoidedAfterMove: true }),
    ]);
    expect(items[0]).toMatchObject({ kind: 'stage', toStage: 'signed', agreement: { status: 'voided' } });
    // A project the agreement did not move is not flagged.
    const other = (await timeline(officer, started.id)).json();
    expect(other.agreements[0]).toMatchObject({ status: 'voided', isVoidedAfterMove: false });
  });

  it('shows nothing new to an enterprise user of another organization or an officer of another city', async () => {
    const investor = await t.user('enterprise', '350100', { organizationId: orgs[1] });
    const stranger = await t.user('enterprise', '350100', { organizationId: orgs[2] });
    const xiamen = await t.user('officer', '350200');
    for (const user of [stranger, xiamen]) {
      expect((await project(user, negotiating.id)).statusCode).toBe(404);
      expect((await timeline(user, negotiating.id)).statusCode).toBe(404);
    }
    // The investing enterprise, a party to the agreement, sees it with its project.
    const seen = (await timeline(investor, negotiating.id)).json();
    expect(seen.agreements.map((a: { id: string }) => a.id)).toEqual([agreement.id]);
  });
});

describe('an agreement voided while its seal was pending', () => {
  it('is not sealed and moves no project', async () => {
    const sealed = await sealedAgreementFor([]);
    const waiting = await createProject('百宏再生纤维项目', 'negotiating');
    // As if the void had landed between the last signature and the seal.
    await t.database.db.insert(agreementProjects).values({ agreementId: sealed.id, projectId: waiting.id });
    const { revision } = sealed.document;
    await t.database.db
      .delete(agreementDocuments)
      .where(and(eq(agreementDocuments.agreementId, sealed.id), eq(agreementDocuments.revision, revision)));
    await t.database.db
      .update(agreements)
      .set({ status: 'voided', sealStatus: 'pending', sealAttempts: 0, documentRevision: revision - 1 })
      .where(eq(agreements.id, sealed.id));
    expect(await sealAgreement(t.database.db, t.signing, sealed.id, { isFirstAttempt: true })).toBe(
      'not-due',
    );
    const after = (await t.call(officer, 'GET', `/api/agreements/${sealed.id}`)).json();
    expect(after).toMatchObject({ status: 'voided', seal: { status: 'none' } });
    expect((await project(officer, waiting.id)).json().stage).toBe('negotiating');
  });
});
