import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { LINK_MAX_CODES_PER_HOUR, LINK_MAX_FAILURES } from './code-limits.ts';
import { sealQueueIdle } from './seal.ts';
import { drawn, lastMessage, linkTokenOf, organizationsFor, sendAgreementFor } from './test-support.ts';

let t: TestContext;
let officer: TestUser;
let orgs: string[];
/** The signing clock runs this far ahead of the real one: the tests move time instead of waiting. */
let offset = 0;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350500');
  orgs = await organizationsFor(t, officer, ['泉州市人民政府', '九牧厨卫股份有限公司']);
  t.signing.now = () => new Date(Date.now() + offset);
});
afterAll(() => t.close());
beforeEach(() => {
  offset = 0;
});

const advance = (seconds: number) => {
  offset += seconds * 1000;
};

let counter = 0;
async function sendTwoParty() {
  counter += 1;
  const name = `猜码${counter}`;
  const { id } = await sendAgreementFor(t, officer, {
    parties: [
      { organizationId: orgs[0] as string, signers: [{ name }] },
      { organizationId: orgs[1] as string, signers: [{ name: `对方${counter}` }] },
    ],
  });
  return { id, name, token: await linkTokenOf(t, name) };
}

/** A minute later (past the resend pause), a new code; returns it from the outbox. */
async function askCode(token: string, name: string): Promise<string> {
  advance(61);
  const response = await t.call(null, 'POST', `/api/sign/${token}/code`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return (await lastMessage(t, 'signing-code', name)).data.code ?? '';
}

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const guess = (token: string, code: string) => t.call(null, 'POST', `/api/sign/${token}/verify`, { code });

/** Types `count` wrong codes, asking for a new code whenever one is used up; returns the statuses. */
async function guessWrong(token: string, name: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  let code = await askCode(token, name);
  for (let i = 0; i < count; i += 1) {
    if (i > 0 && i % 5 === 0) code = await askCode(token, name);
    statuses.push((await guess(token, wrongOf(code))).statusCode);
  }
  return statuses;
}

async function trailOf(id: string) {
  return (await t.call(officer, 'GET', `/api/agreements/${id}/audit`)).json() as {
    isValid: boolean;
    entries: { action: string; actor: string; details?: Record<string, unknown> }[];
  };
}

describe('the one-time code: a budget per link over time', () => {
  it(`locks the link at the ${LINK_MAX_FAILURES}th wrong code of a day, records each in the trail, until re-issued`, async () => {
    const { id, name, token } = await sendTwoParty();
    const statuses = await guessWrong(token, name, LINK_MAX_FAILURES);
    expect(statuses).toEqual([...Array(LINK_MAX_FAILURES - 1).fill(400), 423]);

    // Locked: neither the right code nor a new code gets through, and the page says why.
    const right = await lastMessage(t, 'signing-code', name);
    const refused = await guess(token, right.data.code ?? '');
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error).toMatchObject({
      code: 'signing.link_locked',
      zh: expect.stringContaining('锁定'),
    });
    advance(3600);
    expect((await t.call(null, 'POST', `/api/sign/${token}/code`)).statusCode).toBe(423);
    expect((await t.call(null, 'POST', `/api/sign/${token}/sign`, drawn())).statusCode).toBe(423);
    expect((await t.call(null, 'GET', `/api/sign/${token}`)).json().code.isLocked).toBe(true);

    const trail = await trailOf(id);
    expect(trail.isValid).toBe(true);
    const failed = trail.entries.filter((entry) => entry.action === 'code-failed');
    expect(failed).toHaveLength(LINK_MAX_FAILURES);
    expect(failed.at(-1)).toMatchObject({
      actor: `signer:${name}`,
      details: {
        linkFailures: LINK_MAX_FAILURES,
        linkLimit: LINK_MAX_FAILURES,
        windowHours: 24,
        source: '127.0.0.1',
      },
    });
    expect(trail.entries.filter((entry) => entry.action === 'link-locked')).toEqual([
      expect.objectContaining({ actor: 'system', details: expect.objectContaining({ signer: name }) }),
    ]);

    // The officer re-issues the link: a fresh budget, and the signer signs with it.
    const signers = (await t.call(officer, 'GET', `/api/agreements/${id}`)).json().parties[0].signers;
    const reissued = await t.call(officer, 'POST', `/api/agreements/${id}/signers/${signers[0].id}/link`);
    expect(reissued.statusCode).toBe(200);
    const fresh = await linkTokenOf(t, name);
    expect((await t.call(null, 'GET', `/api/sign/${fresh}`)).json().code.isLocked).toBe(false);
    const code = await askCode(fresh, name);
    expect((await guess(fresh, code)).statusCode).toBe(200);
    expect((await t.call(null, 'POST', `/api/sign/${fresh}/sign`, drawn())).statusCode).toBe(200);
    const after = await trailOf(id);
    expect(after.entries.find((entry) => entry.action === 'link-reissued')?.details).toMatchObject({
      wasLocked: true,
    });

    // The sealed PDF's audit pages carry the failed tries and the lock, and the chain still holds.
    const other = (await t.call(officer, 'GET', `/api/agreements/${id}`)).json().parties[1].signers[0].id;
    expect(
      (await t.call(officer, 'POST', `/api/agreements/${id}/signers/${other}/onsite`, drawn())).statusCode,
    ).toBe(200);
    await sealQueueIdle(t.signing);
    const agreement = (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
    expect(agreement.seal.status).toBe('sealed');
    expect((await trailOf(id)).isValid).toBe(true);
    const pdf = await t.call(officer, 'GET', `/api/agreements/${id}/document.pdf`);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'luodi-code-')), 'sealed.pdf');
    await writeFile(file, pdf.rawPayload);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
    expect(stdout.match(/code-failed/g)).toHaveLength(LINK_MAX_FAILURES);
    expect(stdout).toContain('link-locked');
    expect(stdout).toContain('"linkFailures":10');
  });

  it('counts wrong codes over a day: nine today and nine tomorrow do not lock', async () => {
    const { id, name, token } = await sendTwoParty();
    expect(await guessWrong(token, name, LINK_MAX_FAILURES - 1)).not.toContain(423);
    advance(24 * 3600);
    expect(await guessWrong(token, name, LINK_MAX_FAILURES - 1)).not.toContain(423);
    const code = await askCode(token, name);
    expect((await guess(token, code)).statusCode).toBe(200);
    expect((await trailOf(id)).entries.filter((entry) => entry.action === 'link-locked')).toEqual([]);
  });

  it('takes parallel guesses one budget at a time: never more wrong codes than the limit', async () => {
    const { id, name, token } = await sendTwoParty();
    await guessWrong(token, name, LINK_MAX_FAILURES - 3);
    const code = await askCode(token, name);
    const statuses = (await Promise.all(Array.from({ length: 12 }, () => guess(token, wrongOf(code))))).map(
      (response) => response.statusCode,
    );
    expect(statuses.filter((status) => status === 400).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((status) => status === 423).length).toBeGreaterThanOrEqual(1);
    const trail = await trailOf(id);
    expect(trail.entries.filter((entry) => entry.action === 'code-failed')).toHaveLength(LINK_MAX_FAILURES);
    expect(trail.entries.filter((entry) => entry.action === 'link-locked')).toHaveLength(1);
    expect(trail.isValid).toBe(true);
  });

  it(`sends at most ${LINK_MAX_CODES_PER_HOUR} codes an hour through one link`, async () => {
    const { name, token } = await sendTwoParty();
    for (let i = 0; i < LINK_MAX_CODES_PER_HOUR; i += 1) await askCode(token, name);
    advance(61);
    const refused = await t.call(null, 'POST', `/api/sign/${token}/code`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'signing.code_quota',
      en: expect.stringContaining('5 codes an hour'),
    });
    advance(3600);
    const code = await askCode(token, name);
    expect((await guess(token, code)).statusCode).toBe(200);
  });
});
