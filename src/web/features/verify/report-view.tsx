import {
  AuditOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  DatabaseOutlined,
  SafetyCertificateFilled,
  WarningFilled,
} from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { VerifyReport } from '../../../contracts/signing.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { MESSAGES, type MessageKey } from '../../i18n/messages.ts';
import { StatusTag } from '../events/shared.tsx';
import { formatInstant } from '../signing/sign-state.ts';

type Signature = VerifyReport['signatures'][number];
type Lookup = VerifyReport['lookup'];
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The server's answer for one uploaded PDF: verdict, each signature, the audit trail and what this deployment knows. */
export function ReportView({ report }: { report: VerifyReport }) {
  const { t } = useLocale();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="verify-report">
      <VerdictBanner report={report} />
      {report.activeContent.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="verify-active-content"
          title={t('verify.activeContent')}
          description={<TextList items={report.activeContent} />}
        />
      )}
      <LookupCard lookup={report.lookup} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('verify.signatures', { count: report.signatures.length })}
      </Typography.Title>
      {report.signatures.length === 0 && (
        <Typography.Text type="secondary">{t('verify.noSignatures')}</Typography.Text>
      )}
      {report.signatures.map((signature, position) => (
        <SignatureCard key={signature.index} signature={signature} position={position + 1} />
      ))}
      <AuditCard audit={report.auditChain} />
    </Space>
  );
}

