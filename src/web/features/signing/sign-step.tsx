import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { SignatureInput, SigningView, SignResult } from '../../../contracts/signing.ts';
import { ApiError, errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { SignatureCapture } from '../../ui/signature-capture.tsx';
import { submitSignature } from './api.ts';

interface Props {
  token: string;
  view: SigningView;
  onSigned(result: SignResult): void;
  /** Reload the view after a refusal: the agreement or the code may have changed meanwhile. */
  onRefresh(): void;
}

/** Steps 2 and 3: the signature, the consent box and the one button that signs. */
export function SignStep({ token, view, onSigned, onRefresh }: Props) {
  const { t, pick } = useLocale();
  const [signature, setSignature] = useState<SignatureInput | null>(null);
  const [isAgreed, setAgreed] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set synchronously on the first click, so a double click cannot send twice.
  const submittingRef = useRef(false);

  async function submit() {
    if (submittingRef.current || !signature || !isAgreed) return;
    submittingRef.current = true;
    setSubmitting(true);
    setError(null);
    try {
      onSigned(await submitSignature(token, signature));
    } catch (caught) {
      setError(errorText(caught, pick, t('error.network')));
      if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) onRefresh();
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }

  const missing = !signature ? t('sign.needSignature') : !isAgreed ? t('sign.needAgree') : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t('sign.code.verified')} />
      <Card title={t('sign.step.signature')} data-testid="sign-step-signature">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('sign.signingAs', {
            name: view.signer.name,
            organization: pick(view.signer.organization.nameZh, view.signer.organization.nameEn),
          })}
        </Typography.Paragraph>
        <SignatureCapture value={signature} onChange={setSignature} signerName={view.signer.name} />
      </Card>
      <Card title={t('sign.step.confirm')} data-testid="sign-step-confirm">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Checkbox
            checked={isAgreed}
            onChange={(event) => setAgreed(event.target.checked)}
            data-testid="sign-agree"
          >
            {t('sign.agree')}
          </Checkbox>
          <Button
            type="primary"
            size="large"
            block
            icon={<EditOutlined />}
            loading={isSubmitting}
            disabled={isSubmitting || missing !== null}
            onClick={submit}
            data-testid="sign-submit"
          >
            {t('sign.submit')}
          </Button>
          {missing && !isSubmitting && (
            <Typography.Text type="secondary" data-testid="sign-missing">
              {missing}
            </Typography.Text>
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="sign-error" />}
        </Space>
      </Card>
    </Space>
  );
}
