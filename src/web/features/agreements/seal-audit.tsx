import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Descriptions, Empty, Space, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { type Agreement, auditKey, documentUrl, fetchAudit } from './api.ts';
import { chinaTime, SealTag } from './labels.tsx';
import { hashPrefix } from './signers.ts';

/** The platform seal over the fully signed PDF: where it stands, its hash, and how to check it. */
export function SealCard({ agreement }: { agreement: Agreement }) {
  const { t } = useLocale();
  const { seal } = agreement;
  const none = t('agreement.none');
  return (
    <Card
      size="small"
      title={t('agreement.section.seal')}
      extra={<SealTag status={seal.status} />}
      data-testid="agreement-seal"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('agreement.seal.sealedAt')}>
          {seal.sealedAt ? chinaTime(seal.sealedAt) : none}
        </Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          {seal.sha256 ? (
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="seal-sha256">
              {seal.sha256}
            </Typography.Text>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.document.revision')}>
          {agreement.document.revision || none}
          {agreement.document.isUploaded && ` · ${t('agreement.document.isUploaded')}`}
        </Descriptions.Item>
      </Descriptions>
      {seal.status === 'pending' && (
        <Alert
          type={seal.error ? 'warning' : 'info'}
          showIcon
          style={{ margin: '8px 0' }}
          title={t('agreement.seal.pendingTitle', { attempts: seal.attempts })}
          description={seal.error ?? t('agreement.seal.pendingHint')}
          data-testid="seal-pending"
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {seal.status === 'sealed' && (
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={documentUrl(agreement.id)}
            download
            data-testid="seal-download"
          >
            {t('agreement.seal.download')}
          </Button>
        )}
        <Link to="/verify">
          <Button icon={<SafetyCertificateOutlined />}>{t('agreement.seal.verify')}</Button>
        </Link>
      </Space>
    </Card>
  );
}

/** Labels of the audit actions this page knows; any other action shows as recorded. */
const ACTION_LABELS: Record<string, MessageKey> = {
  'document-uploaded': 'agreement.audit.documentUploaded',
  sent: 'agreement.audit.sent',
  'link-reissued': 'agreement.audit.linkReissued',
  'code-sent': 'agreement.audit.codeSent',
  'code-verified': 'agreement.audit.codeVerified',
  'code-failed': 'agreement.audit.codeFailed',
  'link-locked': 'agreement.audit.linkLocked',
  signed: 'agreement.audit.signed',
  'all-signed': 'agreement.audit.allSigned',
  sealed: 'agreement.audit.sealed',
  declined: 'agreement.audit.declined',
  voided: 'agreement.audit.voided',
  expired: 'agreement.audit.expired',
};

/** The hash-chained audit trail, newest last, with whether the chain still holds. */
export function AuditCard({ agreement }: { agreement: Agreement }) {
  const { t, pick } = useLocale();
  const audit = useQuery({
    queryKey: [...auditKey(agreement.id), agreement.version, agreement.document.revision],
    queryFn: ({ signal }) => fetchAudit(agreement.id, signal),
  });
  const entries = audit.data?.entries ?? [];
  return (
    <Card
      size="small"
      title={t('agreement.section.audit')}
      loading={audit.isLoading}
      data-testid="agreement-audit"
      extra={
        audit.data && (
          <Badge
            data-testid="audit-chain"
            status={audit.data.isValid ? 'success' : 'error'}
            text={
              <Typography.Text type={audit.data.isValid ? 'success' : 'danger'}>
                {audit.data.isValid ? <CheckCircleFilled /> : <CloseCircleFilled />}{' '}
                {audit.data.isValid ? t('agreement.audit.intact') : t('agreement.audit.broken')}
              </Typography.Text>
            }
          />
        )
      }
    >
      {audit.isError && (
        <Alert
          type="error"
          showIcon
          title={t('agreement.audit.failed', {
            message: errorText(audit.error, pick, t('agreement.networkError')),
          })}
        />
      )}
      {audit.data && entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {entries.length > 0 && (
        <Timeline
          items={entries.map((entry) => {
            const label = ACTION_LABELS[entry.action];
            return {
              key: entry.sequence,
              content: (
                <Space orientation="vertical" size={0} data-testid="audit-entry">
                  <Typography.Text strong>{label ? t(label) : entry.action}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {chinaTime(entry.at)} · {entry.actor}
                  </Typography.Text>
                  <Typography.Text code style={{ fontSize: 11 }} title={entry.hash}>
                    {hashPrefix(entry.hash)}
                  </Typography.Text>
                </Space>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
