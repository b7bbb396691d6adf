import { StopOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { SigningView } from '../../../contracts/signing.ts';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { declineSigning } from './api.ts';

/** Decline with a reason, behind a confirmation: it ends the agreement for everyone. */
export function DeclineButton({ token, onDeclined }: { token: string; onDeclined(view: SigningView): void }) {
  const { t, pick } = useLocale();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const busyRef = useRef(false);

  async function confirm() {
    if (busyRef.current) return;
    if (reason.trim().length < 2) {
      setError(t('sign.decline.reasonShort'));
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const view = await declineSigning(token, reason.trim());
      setOpen(false);
      onDeclined(view);
    } catch (caught) {
      setError(errorText(caught, pick, t('error.network')));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        danger
        type="link"
        icon={<StopOutlined />}
        onClick={() => setOpen(true)}
        data-testid="sign-decline"
      >
        {t('sign.decline')}
      </Button>
      <Modal
        open={isOpen}
        title={t('sign.decline.title')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="confirm"
            danger
            type="primary"
            loading={isBusy}
            onClick={confirm}
            data-testid="sign-decline-confirm"
          >
            {t('sign.decline.confirm')}
          </Button>,
        ]}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('sign.decline.explain')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={4}
          maxLength={1000}
          showCount
          aria-label={t('sign.decline.reason')}
          placeholder={t('sign.decline.reasonPlaceholder')}
          data-testid="sign-decline-reason"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
