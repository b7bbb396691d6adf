import { describeFinding } from './diff-wording.ts';
import type { ContentFinding, ContentFindingKind } from './pdf-content-scan.ts';
import type { RevisionChange } from './revisions.ts';
import type { SignatureCheck, SignatureProblem, VerificationResult } from './verify.ts';

export type VerificationLocale = 'zh-CN' | 'en-US';

const WORDS = {
  'zh-CN': {
    valid: '验证通过：全部签名有效，文件在签署后未被修改。',
    invalid: '验证失败：签名无效、文件在签署后被修改或含有活动内容。',
    file: '文件 SHA-256',
    revisions: '修订版本数',
    signature: '签名',
    signer: '签署方',
    organization: '单位',
    time: '签署时间',
    reason: '事由',
    location: '地点',
    intact: '签名完整性',
    trusted: '证书链（本平台 CA）',
    later: '之后的修订',
    timestamp: '可信时间戳',
    yes: '是',
    no: '否',
    ok: '通过',
    failed: '失败',
    signatureOnly: '仅追加签名',
    changed: '内容被修改',
    annex: '追加签署完成证明页与审计页（由封存签名覆盖）',
    annexUnsealed: '追加页面',
    allowed: '允许的更改',
    activeContent: '含有活动内容（签署文件中不应出现）',
    audit: '审计记录哈希链',
    auditMissing: '无',
    auditBroken: '断裂于第',
    none: '无',
  },
  'en-US': {
    valid: 'VALID: every signature verifies and the file was not changed after signing.',
    invalid:
      'INVALID: a signature does not verify, the file was changed after signing, or it has active content.',
    file: 'File SHA-256',
    revisions: 'Revisions',
    signature: 'Signature',
    signer: 'Signer',
    organization: 'Organization',
    time: 'Signed at',
    reason: 'Reason',
    location: 'Location',
    intact: 'Signature integrity',
    trusted: 'Chain to the deployment CA',
    later: 'Later revisions',
    timestamp: 'Trusted timestamp',
    yes: 'yes',
    no: 'no',
    ok: 'ok',
    failed: 'FAILED',
    signatureOnly: 'signatures only',
    changed: 'content changed',
    annex: 'completion and audit pages appended (covered by the seal)',
    annexUnsealed: 'pages appended',
    allowed: 'allowed changes',
    activeContent: 'active content (a signed agreement must have none)',
    audit: 'Audit trail hash chain',
    auditMissing: 'not attached',
    auditBroken: 'broken at entry',
    none: 'none',
  },
} as const;

const PROBLEMS: Record<SignatureProblem, Record<VerificationLocale, string>> = {
  'byte-range-malformed': { 'zh-CN': '签名覆盖范围（ByteRange）不合法', 'en-US': 'malformed ByteRange' },
  'cms-unreadable': { 'zh-CN': '无法读取签名数据（CMS）', 'en-US': 'unreadable CMS signature' },
  'digest-mismatch': {
    'zh-CN': '签名覆盖的内容已被改动（摘要不符）',
    'en-US': 'signed bytes were altered (digest mismatch)',
  },
  'signature-invalid': { 'zh-CN': '签名值校验失败', 'en-US': 'signature value does not verify' },
  'untrusted-certificate': {
    'zh-CN': '证书不是本平台 CA 签发或不在有效期内',
    'en-US': 'certificate not issued by the deployment CA or not valid at signing time',
  },
  'timestamp-invalid': {
    'zh-CN': '时间戳无效（不对应本签名或 TSA 签名不符）',
    'en-US': 'timestamp token invalid (wrong imprint or TSA signature)',
  },
  'modified-after-signing': { 'zh-CN': '签署后文件被修改', 'en-US': 'file changed after this signature' },
};

function formatTime(date: Date | undefined, locale: VerificationLocale): string {
  if (!date) return '-';
  return locale === 'zh-CN'
    ? `${date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`
    : date.toISOString().replace('.000Z', 'Z');
}

