// Decides whether an uploaded PDF may be signed: it must parse cleanly, have pages, be neither encrypted
// nor signed elsewhere, and carry nothing active (scripts, launch or submit actions, files, media) in any
// object of any revision.
import { PDF } from '@libpdf/core';
import {
  type ContentFinding,
  type ContentFindingKind,
  scanContent,
  TooManyObjectsError,
} from './pdf-content-scan.ts';
import { listRevisions } from './revisions.ts';

/** One reason a PDF cannot be signed; `code` is stable, the texts name what was found and where. */
export type PdfProblem = { code: string; zh: string; en: string };

const LATIN1 = new TextDecoder('latin1');
/** At most this many problems are listed; the rest are of the same kinds. */
const MAX_PROBLEMS = 10;

const WHAT: Record<
  Exclude<ContentFindingKind, 'signature'>,
  (detail?: string) => { zh: string; en: string }
> = {
  javascript: () => ({ zh: '含有 JavaScript 动作', en: 'has a JavaScript action' }),
  'javascript-names': () => ({
    zh: '含有文档级 JavaScript（名称树）',
    en: 'has document-level JavaScript (names tree)',
  }),
  launch: () => ({ zh: '含有启动外部程序的 Launch 动作', en: 'has a Launch action (starts a program)' }),
  'submit-form': () => ({
    zh: '含有向外提交表单的 SubmitForm 动作',
    en: 'has a SubmitForm action (sends form data out)',
  }),
  'import-data': () => ({
    zh: '含有导入外部数据的 ImportData 动作',
    en: 'has an ImportData action (reads an outside file)',
  }),
  'remote-file': (detail) => ({
    zh: `含有打开其他文件的 ${detail} 动作`,
    en: `has a ${detail} action (opens another file)`,
  }),
  action: (detail) => ({ zh: `含有 ${detail} 动作`, en: `has a ${detail} action` }),
  uri: (detail) => ({ zh: `含有指向“${detail}”的链接`, en: `has a link to "${detail}"` }),
  'embedded-file': (detail) => ({
    zh: detail ? `含有嵌入文件“${detail}”` : '含有嵌入文件',
    en: detail ? `has an embedded file "${detail}"` : 'has an embedded file',
  }),
  media: (detail) => ({ zh: `含有多媒体内容（${detail}）`, en: `has multimedia content (${detail})` }),
  xfa: () => ({ zh: '的表单使用 XFA', en: 'has an XFA form' }),
};

function describe(finding: ContentFinding): PdfProblem {
  if (finding.kind === 'signature')
    return {
      code: 'document.already_signed',
      zh: 'PDF 已含数字签名，请上传未签署的协议文本',
      en: 'The PDF already carries digital signatures; upload the unsigned agreement',
    };
  const what = WHAT[finding.kind](finding.detail);
  return {
    code: 'document.active_content',
    zh: `${finding.place.zh}${what.zh}`,
    en: `${capitalize(finding.place.en)} ${what.en}`,
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const problem = (code: string, zh: string, en: string): PdfProblem[] => [{ code, zh, en }];

/** Every reason the PDF cannot be signed, most basic first; an empty list means it can be. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfProblem[]> {
  if (!LATIN1.decode(bytes.subarray(0, 1024)).includes('%PDF-'))
    return problem('document.not_pdf', '上传的文件不是 PDF', 'The uploaded file is not a PDF');
  // A complete file ends with %%EOF (ISO 32000 7.5.5); one cut short does not.
  if (!LATIN1.decode(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF'))
    return problem(
      'document.truncated',
      'PDF 不完整（文件末尾没有 %%EOF），可能在传输中被截断',
      'The PDF is incomplete (no %%EOF at its end); it may have been cut short',
    );
  let pdf: PDF;
  try {
    pdf = await PDF.load(bytes);
  } catch (error) {
    return problem(
      'document.unreadable',
      `PDF 无法读取：${(error as Error).message}`,
      `The PDF cannot be read: ${(error as Error).message}`,
    );
  }
  // Signatures append to the cross-reference table; a file that only opens by guessing is damaged.
  if (pdf.recoveredViaBruteForce)
    return problem(
      'document.damaged',
      'PDF 已损坏（交叉引用表缺失或错误），请重新导出后上传',
      'The PDF is damaged (its cross-reference table is missing or wrong); export it again and upload that',
    );
  if (pdf.isEncrypted || pdf.context.info.trailer.has('Encrypt'))
    return problem(
      'document.encrypted',
      'PDF 已加密，请上传未加密的文件',
      'The PDF is encrypted; upload an unencrypted file',
    );
  if (pdf.getPageCount() === 0) return problem('document.empty', 'PDF 没有页面', 'The PDF has no pages');
  let findings: ContentFinding[];
  try {
    findings = await scanRevisions(pdf, bytes);
  } catch (error) {
    if (!(error instanceof TooManyObjectsError)) throw error;
    return problem('document.too_complex', 'PDF 对象过多，无法检查', 'The PDF has too many objects to check');
  }
  const problems = new Map<string, PdfProblem>();
  // A file's stream is found again below its named file specification: the name says more.
  const namedFilesAt = new Set(
    findings.filter((f) => f.kind === 'embedded-file' && f.detail).map((f) => f.place.en),
  );
  for (const finding of findings) {
    if (finding.kind === 'embedded-file' && !finding.detail && namedFilesAt.has(finding.place.en)) continue;
    const described = describe(finding);
    problems.set(described.en, described);
  }
  return [...problems.values()]
    .sort(
      (a, b) => Number(b.code === 'document.already_signed') - Number(a.code === 'document.already_signed'),
    )
    .slice(0, MAX_PROBLEMS);
}

/** The latest revision, then each earlier one: an update may hide what an earlier revision still holds. */
async function scanRevisions(pdf: PDF, bytes: Uint8Array): Promise<ContentFinding[]> {
  const findings = scanContent(pdf, bytes);
  const earlier = listRevisions(bytes).slice(0, -1);
  for (const revision of earlier) {
    const prefix = bytes.subarray(0, revision.end);
    // A linearized file's first %%EOF closes only its first-page section: what loads of it is still scanned.
    const loaded = await PDF.load(prefix).catch(() => null);
    if (loaded) findings.push(...scanContent(loaded, prefix));
  }
  return findings;
}
