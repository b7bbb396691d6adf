import { EditOutlined, SendOutlined, StopOutlined, TabletOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../app/api.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { SafeForm } from '../../ui/safe-form.tsx';
import { AGREEMENTS_KEY, type Agreement, agreementKey, sendAgreement, voidAgreement } from './api.ts';
import { PdfLink, UploadPdfButton } from './document-upload.tsx';
import { canEdit, canSend, canVoid, signersInOrder } from './signers.ts';

/** Puts the changed agreement in the cache and refreshes lists and the audit trail. */
function useSaved() {
  const queryClient = useQueryClient();
  return (saved: Agreement) => {
    queryClient.setQueryData(agreementKey(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [AGREEMENTS_KEY] });
    void queryClient.invalidateQueries({ queryKey: ['events'] });
  };
}

function VoidModal({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const saved = useSaved();
  const [form] = Form.useForm<{ reason: string }>();
  const [isSaving, setSaving] = useState(false);
  async function submit({ reason }: { reason: string }) {
    setSaving(true);
    try {
      saved(await voidAgreement(agreement.id, reason.trim(), agreement.version));
      message.success(t('agreement.void.done'));
      onClose();
    } catch (error) {
      form.setFields([{ name: 'reason', errors: [errorText(error, pick, t('agreement.networkError'))] }]);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={t('agreement.void.title')}
      okText={t('agreement.void.confirm')}
      okButtonProps={{ danger: true, loading: isSaving }}
      cancelText={t('agreement.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SafeForm form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('agreement.void.reason')}
          rules={[
            { required: true, whitespace: true, message: t('agreement.required') },
            { min: 2, message: t('agreement.void.reasonMin') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="agreement-void-reason" />
        </Form.Item>
      </SafeForm>
    </Modal>
  );
}

/** The header's buttons, each shown only when the agreement's status and the user's role allow it. */
export function DetailActions({ agreement }: { agreement: Agreement }) {
  const { t, pick } = useLocale();
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const saved = useSaved();
  const [isVoiding, setVoiding] = useState(false);
  const canWrite = canOpen(user, 'eventWrite');

  function confirmSend() {
    const total = signersInOrder(agreement).length;
    modal.confirm({
      title: t('agreement.send.title'),
      content: agreement.document.isUploaded
        ? t('agreement.send.contentUploaded', { count: total })
        : t('agreement.send.contentGenerated', { count: total }),
      okText: t('agreement.send.confirm'),
      cancelText: t('agreement.cancel'),
      onOk: async () => {
        try {
          saved(await sendAgreement(agreement.id, agreement.version));
          message.success(t('agreement.send.done'));
        } catch (error) {
          message.error(errorText(error, pick, t('agreement.networkError')));
        }
      },
    });
  }

  return (
    <Space wrap>
      <PdfLink agreement={agreement} />
      {canWrite && canEdit(agreement) && (
        <>
          <Link to={`/agreements/${agreement.id}/edit`}>
            <Button icon={<EditOutlined />} data-testid="agreement-edit">
              {t('agreement.edit')}
            </Button>
          </Link>
          <UploadPdfButton agreement={agreement} />
        </>
      )}
      {canWrite && agreement.status === 'signing' && agreement.event && (
        <Link to={`/events/${agreement.event.id}/onsite`}>
          <Button icon={<TabletOutlined />} data-testid="agreement-onsite">
            {t('agreement.onsite.open')}
          </Button>
        </Link>
      )}
      {canWrite && canVoid(agreement) && (
        <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="agreement-void">
          {t('agreement.void.open')}
        </Button>
      )}
      {canWrite && canSend(agreement) && (
        <Button type="primary" icon={<SendOutlined />} onClick={confirmSend} data-testid="agreement-send">
          {t('agreement.send.open')}
        </Button>
      )}
      {isVoiding && <VoidModal agreement={agreement} onClose={() => setVoiding(false)} />}
    </Space>
  );
}
