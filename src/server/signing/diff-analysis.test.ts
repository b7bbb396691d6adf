import { PdfArray, PdfDict, PdfName, PdfNumber, type PdfObject, PdfRef, PdfString } from '@libpdf/core';
import { describe, expect, it } from 'vitest';
import { analyseUpdate, type ChangeLevel } from './diff-analysis.ts';
import { describeFinding } from './diff-wording.ts';
import type { ObjectSource } from './revision-objects.ts';

type Value = string | number | Value[] | { [key: string]: Value } | PdfObject;
const ref = (number: number) => PdfRef.of(number, 0);

// Plain data to PDF objects: "/Name" is a name, "(text)" a string, numbers, arrays and objects as they are.
function pdf(value: Value): PdfObject {
  if (typeof value === 'number') return PdfNumber.of(value);
  if (typeof value === 'string')
    return value.startsWith('/') ? PdfName.of(value.slice(1)) : PdfString.fromString(value.slice(1, -1));
  if (Array.isArray(value)) return new PdfArray(value.map(pdf));
  if (value instanceof PdfRef || value instanceof PdfDict || value instanceof PdfArray) return value;
  return new PdfDict(Object.entries(value as Record<string, Value>).map(([key, item]) => [key, pdf(item)]));
}

function sourceOf(objects: Record<number, Value>, trailer: Record<string, Value> = {}): ObjectSource {
  const table = new Map(Object.entries(objects).map(([number, value]) => [Number(number), pdf(value)]));
  return {
    trailer: pdf({ Root: ref(1), Info: ref(9), ...trailer }) as PdfDict,
    resolve: (target) => table.get(target.objectNumber) ?? null,
  };
}

// One signed document: catalog 1, pages 2, page 3 with content 4, form 5, signature field 6 with value 7, info 9.
const signed: Record<number, Value> = {
  1: { Type: '/Catalog', Pages: ref(2), AcroForm: ref(5) },
  2: { Type: '/Pages', Kids: [ref(3)], Count: 1 },
  3: { Type: '/Page', Parent: ref(2), Contents: ref(4) },
  4: { Length: 0 },
  5: { Fields: [ref(6)], SigFlags: 3 },
  6: { FT: '/Sig', T: '(甲方)', V: ref(7), Subtype: '/Widget', P: ref(3) },
  7: { Type: '/Sig', Reason: '(同意)', ByteRange: [0, 1, 2, 3] },
  9: { Title: '(协议)' },
};

type Row = {
  name: string;
  objects: Record<number, Value>;
  trailer?: Record<string, Value>;
  levels: ChangeLevel[];
  words?: RegExp;
};

const rows: Row[] = [
  { name: 'nothing changed', objects: {}, levels: [] },
  {
    name: 'a second signature field with its value',
    objects: {
      5: { Fields: [ref(6), ref(10)], SigFlags: 3 },
      10: { FT: '/Sig', T: '(乙方)', V: ref(11), Subtype: '/Widget', P: ref(3) },
      11: { Type: '/Sig', Reason: '(同意)' },
    },
    levels: ['signature'],
  },
  {
    name: 'a document timestamp',
    objects: {
      5: { Fields: [ref(6), ref(10)], SigFlags: 3 },
      10: { FT: '/Sig', T: '(ts)', V: ref(11), Subtype: '/Widget' },
      11: { Type: '/DocTimeStamp' },
    },
    levels: ['validation-data'],
  },
  {
    name: 'validation data (DSS)',
    objects: { 1: { ...(signed[1] as object), DSS: ref(12) }, 12: { Certs: [] } },
    levels: ['validation-data'],
  },
  {
    name: "the signature's /Reason",
    objects: { 7: { Type: '/Sig', Reason: '(伪造)', ByteRange: [0, 1, 2, 3] } },
    levels: ['modification'],
    words: /object 7 0 \(signature dictionary of "甲方"\): \/Reason changed/,
  },
  {
    name: '/Info in place',
    objects: { 9: { Title: '(伪造)' } },
    levels: ['modification'],
    words: /document information/,
  },
  {
    name: '/Info pointed elsewhere',
    objects: { 13: { Title: '(伪造)' } },
    trailer: { Info: ref(13) },
    levels: ['modification'],
    words: /trailer: \/Info changed/,
  },
  {
    name: 'page content',
    objects: { 4: { Length: 5 } },
    levels: ['modification'],
    words: /content of page 1/,
  },
  {
    name: 'a new annotation',
    objects: { 3: { ...(signed[3] as object), Annots: [ref(14)] }, 14: { Type: '/Annot', Subtype: '/Text' } },
    levels: ['annotation'],
  },
  {
    name: 'a new signature field carrying an action',
    objects: {
      5: { Fields: [ref(6), ref(10)], SigFlags: 3 },
      10: { FT: '/Sig', T: '(乙方)', Subtype: '/Widget', AA: { O: { S: '/JavaScript' } } },
    },
    levels: ['modification'],
  },
  {
    name: 'an open action on the catalog',
    objects: { 1: { ...(signed[1] as object), OpenAction: { S: '/JavaScript' } } },
    levels: ['modification'],
    words: /document catalog\): \/OpenAction changed/,
  },
  {
    name: 'a page appended',
    objects: {
      2: { Type: '/Pages', Kids: [ref(3), ref(15)], Count: 2 },
      15: { Type: '/Page', Parent: ref(2) },
    },
    levels: ['annex', 'annex'],
  },
  {
    name: 'a signature field removed',
    objects: { 5: { Fields: [], SigFlags: 3 } },
    levels: ['modification'],
    words: /signature field "甲方"\): removed/,
  },
];

describe('analyseUpdate', () => {
  it.each(rows)('$name', ({ objects, trailer, levels, words }) => {
    const findings = analyseUpdate(sourceOf(signed), sourceOf({ ...signed, ...objects }, trailer));
    expect(findings.map((finding) => finding.level).sort()).toEqual([...levels].sort());
    if (words) expect(findings.map((finding) => describeFinding(finding, 'en-US')).join('\n')).toMatch(words);
  });

  it('words a finding in Chinese too', () => {
    const [finding] = analyseUpdate(
      sourceOf(signed),
      sourceOf({ ...signed, 7: { Type: '/Sig', Reason: '(伪造)' } }),
    );
    expect(finding && describeFinding(finding, 'zh-CN')).toMatch(/^对象 7 0（"甲方"的签名字典）：/);
  });
});
