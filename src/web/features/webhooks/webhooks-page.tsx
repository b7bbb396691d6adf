import { DeleteOutlined, PlusOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { WebhookDeliveryView, WebhookTestResult, WebhookView } from '../../../contracts/webhooks.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../domain/events.ts';
import { api, errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { CreateWebhookModal } from './create-webhook-modal.tsx';

const WEBHOOKS_KEY = 'webhooks';
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
const STATUS_COLORS = { pending: 'processing', delivered: 'success', failed: 'error' } as const;

function useErrorText() {
  const { pick, t } = useLocale();
  return (error: unknown) => errorText(error, pick, t('error.network'));
}

function EventTypeTags({ types }: { types: readonly string[] }) {
  const { t } = useLocale();
  if (types.length === 0) return <Tag>{t('webhook.allEvents')}</Tag>;
  return (
    <Flex wrap gap={4}>
      {types.map((type) => (
        <Tag key={type} color="blue">
          {(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
            ? t(`webhook.event.${type as WebhookEventType}`)
            : type}
        </Tag>
      ))}
    </Flex>
  );
}

function DeliveriesDrawer({ webhook, onClose }: { webhook: WebhookView | null; onClose(): void }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: [WEBHOOKS_KEY, webhook?.id, 'deliveries'],
    queryFn: ({ signal }) =>
      api<{ items: WebhookDeliveryView[] }>(`/webhooks/${webhook?.id}/deliveries`, { signal }),
    enabled: webhook !== null,
  });
  const columns: TableColumnsType<WebhookDeliveryView> = [
    {
      key: 'createdAt',
      title: t('webhook.delivery.createdAt'),
      width: 170,
      render: (_, row) => time(row.createdAt),
    },
    {
      key: 'event',
      title: t('webhook.delivery.event'),
      render: (_, row) => <EventTypeTags types={[row.eventType]} />,
    },
    {
      key: 'status',
      title: t('webhook.delivery.status'),
      width: 100,
      render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{t(`webhook.status.${row.status}`)}</Tag>,
    },
    { key: 'attempts', title: t('webhook.delivery.attempts'), width: 90, dataIndex: 'attempts' },
    {
      key: 'response',
      title: t('webhook.delivery.response'),
      render: (_, row) =>
        row.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: row.lastError }} style={{ maxWidth: 260 }}>
            {row.lastError}
          </Typography.Text>
        ) : (
          (row.lastStatusCode ?? '—')
        ),
    },
    {
      key: 'next',
      title: t('webhook.delivery.next'),
      width: 170,
      render: (_, row) => (row.status === 'pending' ? time(row.nextAttemptAt) : time(row.deliveredAt)),
    },
  ];
  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      size={900}
      title={t('webhook.deliveriesTitle')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('common.retry')}
        </Button>
      }
    >
      {webhook && <Typography.Paragraph type="secondary">{webhook.url}</Typography.Paragraph>}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<WebhookDeliveryView>
          rowKey="id"
          size="small"
          data-testid="webhook-deliveries"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isLoading}
          pagination={false}
          locale={{ emptyText: <Empty description={t('webhook.noDeliveries')} /> }}
          expandable={{
            expandedRowRender: (row) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(row.payload, null, 2)}</pre>
            ),
          }}
        />
      )}
    </Drawer>
  );
}

export default function WebhooksPage() {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [isCreating, setIsCreating] = useState(false);
  const [shown, setShown] = useState<WebhookView | null>(null);
  const query = useQuery({
    queryKey: [WEBHOOKS_KEY, 'list'],
    queryFn: ({ signal }) => api<{ items: WebhookView[] }>('/webhooks', { signal }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('webhook.deleted'));
      void queryClient.invalidateQueries({ queryKey: [WEBHOOKS_KEY] });
    },
    onError: (error) => message.error(errorText(error)),
  });
  const test = useMutation({
    mutationFn: (id: string) => api<WebhookTestResult>(`/webhooks/${id}/test`, { method: 'POST' }),
    onSuccess: (result) =>
      result.error === null
        ? message.success(t('webhook.testOk', { status: result.statusCode ?? '' }))
        : message.error(t('webhook.testFailed', { error: result.error })),
    onError: (error) => message.error(errorText(error)),
  });

  const columns: TableColumnsType<WebhookView> = [
    {
      key: 'url',
      title: t('webhook.field.url'),
      render: (_, row) => <Typography.Text copyable={{ text: row.url }}>{row.url}</Typography.Text>,
    },
    {
      key: 'region',
      title: t('webhook.field.region'),
      width: 130,
      render: (_, row) => pick(row.region.nameZh, row.region.nameEn),
    },
    {
      key: 'types',
      title: t('webhook.field.eventTypes'),
      render: (_, row) => <EventTypeTags types={row.eventTypes} />,
    },
    {
      key: 'deliveries',
      title: t('webhook.field.deliveries'),
      width: 120,
      render: (_, row) => (
        <Space>
          <Tag color={row.pendingCount ? 'processing' : 'default'}>{row.pendingCount}</Tag>
          <Tag color={row.failedCount ? 'error' : 'default'}>{row.failedCount}</Tag>
        </Space>
      ),
    },
    {
      key: 'last',
      title: t('webhook.field.lastDelivered'),
      width: 170,
      render: (_, row) => (row.lastDeliveredAt ? time(row.lastDeliveredAt) : t('webhook.never')),
    },
    {
      key: 'actions',
      title: t('webhook.field.actions'),
      width: 300,
      render: (_, row) => (
        <Space wrap>
          <Button size="small" onClick={() => setShown(row)} data-testid="webhook-show-deliveries">
            {t('webhook.deliveries')}
          </Button>
          <Button
            size="small"
            icon={<SendOutlined />}
            loading={test.isPending && test.variables === row.id}
            onClick={() => test.mutate(row.id)}
            data-testid="webhook-send-test"
          >
            {t('webhook.sendTest')}
          </Button>
          <Popconfirm title={t('webhook.deleteConfirm')} onConfirm={() => remove.mutate(row.id)}>
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="webhook-delete">
              {t('webhook.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('webhook.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setIsCreating(true)}
          data-testid="webhook-new"
        >
          {t('webhook.new')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('webhook.intro')}
      </Typography.Paragraph>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <Table<WebhookView>
            rowKey="id"
            data-testid="webhook-table"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isLoading}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: query.isLoading ? ' ' : <Empty description={t('webhook.empty')} /> }}
          />
        </Card>
      )}
      <CreateWebhookModal isOpen={isCreating} onClose={() => setIsCreating(false)} />
      <DeliveriesDrawer webhook={shown} onClose={() => setShown(null)} />
    </Flex>
  );
}