function VerdictBanner({ report }: { report: VerifyReport }) {
  const { t } = useLocale();
  const color = report.isValid ? '#389e0d' : '#cf1322';
  return (
    <div
      data-testid="verify-verdict"
      data-valid={report.isValid}
      style={{
        borderRadius: 8,
        padding: '20px 16px',
        background: report.isValid ? '#f6ffed' : '#fff1f0',
        border: `2px solid ${color}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, color, fontSize: 26, fontWeight: 600 }}>
        {report.isValid ? <SafetyCertificateFilled /> : <CloseCircleFilled />}
        {report.isValid ? t('verify.valid') : t('verify.invalid')}
      </div>
      {report.verdict[0] && (
        <Typography.Paragraph style={{ margin: '12px 0 0' }} data-testid="verify-verdict-summary">
          {report.verdict[0]}
        </Typography.Paragraph>
      )}
      {report.verdict.length > 1 && (
        // The server's full wording, as the offline command prints it.
        <details style={{ marginTop: 8 }}>
          <summary style={{ cursor: 'pointer' }}>{t('verify.fullReport')}</summary>
          <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, margin: '8px 0 0' }}>
            {report.verdict.join('\n')}
          </pre>
        </details>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
        {t('verify.fingerprint')}:{' '}
        <Typography.Text
          copyable
          style={{
            wordBreak: 'break-all',
            fontSize: 12,
            fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
          }}
        >
          {report.sha256}
        </Typography.Text>
      </Typography.Text>
    </div>
  );
}

/** The sentence for what this deployment's records say about the file. */
function lookupSentence(lookup: Lookup, t: Translate, title: string): string {
  if (!lookup.isKnown || !lookup.agreement) return t('verify.lookup.unknown');
  const { agreement } = lookup;
  if (lookup.kind === 'sealed') {
    const at = agreement.sealedAt ?? agreement.signedAt;
    return t('verify.lookup.sealed', { title, time: at ? formatInstant(at) : t('verify.unknown') });
  }
  // An uploaded or generated document is the unsigned starting point.
  if (lookup.kind === 'uploaded' || lookup.kind === 'generated')
    return t('verify.lookup.original', { title });
  const revision = lookup.revision ?? 0;
  const latest = lookup.latestRevision ?? revision;
  return revision < latest
    ? t('verify.lookup.revision', { title, revision, latest })
    : t('verify.lookup.latest', { title, revision });
}

function LookupCard({ lookup }: { lookup: Lookup }) {
  const { t, pick } = useLocale();
  const title = lookup.agreement ? pick(lookup.agreement.titleZh, lookup.agreement.titleEn) : '';
  const isCurrent =
    lookup.isKnown && (lookup.kind === 'sealed' || (lookup.revision ?? 0) >= (lookup.latestRevision ?? 0));
  return (
    <Card
      size="small"
      title={
        <span>
          <DatabaseOutlined /> {t('verify.lookup')}
        </span>
      }
    >
      <Space orientation="vertical" size={8}>
        <Typography.Text
          data-testid="verify-lookup"
          type={!lookup.isKnown ? 'danger' : isCurrent ? undefined : 'warning'}
          strong
        >
          {lookupSentence(lookup, t, title)}
        </Typography.Text>
        {lookup.agreement && <StatusTag status={lookup.agreement.status} />}
      </Space>
    </Card>
  );
}

/** Words for a problem code of the verifier; text the server already worded is shown as it came. */
export function problemText(problem: string, t: Translate): string {
  const key = `verify.problem.${problem}`;
  return key in MESSAGES ? t(key as MessageKey) : problem;
}

function Check({ isOk, label, isSoft }: { isOk: boolean; label: string; isSoft?: boolean }) {
  const icon = isOk ? (
    <CheckCircleFilled style={{ color: '#52c41a' }} />
  ) : isSoft ? (
    <WarningFilled style={{ color: '#faad14' }} />
  ) : (
    <CloseCircleFilled style={{ color: '#f5222d' }} />
  );
  return (
    <div data-ok={isOk}>
      {icon} {label}
    </div>
  );
}

function SignatureCard({ signature, position }: { signature: Signature; position: number }) {
  const { t } = useLocale();
  return (
    <Card
      size="small"
      data-testid={`verify-signature-${signature.index}`}
      title={
        <Space wrap>
          <span>{t('verify.signature', { index: position })}</span>
          <Tag color={signature.isSeal ? 'red' : 'blue'}>
            {signature.isSeal ? t('verify.seal') : t('verify.party')}
          </Tag>
        </Space>
      }
      extra={
        <Tag color={signature.isValid ? 'success' : 'error'}>
          {signature.isValid ? t('verify.sigValid') : t('verify.sigInvalid')}
        </Tag>
      }
      style={{ borderColor: signature.isValid ? undefined : '#ffa39e' }}
    >
      <Descriptions
        column={{ xs: 1, sm: 3 }}
        size="small"
        items={[
          { key: 'signer', label: t('verify.signer'), children: signature.signerName },
          {
            key: 'org',
            label: t('verify.organization'),
            children: signature.organization ?? t('verify.unknown'),
          },
          {
            key: 'time',
            label: t('verify.signedAt'),
            children: signature.signedAt ? formatInstant(signature.signedAt) : t('verify.unknown'),
          },
        ]}
      />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
          gap: 6,
          marginTop: 8,
        }}
      >
        <Check isOk={signature.isCryptographicallyValid} label={t('verify.item.crypto')} />
        <Check isOk={signature.isChainTrusted} label={t('verify.item.chain')} />
        <Check isOk={signature.coversWholeFileAtItsRevision} label={t('verify.item.coverage')} />
        <Check isOk={signature.hasTimestamp} label={t('verify.item.timestamp')} isSoft />
      </div>
      {signature.modifications.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid={`verify-modifications-${signature.index}`}>
          <Typography.Text type="danger" strong>
            {t('verify.modifications')}
          </Typography.Text>
          <TextList items={signature.modifications} />
        </div>
      )}
      {signature.problems.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="danger" strong>
            {t('verify.problems')}
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {signature.problems.map((problem) => (
              <li key={problem}>
                <Typography.Text type="danger">{problemText(problem, t)}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

/** Lines the server already worded in the reader's language (each names the object concerned). */
function TextList({ items }: { items: string[] }) {
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
      {items.map((item) => (
        <li key={item}>
          <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>
            {item}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function AuditCard({ audit }: { audit: VerifyReport['auditChain'] }) {
  const { t } = useLocale();
  const text = !audit.isPresent
    ? t('verify.audit.missing')
    : audit.isValid
      ? t('verify.audit.valid', { count: audit.count })
      : t('verify.audit.invalid', { count: audit.count });
  return (
    <Card
      size="small"
      title={
        <span>
          <AuditOutlined /> {t('verify.audit')}
        </span>
      }
    >
      <div data-testid="verify-audit">
        <Check isOk={audit.isPresent && audit.isValid} label={text} isSoft={!audit.isPresent} />
      </div>
    </Card>
  );
}
