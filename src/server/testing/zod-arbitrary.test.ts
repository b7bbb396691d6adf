import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commaList, IsoDate, IsoDateTime, Version } from '../../contracts/common.ts';
import {
  applyProbe,
  CONTROL_CHARACTERS,
  EXTRA_FIELD,
  fieldProbes,
  type Probe,
  UnsupportedSchemaError,
} from './zod-arbitrary.ts';

const Body = z.object({
  name: z.string().trim().min(2).max(20),
  note: z.string().nullish(),
  on: IsoDate,
  at: IsoDateTime.optional(),
  version: Version,
  amount: z.union([z.string().min(1).max(60), z.number().int().nonnegative()]),
  kind: z.enum(['a', 'b']),
  items: z.array(z.object({ id: z.uuid(), count: z.number().int().min(0) })).max(3),
  signature: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('typed'), text: z.string().min(1).max(40) }),
    z.object({ kind: z.literal('drawn'), png: z.string() }),
  ]),
});
const example = {
  name: '厦门项目',
  note: null,
  on: '2026-05-18',
  version: 3,
  amount: '3.24亿元',
  kind: 'a',
  items: [{ id: '7f0c1a52-0000-4000-8000-000000000000', count: 2 }],
  signature: { kind: 'typed', text: '张三' },
};
const Query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  stage: commaList(z.enum(['lead', 'signed'])).optional(),
});

const probesOf = (schema: unknown, value: unknown, isText = false) =>
  fc.oneof(...fieldProbes(schema, value, { isText }).map((field) => field.probes));
const isPolicy = (probe: Probe) => probe.kind.includes('control character');
const key = (probe: Probe) => probe.path.join('.');

describe('fieldProbes', () => {
  it('reaches every field, nested ones and a discriminated branch included', () => {
    const paths = fieldProbes(Body, example, { isText: false }).map((field) => field.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'on',
        'version',
        'items.0.id',
        'items.0.count',
        'signature.text',
        'items',
      ]),
    );
    expect(paths).toContain(EXTRA_FIELD);
  });

  test.prop([probesOf(Body, example)], { numRuns: 300 })(
    'a probe the contract refuses fails to parse; one it allows parses; no other field changes',
    (probe) => {
      const mutated = applyProbe(example, probe);
      const isParsed = Body.safeParse(mutated).success;
      if (probe.expect === 'reject' && !isPolicy(probe)) expect(isParsed).toBe(false);
      if (probe.path.length === 0) return;
      const field = probe.path[0] as keyof typeof example;
      for (const other of Object.keys(example) as (keyof typeof example)[])
        if (other !== field) expect((mutated as typeof example)[other]).toEqual(example[other]);
    },
  );

  test.prop([probesOf(Query, { limit: '20', stage: 'lead' }, true)], { numRuns: 200 })(
    'query probes are text (or a repeated key), as a URL carries them',
    (probe) => {
      if (!probe.isRemoved)
        expect(
          typeof probe.value === 'string' ||
            (Array.isArray(probe.value) && probe.value.every((v) => typeof v === 'string')),
        ).toBe(true);
    },
  );

  it('sends years PostgreSQL cannot hold, int4 edges and control characters', () => {
    const all = fc.sample(probesOf(Body, example), { numRuns: 3_000, seed: 1 });
    const kinds = new Set(all.map((probe) => `${key(probe)} ${probe.kind} ${probe.expect}`));
    expect(kinds).toContain('on date 0000-01-01 reject');
    expect(kinds).toContain('at instant 9999-12-31T00:00:00Z reject');
    expect(kinds).toContain('version above the maximum reject');
    expect(kinds).toContain('items.0.count just above int4 survive');
    expect(kinds).toContain('name control character reject');
    expect(
      all.filter(isPolicy).every((p) => CONTROL_CHARACTERS.some((c) => String(p.value).includes(c))),
    ).toBe(true);
  });

  it('says what to teach it when a contract uses a schema it cannot read', () => {
    const Odd = z.object({ tags: z.record(z.string(), z.string()) });
    expect(() => fieldProbes(Odd, { tags: {} }, { isText: false })).toThrow(UnsupportedSchemaError);
  });
});
