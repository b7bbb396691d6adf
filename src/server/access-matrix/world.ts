import type { Role } from '../db/schema.ts';
import { drawnSignaturePng } from '../features/signing/test-support.ts';
import type { TestContext, TestUser } from '../testing/app.ts';

/** The kinds of record a route can name by id. */
export type RecordKind =
  | 'project'
  | 'organization'
  | 'event'
  | 'agreement'
  | 'signer'
  | 'file'
  | 'webhook'
  | 'user';

/**
 * One fixture record. `enterprise` says which enterprise's record it is (1 or 2; 0: none may see it);
 * left out, the record belongs to its city alone and an enterprise of that city may or may not see it.
 */
export interface WorldRecord {
  kind: RecordKind;
  id: string;
  city: CityKey;
  enterprise?: number;
  /** Distinct text of the record (names, titles) that must not reach an actor outside its scope. */
  texts: string[];
  /** Route parameters naming it ({id}, {signerId}). */
  params: Record<string, string>;
  /** Agreement status, so a probe can pick a draft. */
  status?: string;
  /** The version a write must send, read when the world is built. */
  version: number;
}

export type CityKey = 'A' | 'B';
export const CITIES: Record<CityKey, { code: string; district: string; nameZh: string }> = {
  A: { code: '350100', district: '350102', nameZh: '福州' },
  B: { code: '350500', district: '350505', nameZh: '泉州' },
};

/** A signed-in user of the matrix: a role in a city; an enterprise user speaks for its city's enterprise 1. */
export interface Actor {
  label: string;
  role: Role;
  city: CityKey;
  enterprise?: number;
  user: TestUser;
}

export const MATRIX_ROLES: readonly Role[] = [
  'admin',
  'leader',
  'officer',
  'organizer',
  'service',
  'enterprise',
];

export interface World {
  records: WorldRecord[];
  actors: Actor[];
}

/** True when the actor must never see this record. */
export function isForbidden(actor: Actor, record: WorldRecord): boolean {
  if (record.city !== actor.city) return true;
  return (
    actor.role === 'enterprise' && record.enterprise !== undefined && record.enterprise !== actor.enterprise
  );
}

/** True when the actor must see this record (a list or a count leaving it out is wrong, not a leak). */
export function isOwn(actor: Actor, record: WorldRecord): boolean {
  if (record.city !== actor.city) return false;
  return actor.role !== 'enterprise' || record.enterprise === actor.enterprise;
}

export function tinyPdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n% ${label}\n%%EOF\n`,
  );
}

async function ok<T>(
  response: { statusCode: number; body: string; json(): unknown },
  what: string,
): Promise<T> {
  if (response.statusCode >= 300) throw new Error(`fixture ${what}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/** Builds one city: organizations, projects with evidence, an event with a draft and a sent agreement. */
