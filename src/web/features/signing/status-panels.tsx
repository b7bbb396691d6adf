import { Descriptions, Result, Typography } from 'antd';
import { Link } from 'react-router';
import type { SigningView } from '../../../contracts/signing.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { formatInstant, type SignStep } from './sign-state.ts';

/** The done state: when the signature was put down and the fingerprint of the document as it now stands. */
export function SignedPanel({
  view,
  step,
}: {
  view: SigningView;
  step: Extract<SignStep, { kind: 'signed' }>;
}) {
  const { t } = useLocale();
  const fingerprint = view.agreement.documentSha256;
  return (
    <Result
      status="success"
      title={<span data-testid="sign-done">{t('sign.done.title')}</span>}
      subTitle={step.isAllSigned ? t('sign.done.allSigned') : t('sign.done.othersPending')}
      extra={<Link to="/verify">{t('sign.done.verifyLink')}</Link>}
    >
      <Descriptions
        column={1}
        layout="vertical"
        size="small"
        items={[
          ...(step.signedAt
            ? [
                {
                  key: 'time',
                  label: t('sign.done.time'),
                  children: <span data-testid="sign-done-time">{formatInstant(step.signedAt)}</span>,
                },
              ]
            : []),
          ...(fingerprint
            ? [
                {
                  key: 'sha',
                  label: t('sign.done.fingerprint'),
                  children: (
                    <Typography.Text
                      copyable
                      data-testid="sign-done-fingerprint"
                      style={{
                        wordBreak: 'break-all',
                        fontSize: 12,
                        fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                      }}
                    >
                      {fingerprint}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Result>
  );
}

/** Every state in which this link cannot sign right now, in words. */
export function NoticePanel({ step }: { step: Exclude<SignStep, { kind: 'signed' | 'code' | 'sign' }> }) {
  const { t } = useLocale();
  switch (step.kind) {
    case 'waiting':
      return (
        <Result
          status="info"
          title={t('sign.waiting.title')}
          subTitle={t('sign.waiting.text', { names: step.names.join(t('sign.listSeparator')) })}
          data-testid="sign-waiting"
        />
      );
    case 'declinedBySelf':
      return (
        <Result
          status="warning"
          title={t('sign.youDeclined.title')}
          subTitle={t('sign.youDeclined.text')}
          data-testid="sign-declined"
        />
      );
    case 'closed':
      return (
        <Result
          status={step.status === 'completed' ? 'success' : 'warning'}
          title={t(`sign.closed.${step.status}`)}
          subTitle={t('sign.closed.text')}
          data-testid={`sign-closed-${step.status}`}
        />
      );
    case 'unavailable':
      return (
        <Result
          status="info"
          title={t('sign.unavailable.title')}
          subTitle={t('sign.unavailable.text')}
          data-testid="sign-unavailable"
        />
      );
  }
}
