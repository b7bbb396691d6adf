import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Bad inputs derived from a Zod 4 schema, one field at a time, around a valid example.
 * The adapters on npm read Zod 3 internals only; this reads Zod 4's `_zod.def`.
 */

export type Path = (string | number)[];

/**
 * `reject`: the contract refuses the value, so the answer must be a 4xx naming the field and nothing is written.
 * `survive`: hostile but allowed by the contract (longest strings, int4 edges): any answer but a 5xx.
 */
export type Expectation = 'reject' | 'survive';

export interface Probe {
  path: Path;
  /** Absent together with `isRemoved`: the field is left out. */
  value?: unknown;
  isRemoved?: boolean;
  kind: string;
  expect: Expectation;
}

export interface ProbeOptions {
  /** Query strings and path parameters carry text only: numbers are sent as their digits, objects not at all. */
  isText: boolean;
}

/** The schema uses something the generator does not read; say which, so the contract or generator is fixed. */
export class UnsupportedSchemaError extends Error {}

interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] =>
  ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);
const parses = (schema: unknown, value: unknown) => (schema as z.ZodType).safeParse(value).success;

/** Control characters that must be refused anywhere (NUL crashes PostgreSQL text; the rest are never meant). */
export const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f'];
/** Years PostgreSQL or the app cannot mean: year 0 does not exist, and nothing is planned in 9999. */
const BAD_DATES = ['0000-01-01', '0001-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '2024-02-30'];
const BAD_DATETIMES = ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59+08:00', '9999-12-31T00:00:00Z'];
const INT4_MAX = 2 ** 31 - 1;
// Longest text sent where the contract sets no limit: big enough to find unbounded columns, inside the body limit.
const HUGE = 200_000;
const HUGE_TEXT = 6_000;

interface Candidate {
  value?: unknown;
  isRemoved?: boolean;
  kind: string;
  expect: Expectation;
  /** A policy (control characters, date range) that holds whatever the schema says. */
  isPolicy?: boolean;
  arbitrary?: fc.Arbitrary<unknown>;
}

/** Every field of `schema` (nested), each with an arbitrary of probes for that field. */
export function fieldProbes(
  schema: unknown,
  example: unknown,
  options: ProbeOptions,
): { path: Path; probes: fc.Arbitrary<Probe> }[] {
  const fields: { path: Path; probes: fc.Arbitrary<Probe> }[] = [];
  walk(schema, example, [], options, fields, { isOptional: false, isNullable: false });
  return fields;
}

interface Wrapping {
  isOptional: boolean;
  isNullable: boolean;
}

function walk(
  schema: unknown,
  example: unknown,
  path: Path,
  options: ProbeOptions,
  out: { path: Path; probes: fc.Arbitrary<Probe> }[],
  wrapping: Wrapping,
): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      walk(def.innerType, example, path, options, out, { ...wrapping, isOptional: true });
      return;
    case 'nullable':
      walk(def.innerType, example, path, options, out, { ...wrapping, isNullable: true });
      return;
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      walk(def.innerType, example, path, options, out, wrapping);
      return;
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      // Fields are probed inside an object the example has, so each error belongs to the probed field alone.
      if (isRecord(example)) {
        for (const [key, child] of Object.entries(shape))
          walk(child, example[key], [...path, key], options, out, { isOptional: false, isNullable: false });
        out.push({ path: [...path, EXTRA_FIELD], probes: extraFieldProbes([...path, EXTRA_FIELD], options) });
      }
      if (path.length > 0 || !options.isText)
        add(out, schema, path, wrapping, options, objectCandidates(options));
      return;
    }
    case 'array': {
      const items = Array.isArray(example) ? example : [];
      if (items.length > 0)
        walk(def.element, items[0], [...path, 0], options, out, { isOptional: false, isNullable: false });
      add(out, schema, path, wrapping, options, arrayCandidates(def, items, options));
      return;
    }
    case 'union': {
      // A discriminated union: the example's own branch is walked, so its fields are probed.
      const branch = (def.options as unknown[]).find((option) => parses(option, example));
      if (def.discriminator && branch) {
        walk(branch, example, path, options, out, wrapping);
        return;
      }
      const candidates = (def.options as unknown[]).flatMap((option) =>
        scalarCandidates(option, example, options),
      );
      add(out, schema, path, wrapping, options, candidates);
      return;
    }
    case 'pipe':
      add(out, schema, path, wrapping, options, pipeCandidates(def, example, options));
      return;
    default:
      add(out, schema, path, wrapping, options, scalarCandidates(schema, example, options));
      return;
  }
}

