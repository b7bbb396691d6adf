import { MailOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, type InputRef, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SigningView } from '../../../contracts/signing.ts';
import { ApiError } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { type CodeSentView, sendCode, verifyCode } from './api.ts';
import { formatInstant, secondsUntil } from './sign-state.ts';

interface Props {
  token: string;
  view: SigningView;
  onVerified(view: SigningView): void;
  /** Reload the view: the server knows the resend time after a 429. */
  onRefresh(): void;
}

/** Seconds left until `iso`, ticking once a second while above zero. */
function useCountdown(iso: string | null | undefined): number {
  // Read the clock at each render (not a stored time): a code sent long after mount must start at 60, not less.
  const [, setTick] = useState(0);
  const left = secondsUntil(iso, Date.now());
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setTick((tick) => tick + 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return left;
}

/** Step 1: send a one-time code to the signer's mailbox and check it. */
export function CodeStep({ token, view, onVerified, onRefresh }: Props) {
  const { t, pick } = useLocale();
  const [sent, setSent] = useState<CodeSentView | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const [isVerifying, setVerifying] = useState(false);
  // A ref, not state: two taps in one frame both see the old state.
  const busyRef = useRef(false);
  const inputRef = useRef<InputRef>(null);

  const hasSent = sent !== null || view.code.sentAt !== null;
  const resendIn = useCountdown(sent?.canResendAt ?? view.code.canResendAt);
  const expiresAt = sent?.expiresAt ?? view.code.expiresAt;
  const sentTo = sent?.sentTo ?? view.signer.contact;

  // The code field's own detail reads better than the message, which is prefixed with the field name.
  const explain = (caught: unknown) => {
    if (!(caught instanceof ApiError)) return setError(t('error.network'));
    const detail = caught.details.find((item) => item.field === 'code');
    setError(detail ? pick(detail.zh, detail.en) : pick(caught.zh, caught.en));
  };

  async function send() {
    if (busyRef.current) return;
    busyRef.current = true;
    setSending(true);
    setError(null);
    try {
      setSent(await sendCode(token));
      setCode('');
      inputRef.current?.focus();
    } catch (caught) {
      explain(caught);
      if (caught instanceof ApiError && caught.status === 429) onRefresh();
    } finally {
      busyRef.current = false;
      setSending(false);
    }
  }

  async function verify() {
    if (busyRef.current) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(t('sign.code.mustBeSix'));
      return;
    }
    busyRef.current = true;
    setVerifying(true);
    setError(null);
    try {
      onVerified(await verifyCode(token, digits));
    } catch (caught) {
      // The server's message says how many attempts are left, or that a new code is needed.
      explain(caught);
      setCode('');
      // The link was just locked: reload the view, which then shows the lock instead of the code field.
      if (caught instanceof ApiError && caught.status === 423) onRefresh();
    } finally {
      busyRef.current = false;
      setVerifying(false);
    }
  }

  if (view.code.isLocked)
    return (
      <Card title={t('sign.step.code')} data-testid="sign-step-code">
        <Alert type="error" showIcon data-testid="sign-code-locked" title={t('sign.code.locked')} />
      </Card>
    );

  return (
    <Card title={t('sign.step.code')} data-testid="sign-step-code">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          <MailOutlined /> {t('sign.code.explain')}
        </Typography.Text>
        {hasSent && (
          <Alert
            type="info"
            showIcon
            data-testid="sign-code-sent"
            title={sentTo ? t('sign.code.sentTo', { to: sentTo }) : t('sign.code.sentToUnknown')}
            description={expiresAt ? t('sign.code.expiresAt', { time: formatInstant(expiresAt) }) : undefined}
          />
        )}
        <Button
          block
          size="large"
          type={hasSent ? 'default' : 'primary'}
          loading={isSending}
          disabled={resendIn > 0}
          onClick={send}
          data-testid="sign-code-send"
        >
          {resendIn > 0
            ? t('sign.code.resendIn', { seconds: resendIn })
            : hasSent
              ? t('sign.code.resend')
              : t('sign.code.send')}
        </Button>
        {hasSent && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={inputRef}
              size="large"
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
              onPressEnter={verify}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={t('sign.code.placeholder')}
              aria-label={t('sign.code.label')}
              data-testid="sign-code-input"
              prefix={<SafetyCertificateOutlined />}
              style={{ letterSpacing: code ? '0.4em' : undefined, fontSize: 20 }}
            />
            <Button
              size="large"
              type="primary"
              loading={isVerifying}
              disabled={code.length !== 6}
              onClick={verify}
              data-testid="sign-code-submit"
            >
              {t('sign.code.submit')}
            </Button>
          </Space.Compact>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="sign-code-error" />}
      </Space>
    </Card>
  );
}
