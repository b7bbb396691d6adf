import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Result, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { SigningView, SignResult } from '../../../contracts/signing.ts';
import type { ApiError } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { AgreementSummary } from './agreement-summary.tsx';
import { documentUrl, fetchSigningView, signingKey } from './api.ts';
import { CodeStep } from './code-step.tsx';
import { DeclineButton } from './decline-button.tsx';
import { PdfViewer } from './pdf-viewer.tsx';
import { PublicFrame } from './public-frame.tsx';
import { canDecline, signStep } from './sign-state.ts';
import { SignStep } from './sign-step.tsx';
import { NoticePanel, SignedPanel } from './status-panels.tsx';

/** A link in an e-mail may carry ?lang=en or ?lang=zh; it applies once, then the signer's own choice wins. */
function useLanguageFromLink() {
  const [params] = useSearchParams();
  const { locale, setLocale } = useLocale();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the link's first load decides
  useEffect(() => {
    const lang = params.get('lang');
    if (lang === 'en' && locale !== 'en-US') setLocale('en-US');
    if (lang === 'zh' && locale !== 'zh-CN') setLocale('zh-CN');
  }, []);
}

/** The public page behind a signer's link: read the agreement, confirm by e-mail code, sign or decline. */
export default function SignPage() {
  const { token = '' } = useParams();
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<SignResult | null>(null);
  useLanguageFromLink();

  const query = useQuery({
    queryKey: signingKey(token),
    queryFn: ({ signal }) => fetchSigningView(token, signal),
  });
  const setView = (view: SigningView) => queryClient.setQueryData(signingKey(token), view);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: signingKey(token) });

  if (query.isPending) {
    return (
      <PublicFrame product={t('sign.product')}>
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </PublicFrame>
    );
  }
  if (query.isError) {
    const status = (query.error as Partial<ApiError>).status;
    return (
      <PublicFrame product={t('sign.product')}>
        {status === 404 || status === 400 ? (
          <Result
            status="warning"
            title={t('sign.invalidTitle')}
            subTitle={t('sign.invalidText')}
            data-testid="sign-invalid"
          />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </PublicFrame>
    );
  }

  const view = query.data;
  const step = signStep(view, result);
  const pdfUrl = documentUrl(token, view.agreement.documentRevision);
  return (
    <PublicFrame product={t('sign.product')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <AgreementSummary view={view} />
        <Card
          title={t('sign.document')}
          extra={
            <a href={pdfUrl} download data-testid="sign-download">
              <DownloadOutlined /> {t('sign.download')}
            </a>
          }
          styles={{ body: { padding: 8, background: '#f0f0f0' } }}
        >
          <PdfViewer url={pdfUrl} />
        </Card>
        {step.kind === 'signed' && <SignedPanel view={view} step={step} />}
        {step.kind === 'code' && (
          <CodeStep token={token} view={view} onVerified={setView} onRefresh={refresh} />
        )}
        {step.kind === 'sign' && (
          <SignStep
            token={token}
            view={view}
            onSigned={(signed) => {
              setResult(signed);
              refresh();
            }}
            onRefresh={refresh}
          />
        )}
        {step.kind !== 'signed' && step.kind !== 'code' && step.kind !== 'sign' && (
          <NoticePanel step={step} />
        )}
        {canDecline(step) && (
          <div style={{ textAlign: 'center' }}>
            <DeclineButton token={token} onDeclined={setView} />
          </div>
        )}
      </Space>
    </PublicFrame>
  );
}