function add(
  out: { path: Path; probes: fc.Arbitrary<Probe> }[],
  schema: unknown,
  path: Path,
  wrapping: Wrapping,
  options: ProbeOptions,
  candidates: Candidate[],
): void {
  const all = [...candidates, ...presenceCandidates(wrapping, options)];
  const arbitraries = all.map((candidate) =>
    (candidate.arbitrary ?? fc.constant(candidate.value)).map((value): Probe => {
      const isRefused = candidate.isPolicy || candidate.isRemoved || !parses(wrap(schema, wrapping), value);
      // A value the contract accepts after all (a union's other branch, a regex that allows it) only must not crash.
      const expect = candidate.expect === 'reject' && !isRefused ? 'survive' : candidate.expect;
      return candidate.isRemoved
        ? { path, isRemoved: true, kind: candidate.kind, expect }
        : { path, value, kind: candidate.kind, expect };
    }),
  );
  if (arbitraries.length > 0) out.push({ path, probes: fc.oneof(...arbitraries) });
}

/** A field no contract has: ignored like any unknown key, but a control character in it is still refused. */
export const EXTRA_FIELD = 'unexpectedField';

function extraFieldProbes(path: Path, options: ProbeOptions): fc.Arbitrary<Probe> {
  return fc.oneof(
    fc.constantFrom(...CONTROL_CHARACTERS).map(
      (char): Probe => ({
        path,
        value: `a${char}b`,
        kind: 'extra field with a control character',
        expect: 'reject',
      }),
    ),
    fc
      .constantFrom<unknown>(...(options.isText ? ['x', '42'] : ['x', 42, { nested: [1] }]))
      .map((value): Probe => ({ path, value, kind: 'extra field', expect: 'survive' })),
  );
}

function wrap(schema: unknown, wrapping: Wrapping): z.ZodType {
  let wrapped = schema as z.ZodType;
  if (wrapping.isNullable) wrapped = wrapped.nullable();
  if (wrapping.isOptional) wrapped = wrapped.optional();
  return wrapped;
}

function presenceCandidates(wrapping: Wrapping, options: ProbeOptions): Candidate[] {
  const candidates: Candidate[] = [];
  if (!wrapping.isOptional) candidates.push({ isRemoved: true, kind: 'missing', expect: 'reject' });
  if (!wrapping.isNullable && !options.isText)
    candidates.push({ value: null, kind: 'null', expect: 'reject' });
  return candidates;
}

function wrongTypes(options: ProbeOptions, except: 'string' | 'number' | 'boolean' | 'object' | 'array') {
  if (options.isText) return [{ value: ['a', 'b'], kind: 'repeated key', expect: 'reject' as const }];
  const all: [string, unknown][] = [
    ['string', 'text'],
    ['number', 42],
    ['boolean', true],
    ['object', { a: 1 }],
    ['array', [1, 2]],
  ];
  return all
    .filter(([type]) => type !== except)
    .map(([type, value]): Candidate => ({ value, kind: `wrong type (${type})`, expect: 'reject' }));
}

function objectCandidates(options: ProbeOptions): Candidate[] {
  return wrongTypes(options, 'object');
}

function arrayCandidates(def: Def, items: unknown[], options: ProbeOptions): Candidate[] {
  const candidates = wrongTypes(options, 'array');
  const checks = checksOf(def);
  const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
  const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
  const filler = items[0] ?? 'x';
  if (max !== undefined)
    candidates.push({ value: Array(max + 1).fill(filler), kind: 'too many items', expect: 'reject' });
  else candidates.push({ value: Array(5_000).fill(filler), kind: 'many items', expect: 'survive' });
  if (min !== undefined && min > 0)
    candidates.push({ value: items.slice(0, min - 1), kind: 'too few items', expect: 'reject' });
  return candidates;
}

/** A comma list in a query (`stage=a,b`): text in, an array of checked items out. */
function pipeCandidates(def: Def, example: unknown, options: ProbeOptions): Candidate[] {
  const out = defOf(def.out);
  if (out.type !== 'array') return scalarCandidates(def.in, example, options);
  const valid = typeof example === 'string' ? example : '';
  return [
    ...wrongTypes(options, 'string'),
    { value: '', kind: 'empty list', expect: 'reject' },
    { value: ',,', kind: 'only commas', expect: 'reject' },
    { value: `${valid ? `${valid},` : ''}not-an-item`, kind: 'unknown item', expect: 'reject' },
    controlCandidate(valid || 'a'),
    { value: `${valid},`.repeat(HUGE_TEXT / 10), kind: 'long list', expect: 'survive' },
  ];
}

function controlCandidate(base: string): Candidate {
  return {
    kind: 'control character',
    expect: 'reject',
    isPolicy: true,
    arbitrary: fc
      .tuple(fc.constantFrom(...CONTROL_CHARACTERS), fc.nat({ max: base.length }))
      .map(([char, at]) => base.slice(0, at) + char + base.slice(at)),
  };
}

