import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AGREEMENTS_KEY, type Agreement, type Link, reissueLink } from './api.ts';
import { chinaTime, SignerStateTag } from './labels.tsx';
import { canReissueLink, type SignerRow, signerState, signersInOrder } from './signers.ts';

/** Shows a re-issued link once, with a copy button: officers pass it on by WeChat when there is no e-mail. */
function IssuedLinkModal({
  link,
  signerName,
  onClose,
}: {
  link: Link;
  signerName: string;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      message.success(t('agreement.link.copied'));
    } catch {
      message.warning(t('agreement.link.copyFailed'));
    }
  }
  return (
    <Modal
      open
      title={t('agreement.link.title', { name: signerName })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('agreement.link.close')}</Button>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('agreement.link.once')} />
        {link.sentTo && (
          <Typography.Text>{t('agreement.link.sentTo', { contact: link.sentTo })}</Typography.Text>
        )}
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={link.url} data-testid="issued-link-url" onFocus={(e) => e.target.select()} />
          <Button
            type="primary"
            icon={<CopyOutlined />}
            onClick={() => void copy()}
            data-testid="issued-link-copy"
          >
            {t('agreement.link.copy')}
          </Button>
        </Space.Compact>
      </Space>
    </Modal>
  );
}

/** Every signer in signing order: party, state, contact, link, and why they declined. */
export function SignersCard({ agreement }: { agreement: Agreement }) {
  const { t, pick } = useLocale();
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<{ link: Link; name: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const canWrite = canOpen(user, 'eventWrite');
  const none = t('agreement.none');

  function confirmReissue(signer: SignerRow) {
    modal.confirm({
      title: t('agreement.link.confirmTitle', { name: signer.name }),
      content: t('agreement.link.confirmContent'),
      okText: t('agreement.link.reissue'),
      cancelText: t('agreement.cancel'),
      onOk: async () => {
        setBusyId(signer.id);
        try {
          setIssued({ link: await reissueLink(agreement.id, signer.id), name: signer.name });
          void queryClient.invalidateQueries({ queryKey: [AGREEMENTS_KEY] });
        } catch (error) {
          message.error(errorText(error, pick, t('agreement.networkError')));
        } finally {
          setBusyId(null);
        }
      },
    });
  }

  return (
    <Card
      size="small"
      title={t('agreement.section.signers')}
      extra={<Tag>{t(`agreement.order.${agreement.signingOrder}`)}</Tag>}
      data-testid="agreement-signers"
    >
      <Table<SignerRow>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={signersInOrder(agreement)}
        columns={[
          { key: 'n', title: '#', width: 44, render: (_, s) => s.position + 1 },
          {
            key: 'signer',
            title: t('agreement.signer.name'),
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[s.title, pick(s.party.nameZh, s.party.nameEn)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'state',
            title: t('agreement.field.status'),
            width: 210,
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <SignerStateTag state={signerState(agreement.status, s)} />
                {s.signedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {chinaTime(s.signedAt)}
                    {s.signedVia && ` · ${t(`agreement.via.${s.signedVia}`)}`}
                  </Typography.Text>
                )}
                {s.declinedReason && (
                  <Typography.Text
                    type="danger"
                    style={{ fontSize: 12 }}
                    data-testid="signer-declined-reason"
                  >
                    {t('agreement.signer.declinedReason', { reason: s.declinedReason })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'contact',
            title: t('agreement.signer.contact'),
            width: 190,
            render: (_, s) =>
              s.contact ?? (
                <Typography.Text type="secondary">{t('agreement.signer.onsiteOnly')}</Typography.Text>
              ),
          },
          {
            key: 'link',
            title: t('agreement.signer.linkSentAt'),
            width: 150,
            render: (_, s) => (s.linkSentAt ? chinaTime(s.linkSentAt) : none),
          },
          {
            key: 'action',
            title: '',
            width: 130,
            render: (_, s) =>
              canWrite &&
              canReissueLink(agreement, s) && (
                <Button
                  size="small"
                  icon={<LinkOutlined />}
                  loading={busyId === s.id}
                  onClick={() => confirmReissue(s)}
                  data-testid="signer-reissue"
                >
                  {t('agreement.link.reissue')}
                </Button>
              ),
          },
        ]}
      />
      {issued && (
        <IssuedLinkModal link={issued.link} signerName={issued.name} onClose={() => setIssued(null)} />
      )}
    </Card>
  );
}