const ACTIVE: Record<ContentFindingKind, Record<VerificationLocale, string>> = {
  javascript: { 'zh-CN': 'JavaScript 脚本', 'en-US': 'JavaScript' },
  'javascript-names': { 'zh-CN': '文档级 JavaScript（名称树）', 'en-US': 'document JavaScript (name tree)' },
  launch: { 'zh-CN': '启动外部程序（Launch）', 'en-US': 'launch action' },
  'submit-form': { 'zh-CN': '向外提交表单（SubmitForm）', 'en-US': 'submit-form action' },
  'import-data': { 'zh-CN': '导入外部数据（ImportData）', 'en-US': 'import-data action' },
  'remote-file': { 'zh-CN': '打开外部文件', 'en-US': 'action opening another file' },
  action: { 'zh-CN': '其他动作', 'en-US': 'other action' },
  uri: { 'zh-CN': '非网页链接', 'en-US': 'non-web link' },
  'embedded-file': { 'zh-CN': '非本平台生成的嵌入文件', 'en-US': 'embedded file not made by Luodi' },
  media: { 'zh-CN': '多媒体内容', 'en-US': 'media content' },
  xfa: { 'zh-CN': 'XFA 动态表单', 'en-US': 'XFA form' },
  signature: { 'zh-CN': '签名', 'en-US': 'signature' },
};

/** One piece of active content in words: "JavaScript (the document)". */
export function describeActiveContent(item: ContentFinding, locale: VerificationLocale): string {
  const detail = item.detail === undefined ? '' : ` "${item.detail}"`;
  const place = locale === 'zh-CN' ? `（${item.place.zh}）` : ` (${item.place.en})`;
  return `${ACTIVE[item.kind][locale]}${detail}${place}`;
}

function describeRevision(
  revision: RevisionChange,
  check: SignatureCheck,
  locale: VerificationLocale,
): string {
  const w = WORDS[locale];
  if (revision.isSignatureOnly) return w.signatureOnly;
  const refused = revision.findings.filter((finding) => check.modifications.includes(finding));
  // verifyPdf accepts appended pages only as the sealed annex; otherwise they count as a change.
  if (revision.isAppendOnly && refused.length === 0) return w.annex;
  const listed = refused.length > 0 ? refused : revision.findings;
  const heading = refused.length === 0 ? w.allowed : revision.isAppendOnly ? w.annexUnsealed : w.changed;
  return `${heading}: ${listed.map((finding) => describeFinding(finding, locale)).join('; ')}`;
}

function formatAudit(result: VerificationResult, locale: VerificationLocale): string {
  const w = WORDS[locale];
  const trail = result.auditTrail;
  if (!trail.isPresent) return `${w.audit}: ${w.auditMissing}`;
  if (trail.isValid) return `${w.audit}: ${w.ok} (${trail.count})`;
  return `${w.audit}: ${w.failed}, ${w.auditBroken} ${(trail.brokenAt ?? 0) + 1}`;
}

function formatSignature(check: SignatureCheck, index: number, locale: VerificationLocale): string[] {
  const w = WORDS[locale];
  const later =
    check.laterRevisions.length === 0
      ? w.none
      : check.laterRevisions
          .map((revision) => `#${revision.revision} ${describeRevision(revision, check, locale)}`)
          .join(', ');
  const lines = [
    `${check.isValid ? '✔' : '✘'} ${w.signature} ${index + 1}: ${check.signerName || '-'}`,
    `    ${w.organization}: ${check.signerOrganization ?? '-'}`,
    `    ${w.time}: ${formatTime(check.signingTime, locale)}`,
    `    ${w.reason}: ${check.reason ?? '-'}    ${w.location}: ${check.location ?? '-'}`,
    `    ${w.intact}: ${check.isIntact ? w.ok : w.failed}`,
    `    ${w.trusted}: ${check.isTrusted ? w.ok : w.failed}`,
    `    ${w.timestamp}: ${check.timestamp ? `${check.timestamp.isValid ? w.ok : w.failed} ${formatTime(check.timestamp.time, locale)} ${check.timestamp.authority ?? ''}`.trim() : w.no}`,
    `    ${w.later}: ${later}`,
  ];
  for (const problem of check.problems) lines.push(`    ! ${PROBLEMS[problem][locale]}`);
  return lines;
}

/** Renders a verification result as plain text for the CLI, in Chinese or English. */
export function formatVerification(result: VerificationResult, locale: VerificationLocale): string {
  const w = WORDS[locale];
  const lines = [
    result.isValid ? w.valid : w.invalid,
    `${w.file}: ${result.sha256}`,
    `${w.revisions}: ${result.revisionCount}`,
    formatAudit(result, locale),
    ...result.problems.map((problem) => `! ${problem}`),
    ...(result.activeContent.length > 0
      ? [
          `! ${w.activeContent}: ${result.activeContent.map((item) => describeActiveContent(item, locale)).join('; ')}`,
        ]
      : []),
    '',
    ...result.signatures.flatMap((check, index) => formatSignature(check, index, locale)),
  ];
  return `${lines.join('\n')}\n`;
}