function scalarCandidates(schema: unknown, example: unknown, options: ProbeOptions): Candidate[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringCandidates(def, example, options);
    case 'number':
      return numberCandidates(def, options);
    case 'boolean':
      return [...wrongTypes(options, 'boolean'), { value: 'yes', kind: 'not a boolean', expect: 'reject' }];
    case 'enum':
    case 'literal':
      return [
        ...wrongTypes(options, 'string'),
        { value: 'not-a-choice', kind: 'not a choice', expect: 'reject' },
        controlCandidate(typeof example === 'string' ? example : 'a'),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
      return scalarCandidates(def.innerType, example, options);
    case 'transform':
    case 'any':
    case 'unknown':
      return wrongTypes(options, 'string').map((c) => ({ ...c, expect: 'survive' }));
    default:
      throw new UnsupportedSchemaError(
        `the bad-input generator cannot read a Zod "${def.type}" schema; teach src/server/testing/zod-arbitrary.ts`,
      );
  }
}

function stringCandidates(def: Def, example: unknown, options: ProbeOptions): Candidate[] {
  const checks = checksOf(def);
  const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
  const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
  const base = typeof example === 'string' && example.length > 0 ? example : 'ab';
  const candidates: Candidate[] = [...wrongTypes(options, 'string'), controlCandidate(base)];
  if (max !== undefined) {
    candidates.push({ value: 'x'.repeat(max + 1), kind: 'one too long', expect: 'reject' });
    candidates.push({ value: '字'.repeat(max), kind: 'longest', expect: 'survive' });
  } else
    candidates.push({
      value: 'x'.repeat(options.isText ? HUGE_TEXT : HUGE),
      kind: 'huge',
      expect: 'survive',
    });
  if (min !== undefined && min > 0)
    candidates.push({ value: 'x'.repeat(min - 1), kind: 'one too short', expect: 'reject' });
  // A lone surrogate cannot be put in a URL; JSON carries it.
  const odd = options.isText ? ' \u202e\ud83c\udfed ' : ' \u202e\ud83c\udfed\ud800 ';
  candidates.push({ value: odd, kind: 'odd unicode', expect: 'survive' });
  if (def.format === 'date') candidates.push(...BAD_DATES.map((value) => policy(value, `date ${value}`)));
  else if (def.format === 'datetime')
    candidates.push(...BAD_DATETIMES.map((value) => policy(value, `instant ${value}`)));
  else if (def.format)
    candidates.push({
      value: `not-a-${String(def.format)}`,
      kind: `not a ${String(def.format)}`,
      expect: 'reject',
    });
  return candidates;
}

const policy = (value: string, kind: string): Candidate => ({
  value,
  kind,
  expect: 'reject',
  isPolicy: true,
});

function numberCandidates(def: Def, options: ProbeOptions): Candidate[] {
  const checks = checksOf(def);
  const format =
    (def.format as string | undefined) ?? checks.find((c) => c.check === 'number_format')?.format;
  const isInt = format === 'safeint' || format === 'int32';
  const limit = format === 'int32' ? INT4_MAX : format === 'safeint' ? Number.MAX_SAFE_INTEGER : undefined;
  const lower = checks.find((c) => c.check === 'greater_than');
  const upper = checks.find((c) => c.check === 'less_than');
  const text = (value: number | string) => (options.isText ? String(value) : value);
  const candidates: Candidate[] = options.isText
    ? [...wrongTypes(options, 'number'), { value: 'abc', kind: 'not a number', expect: 'reject' }]
    : wrongTypes(options, 'number');
  if (options.isText) candidates.push({ value: '1e400', kind: 'infinite', expect: 'reject' });
  if (isInt) candidates.push({ value: text(1.5), kind: 'fraction', expect: 'reject' });
  if (lower) {
    const value = Number(lower.value);
    candidates.push({
      value: text(lower.inclusive ? value - 1 : value),
      kind: 'below the minimum',
      expect: 'reject',
    });
  } else candidates.push({ value: text(-(2 ** 31) - 1), kind: 'below int4', expect: 'survive' });
  const max = upper ? Number(upper.value) : limit;
  if (max !== undefined) {
    candidates.push({
      value: text(upper && !upper.inclusive ? max : max + 1),
      kind: 'above the maximum',
      expect: 'reject',
    });
    candidates.push({
      value: text(upper && !upper.inclusive ? max - 1 : max),
      kind: 'the maximum',
      expect: 'survive',
    });
  }
  // Columns are int4 unless said otherwise: an int the contract allows past 2^31-1 must not reach one.
  if (max === undefined || max > INT4_MAX)
    candidates.push({ value: text(INT4_MAX + 1), kind: 'just above int4', expect: 'survive' });
  return candidates;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The example with one probe applied: the field at `path` replaced or left out. */
export function applyProbe<T>(example: T, probe: Probe): T {
  const copy = structuredClone(example) as unknown;
  if (probe.path.length === 0) return (probe.isRemoved ? undefined : probe.value) as T;
  let parent = copy as Record<string | number, unknown>;
  for (const key of probe.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = probe.path.at(-1) as string | number;
  if (probe.isRemoved) delete parent[last];
  else parent[last] = probe.value;
  return copy as T;
}
