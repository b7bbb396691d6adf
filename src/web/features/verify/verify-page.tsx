import {
  CheckOutlined,
  CodeOutlined,
  DownloadOutlined,
  FilePdfOutlined,
  LockOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { PublicFrame } from '../signing/public-frame.tsx';
import { CA_CERTIFICATE_URL, verifyPdf } from './api.ts';
import { ReportView } from './report-view.tsx';

const OFFLINE_COMMAND = 'npx luodi verify file.pdf --ca luodi-ca.pem';

/** A PDF by its name or type: browsers on some phones report no type for downloaded files. */
export function isPdf(file: { name: string; type: string }): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

/** The public page where anyone checks a signed PDF against this deployment. */
export default function VerifyPage() {
  const { t, pick, locale } = useLocale();
  // Each pick gets its own id: the same file chosen twice is checked twice.
  const [chosen, setChosen] = useState<{ id: number; file: File } | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  // Keyed by language too: the server words the verdict and problems in the language asked for.
  const query = useQuery({
    queryKey: ['verify', chosen?.id, lang],
    queryFn: ({ signal }) =>
      chosen ? verifyPdf(chosen.file, lang, signal) : Promise.reject(new Error('no file')),
    enabled: chosen !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  function choose(file: File) {
    if (!isPdf(file)) {
      setRejected(t('verify.notPdf', { name: file.name }));
      return;
    }
    setRejected(null);
    setChosen((previous) => ({ id: (previous?.id ?? 0) + 1, file }));
  }

  const error = query.error;
  const errorText =
    error instanceof ApiError
      ? error.zh
        ? pick(error.zh, error.en)
        : error.status === 0
          ? t('error.network')
          : t('verify.failed', { status: error.status })
      : null;

  return (
    <PublicFrame product={t('verify.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('verify.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
          <Typography.Text strong>{t('verify.checks')}</Typography.Text>
          <ul style={{ margin: '4px 0 12px', paddingInlineStart: 20 }}>
            {(
              [
                'verify.check.crypto',
                'verify.check.chain',
                'verify.check.coverage',
                'verify.check.timestamp',
                'verify.check.audit',
              ] as const
            ).map((key) => (
              <li key={key}>
                <CheckOutlined style={{ color: '#52c41a' }} /> {t(key)}
              </li>
            ))}
          </ul>
          <Upload.Dragger
            accept=".pdf,application/pdf"
            multiple={false}
            showUploadList={false}
            disabled={query.isFetching}
            // Nothing is uploaded by antd: the file is handed to the query, which posts it to this server only.
            beforeUpload={(file) => {
              choose(file);
              return Upload.LIST_IGNORE;
            }}
            data-testid="verify-upload"
          >
            <p className="ant-upload-drag-icon">
              <FilePdfOutlined />
            </p>
            <p className="ant-upload-text">{t('verify.drop')}</p>
            <p className="ant-upload-hint">{t('verify.dropHint')}</p>
          </Upload.Dragger>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            <LockOutlined /> {t('verify.privacy')}
          </Typography.Text>
        </Card>

        {rejected && <Alert type="warning" showIcon title={rejected} data-testid="verify-rejected" />}
        {chosen && query.isFetching && (
          <Card>
            <Space>
              <Spin />
              <Typography.Text>{t('verify.checking', { name: chosen.file.name })}</Typography.Text>
            </Space>
          </Card>
        )}
        {errorText && (
          <Alert
            type="error"
            showIcon
            title={errorText}
            data-testid="verify-error"
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void query.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {chosen && query.data && !query.isFetching && (
          <>
            <Typography.Text type="secondary">{t('verify.file', { name: chosen.file.name })}</Typography.Text>
            <ReportView report={query.data} />
          </>
        )}

        <Card
          title={
            <span>
              <CodeOutlined /> {t('verify.offline')}
            </span>
          }
          data-testid="verify-offline"
        >
          <Typography.Paragraph>{t('verify.offlineText')}</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text code copyable>
              {OFFLINE_COMMAND}
            </Typography.Text>
          </Typography.Paragraph>
          <a href={CA_CERTIFICATE_URL} download="luodi-ca.pem" data-testid="verify-ca-download">
            <DownloadOutlined /> {t('verify.downloadCa')}
          </a>
        </Card>
      </Space>
    </PublicFrame>
  );
}
