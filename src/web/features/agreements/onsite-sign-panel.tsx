import { FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { SignatureCapture } from '../../ui/signature-capture.tsx';
import {
  AGREEMENTS_KEY,
  type Agreement,
  documentUrl,
  type SignatureInput,
  type SignResult,
  signOnsite,
} from './api.ts';
import type { SignerRow } from './signers.ts';

interface SignPanelProps {
  agreement: Agreement;
  signer: SignerRow;
  onClose: () => void;
}

/** Full-screen signing on the host's tablet: the signer draws or types, the host vouches for who they are. */
export function OnsiteSignPanel({ agreement, signer, onClose }: SignPanelProps) {
  const { t, pick, locale } = useLocale();
  const queryClient = useQueryClient();
  const [signature, setSignature] = useState<SignatureInput | null>(null);
  const [isChecked, setChecked] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SignResult | null>(null);

  async function sign() {
    if (!signature) return;
    setSaving(true);
    setError(null);
    try {
      setResult(await signOnsite(agreement.id, signer.id, signature));
      void queryClient.invalidateQueries({ queryKey: [AGREEMENTS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    } catch (failure) {
      setError(errorText(failure, pick, t('agreement.networkError')));
    } finally {
      setSaving(false);
    }
  }

  const amount = agreement.amount
    ? locale === 'zh-CN'
      ? agreement.amount.displayZh
      : agreement.amount.displayEn
    : null;
  return (
    <Drawer
      open
      placement="bottom"
      size="100%"
      onClose={onClose}
      destroyOnHidden
      title={pick(agreement.titleZh, agreement.titleEn)}
      data-testid="onsite-sign-panel"
    >
      {result ? (
        <Result
          status="success"
          title={
            result.isAllSigned
              ? t('agreement.onsite.allSigned')
              : t('agreement.onsite.signed', { name: signer.name })
          }
          extra={
            <Button type="primary" size="large" onClick={onClose} data-testid="onsite-done">
              {t('agreement.onsite.back')}
            </Button>
          }
        />
      ) : (
        <Flex vertical gap={20} style={{ maxWidth: 960, margin: '0 auto', fontSize: 18 }}>
          <Flex justify="space-between" align="center" wrap gap={12}>
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {signer.name}
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 16 }}>
                {[signer.title, pick(signer.party.nameZh, signer.party.nameEn)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
            <Flex gap={16} align="center" wrap>
              {amount && (
                <Typography.Text strong style={{ fontSize: 22 }}>
                  {amount}
                </Typography.Text>
              )}
              <Button
                size="large"
                icon={<FilePdfOutlined />}
                href={documentUrl(agreement.id)}
                target="_blank"
                rel="noreferrer"
              >
                {t('agreement.document.view')}
              </Button>
            </Flex>
          </Flex>
          <SignatureCapture value={signature} onChange={setSignature} signerName={signer.name} />
          <Checkbox
            checked={isChecked}
            onChange={(event) => setChecked(event.target.checked)}
            style={{ fontSize: 18 }}
            data-testid="onsite-identity-check"
          >
            {t('agreement.onsite.identityChecked')}
          </Checkbox>
          {error && <Alert type="error" showIcon title={error} data-testid="onsite-error" />}
          <Flex gap={12} justify="flex-end">
            <Button size="large" onClick={onClose}>
              {t('agreement.cancel')}
            </Button>
            <Button
              type="primary"
              size="large"
              style={{ minWidth: 200, height: 56, fontSize: 20 }}
              disabled={!signature || !isChecked}
              loading={isSaving}
              onClick={() => void sign()}
              data-testid="onsite-confirm"
            >
              {t('agreement.onsite.confirm')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}