async function buildCity(t: TestContext, city: CityKey, records: WorldRecord[], actors: Actor[]) {
  const { code, district } = CITIES[city];
  const officer = await t.user('officer', code);
  const add = (
    record: Omit<WorldRecord, 'city' | 'params' | 'version'> & { params?: Record<string, string> },
  ) => {
    records.push({ ...record, city, params: record.params ?? { id: record.id }, version: 1 });
  };
  const organization = async (label: string, enterprise: number | undefined, type = 'private') => {
    const nameZh = `矩阵${city}单位${label}号`;
    const created = await ok<{ id: string }>(
      await t.call(officer, 'POST', '/api/organizations', { nameZh, type }),
      nameZh,
    );
    add({ kind: 'organization', id: created.id, enterprise, texts: [nameZh] });
    return created.id;
  };
  const government = await organization('政', undefined, 'government');
  const enterprises = [await organization('1', 1), await organization('2', 2)];
  await organization('0', 0);

  const projects: string[] = [];
  for (const [index, investor] of [undefined, ...enterprises].entries()) {
    const nameZh = `矩阵${city}项目${index}号`;
    const created = await ok<{ id: string; version: number; code: string }>(
      await t.call(officer, 'POST', '/api/projects', {
        nameZh,
        regionCode: district,
        industryCode: '6513',
        categoryCode: 'digital_industry',
        source: 'event',
        investment: `${index + 1}亿`,
        stageOn: '2024-01-02',
        investors: investor ? [{ organizationId: investor, role: 'lead_investor' }] : [],
      }),
      nameZh,
    );
    add({ kind: 'project', id: created.id, enterprise: index, texts: [nameZh, created.code] });
    projects.push(created.id);
    if (!investor) continue;
    const fileName = `矩阵${city}证明${index}号.pdf`;
    const file = await ok<{ id: string }>(
      await t.upload(officer, '/api/files', {
        name: fileName,
        type: 'application/pdf',
        content: tinyPdf(fileName),
      }),
      fileName,
    );
    await ok(
      await t.call(officer, 'POST', `/api/projects/${created.id}/stage`, {
        to: 'signed',
        on: '2024-05-24',
        evidence: [{ fileId: file.id, kind: 'agreement' }],
        version: created.version,
      }),
      `stage ${nameZh}`,
    );
    add({ kind: 'file', id: file.id, enterprise: index, texts: [fileName] });
  }

  const eventName = `矩阵${city}活动号`;
  const event = await ok<{ id: string; version: number }>(
    await t.call(officer, 'POST', '/api/events', {
      kind: 'signing_ceremony',
      nameZh: eventName,
      startsOn: '2024-06-01',
      endsOn: '2024-06-02',
      organizations: [{ organizationId: government, role: 'organizer' }],
    }),
    eventName,
  );
  add({ kind: 'event', id: event.id, texts: [eventName] });

  const agreementIds: string[] = [];
  for (const index of [1, 2]) {
    const titleZh = `矩阵${city}协议${index}号`;
    const signerName = `矩阵${city}签署人${index}号`;
    const created = await ok<{ id: string; version: number }>(
      await t.call(officer, 'POST', '/api/agreements', {
        eventId: event.id,
        typeCode: 'strategic_cooperation',
        titleZh,
        amount: '1亿',
        projectIds: [projects[index]],
        parties: [
          { organizationId: enterprises[index - 1], signers: [{ name: signerName, email: 'a@example.com' }] },
          {
            organizationId: government,
            signers: [{ name: `矩阵${city}政府签署人号`, email: 'g@example.com' }],
          },
        ],
      }),
      titleZh,
    );
    let view = created as { id: string; status?: string; parties?: { signers: { id: string }[] }[] };
    if (index === 2) {
      view = await ok(
        await t.call(officer, 'POST', `/api/agreements/${created.id}/send`, { version: created.version }),
        `send ${titleZh}`,
      );
    } else {
      view = await ok(await t.call(officer, 'GET', `/api/agreements/${created.id}`), titleZh);
    }
    add({
      kind: 'agreement',
      id: created.id,
      enterprise: index,
      texts: [titleZh, signerName],
      status: view.status,
    });
    const signerId = view.parties?.[0]?.signers[0]?.id;
    if (signerId) {
      add({
        kind: 'signer',
        id: signerId,
        enterprise: index,
        texts: [signerName],
        params: { id: created.id, signerId },
      });
    }
    agreementIds.push(created.id);
  }
  await ok(
    await t.call(officer, 'PUT', `/api/events/${event.id}/run-sheet`, {
      slots: agreementIds.map((agreementId, index) => ({
        agreementId,
        startsAt: `2024-06-01T${String(9 + index).padStart(2, '0')}:00:00+08:00`,
      })),
    }),
    'run sheet',
  );

  // Stored directly: registering one through the API may check the address, which is not what this tests.
  const [webhook] = await t.database.sql<{ id: string }[]>`
    insert into webhooks (url, secret, region_code) values (${`https://hooks.example.com/${city}`}, 'secret', ${code})
    returning id`;
  if (webhook) add({ kind: 'webhook', id: webhook.id, enterprise: 0, texts: [`hooks.example.com/${city}`] });

  const users = await Promise.all(
    MATRIX_ROLES.map((role) =>
      t.user(role, code, role === 'enterprise' ? { organizationId: enterprises[0] } : {}),
    ),
  );
  for (const [index, role] of MATRIX_ROLES.entries()) {
    const user = users[index];
    if (!user) continue;
    actors.push({
      label: `${role}@${city}`,
      role,
      city,
      enterprise: role === 'enterprise' ? 1 : undefined,
      user,
    });
    add({ kind: 'user', id: user.id, texts: [user.username] });
  }
  add({ kind: 'user', id: officer.id, texts: [officer.username] });
  for (const record of records) {
    const plural = {
      project: 'projects',
      organization: 'organizations',
      event: 'events',
      agreement: 'agreements',
    };
    if (record.city !== city || !(record.kind in plural)) continue;
    const url = `/api/${plural[record.kind as keyof typeof plural]}/${record.id}`;
    record.version = (await ok<{ version: number }>(await t.call(officer, 'GET', url), url)).version;
  }
}

/** Two cities, each with its two enterprises, and a user of every role in each. */
export async function buildWorld(t: TestContext): Promise<World> {
  const records: WorldRecord[] = [];
  const actors: Actor[] = [];
  // The cities side by side: their password hashes and PDFs overlap with the other's queries.
  await Promise.all([buildCity(t, 'A', records, actors), buildCity(t, 'B', records, actors)]);
  actors.sort((a, b) => a.label.localeCompare(b.label));
  return { records, actors };
}

export const drawnSignature = () => ({ signature: { kind: 'drawn', png: drawnSignaturePng() } });
