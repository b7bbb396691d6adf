import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../platform/access.ts';
import { exportProjects } from './export.ts';

// The first batch fails the way a bad filter value fails in PostgreSQL; later batches are not reached.
vi.mock('./queries.ts', async (original) => ({
  ...(await original<typeof import('./queries.ts')>()),
  projectConditions: async () => [],
  selectProjects: () => ({
    where: () => ({
      orderBy: () => ({ limit: () => Promise.reject(new Error('date/time field value out of range')) }),
    }),
  }),
}));

const officer: Actor = {
  id: '7f0c1a52-0000-4000-8000-000000000001',
  username: 'officer',
  displayName: 'Officer',
  role: 'officer',
  regionCode: '350100',
  scopePrefix: '3501',
  organizationId: null,
  locale: 'zh-CN',
};

describe('exportProjects', () => {
  it('fails before the first byte when the query fails, so the answer is an error and not a cut-off file', async () => {
    await expect(exportProjects({} as Db, officer, { dateField: 'createdAt' })).rejects.toThrow(
      'out of range',
    );
  });
});
