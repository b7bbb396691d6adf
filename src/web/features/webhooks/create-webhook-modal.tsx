import { CopyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CreatedWebhook, CreateWebhookBody } from '../../../contracts/webhooks.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../domain/events.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import { SafeForm } from '../../ui/safe-form.tsx';

/** The secret, shown once after creation, with a copy button and a warning that it will not come back. */
function SecretPanel({ created }: { created: CreatedWebhook }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard.writeText(created.secret).then(
      () => message.success(t('webhook.copied')),
      () => message.error(t('webhook.copyFailed')),
    );
  return (
    <Flex vertical gap={12} data-testid="webhook-secret-panel">
      <Alert type="warning" showIcon title={t('webhook.secretWarning')} />
      <Typography.Text strong>{t('webhook.secretTitle')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={created.secret}
          data-testid="webhook-secret"
          style={{ fontFamily: 'monospace' }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="webhook-copy-secret">
          {t('webhook.copy')}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary">{created.url}</Typography.Text>
    </Flex>
  );
}

interface FormValues {
  url: string;
  eventTypes?: WebhookEventType[];
  regionCode?: string;
}

/** The form for a new webhook; after creating, the same dialog shows the secret once. */
export function CreateWebhookModal({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t, pick } = useLocale();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [banner, setBanner] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: (body: CreateWebhookBody) => api<CreatedWebhook>('/webhooks', { method: 'POST', body }),
    onSuccess: (webhook) => {
      setCreated(webhook);
      setBanner([]);
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (error) => setBanner(applyServerErrors(form, error, pick, ['url', 'eventTypes', 'regionCode'])),
  });
  const close = () => {
    setCreated(null);
    setBanner([]);
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={isOpen}
      title={created ? t('webhook.created') : t('webhook.new')}
      onCancel={close}
      mask={{ closable: !created }}
      destroyOnHidden
      footer={
        created ? (
          <Button type="primary" onClick={close} data-testid="webhook-secret-close">
            {t('webhook.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('webhook.cancel')}</Button>
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() => form.submit()}
              data-testid="webhook-submit"
            >
              {t('webhook.create')}
            </Button>
          </Space>
        )
      }
    >
      {created ? (
        <SecretPanel created={created} />
      ) : (
        <SafeForm<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ regionCode: user?.regionCode, eventTypes: [] }}
          onFinish={(values) =>
            create.mutateAsync({
              url: values.url,
              eventTypes: values.eventTypes ?? [],
              regionCode: values.regionCode,
            })
          }
        >
          {banner.length > 0 && (
            <Alert type="error" showIcon title={banner.join('；')} style={{ marginBottom: 12 }} />
          )}
          <Form.Item
            name="url"
            label={t('webhook.field.url')}
            extra={t('webhook.field.urlHelp')}
            rules={[{ required: true, whitespace: true, message: t('webhook.required') }]}
          >
            <Input placeholder="https://erp.example.cn/hooks/luodi" data-testid="webhook-url" />
          </Form.Item>
          <Form.Item
            name="eventTypes"
            label={t('webhook.field.eventTypes')}
            extra={t('webhook.field.eventTypesHelp')}
          >
            <Select<WebhookEventType[]>
              mode="multiple"
              allowClear
              placeholder={t('webhook.allEvents')}
              options={WEBHOOK_EVENT_TYPES.map((value) => ({ value, label: t(`webhook.event.${value}`) }))}
              data-testid="webhook-event-types"
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('webhook.field.region')}
            extra={t('webhook.field.regionHelp')}
          >
            {user && <RegionCascader homeCode={user.regionCode} />}
          </Form.Item>
        </SafeForm>
      )}
    </Modal>
  );
}
