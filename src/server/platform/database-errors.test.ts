import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../testing/app.ts';
import { databaseError, sqlState } from './database-errors.ts';

describe('databaseError', () => {
  it.each([
    ['23505', 409, 'conflict.duplicate'],
    ['23503', 409, 'conflict.reference'],
    ['40001', 503, 'conflict.retry'],
    ['40P01', 503, 'conflict.retry'],
    ['57014', 503, 'database.timeout'],
  ])('SQLSTATE %s, also wrapped by the query builder, is a %i %s', (code, status, appCode) => {
    const wrapped = Object.assign(new Error('Failed query: insert …'), { cause: { code, message: 'x' } });
    expect(databaseError(wrapped)).toMatchObject({ status, code: appCode });
    expect(databaseError({ code })).toMatchObject({ status, code: appCode });
  });

  it.each(['22P02', '22003', 'FST_ERR_VALIDATION', undefined])(
    'leaves %s alone: a value the contract let through stays a 500 for the tests to find',
    (code) => {
      expect(databaseError(Object.assign(new Error('boom'), { code }))).toBeNull();
    },
  );

  it('does not loop on a cause that refers to itself', () => {
    const error: { cause?: unknown } = {};
    error.cause = error;
    expect(sqlState(error)).toBeNull();
  });
});

describe('two requests racing for the same unique value', () => {
  let t: TestContext;
  let officer: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.user('officer', '350100');
  });
  afterAll(() => t.close());

  it('gives one 201 and 409s naming no record, never a 500', async () => {
    const body = (n: number) => ({
      nameZh: `同时提交的企业${n}有限公司`,
      usci: '91350100M000100Y43',
      type: 'private',
      origin: '350200',
    });
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, n) => t.call(officer, 'POST', '/api/organizations', body(n))),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      const { error } = response.json<{ error: { code: string; zh: string; en: string } }>();
      expect(error.zh).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
      expect(error.en).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });
});
