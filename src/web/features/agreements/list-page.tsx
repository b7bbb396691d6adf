import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { Fragment } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatYi } from '../../../domain/amount.ts';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../domain/events.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountText } from '../../ui/figure-text.tsx';
import { KeysetTable } from '../../ui/keyset-table.tsx';
import { eventKey, fetchEvent } from '../events/shared.tsx';
import { AGREEMENTS_KEY, type Agreement, fetchAgreements, useAgreementTypes } from './api.ts';
import { chinaTime, StatusTag, typeLabel } from './labels.tsx';
import { EventSelect } from './pickers.tsx';
import { signedCount } from './signers.ts';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isStatus = (value: string | null): value is AgreementStatus =>
  value !== null && (AGREEMENT_STATUSES as readonly string[]).includes(value);

/** Filters live in the URL (?status=&eventId=&type=) so reload, back and shared links keep them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const eventId = UUID.test(params.get('eventId') ?? '') ? (params.get('eventId') ?? undefined) : undefined;
  const typeCode = params.get('type') || undefined;
  function update(changes: Record<string, string | undefined>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }
  return { status, eventId, typeCode, update, hasFilters: Boolean(status || eventId || typeCode) };
}

export default function AgreementListPage() {
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const types = useAgreementTypes();
  const filters = useFilters();
  const { status, eventId, typeCode } = filters;
  const canCreate = canOpen(user, 'eventWrite');

  const query = useInfiniteQuery({
    queryKey: [AGREEMENTS_KEY, 'list', { status, eventId, typeCode }],
    queryFn: ({ pageParam, signal }) =>
      fetchAgreements({ status, eventId, typeCode, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  // The filtered event's name, so the picker shows it rather than its id.
  const filteredEvent = useQuery({
    queryKey: eventKey(eventId ?? ''),
    queryFn: ({ signal }) => fetchEvent(eventId ?? '', signal),
    enabled: Boolean(eventId),
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const none = t('agreement.none');

  const columns: TableColumnsType<Agreement> = [
    {
      key: 'title',
      title: t('agreement.field.title'),
      render: (_, row) => (
        <Flex vertical>
          <Link to={`/agreements/${row.id}`} data-testid="agreement-row-link">
            {pick(row.titleZh, row.titleEn)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {typeLabel(row.typeCode, types, pick)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'event',
      title: t('agreement.field.event'),
      width: 200,
      render: (_, row) =>
        row.event ? (
          <Link to={`/events/${row.event.id}`}>{pick(row.event.nameZh, row.event.nameEn)}</Link>
        ) : (
          none
        ),
    },
    {
      key: 'parties',
      title: t('agreement.field.parties'),
      width: 260,
      render: (_, row) =>
        row.parties.map((party, index) => (
          <Fragment key={party.organizationId}>
            {index > 0 && <Typography.Text type="secondary">{t('agreement.listSeparator')}</Typography.Text>}
            {pick(party.nameZh, party.nameEn)}
          </Fragment>
        )),
    },
    {
      key: 'amount',
      title: t('agreement.field.amountYi'),
      width: 150,
      align: 'right',
      render: (_, row) => (row.amount ? <AmountText>{formatYi(row.amount.yuan, locale)}</AmountText> : none),
    },
    {
      key: 'status',
      title: t('agreement.field.status'),
      width: 100,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'signed',
      title: t('agreement.field.signedCount'),
      width: 90,
      align: 'center',
      render: (_, row) => <span data-testid="agreement-signed-count">{signedCount(row).text}</span>,
    },
    {
      key: 'signedOn',
      title: t('agreement.field.signedOn'),
      width: 130,
      render: (_, row) => row.signedOn ?? (row.signedAt ? chinaTime(row.signedAt).slice(0, 10) : none),
    },
  ];

  const clear = () => filters.update({ status: undefined, eventId: undefined, type: undefined });
  const newLink = (
    <Link to={eventId ? `/agreements/new?eventId=${eventId}` : '/agreements/new'}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="agreement-new">
        {t('agreement.new')}
      </Button>
    </Link>
  );
  const empty = filters.hasFilters ? (
    <Empty description={t('agreement.list.emptyFiltered')}>
      <Button onClick={clear}>{t('agreement.list.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty description={t('agreement.list.empty')}>{canCreate && newLink}</Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('agreement.title')}
        </Typography.Title>
        {canCreate && newLink}
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Select<AgreementStatus>
            data-testid="agreement-status-filter"
            allowClear
            style={{ width: 160 }}
            placeholder={t('agreement.field.status')}
            options={AGREEMENT_STATUSES.map((value) => ({ value, label: t(`event.status.${value}`) }))}
            value={status}
            onChange={(next) => filters.update({ status: next })}
          />
          <EventSelect
            data-testid="agreement-event-filter"
            style={{ width: 280 }}
            placeholder={t('agreement.field.event')}
            value={eventId}
            known={
              filteredEvent.data
                ? [
                    {
                      value: filteredEvent.data.id,
                      label: pick(filteredEvent.data.nameZh, filteredEvent.data.nameEn),
                    },
                  ]
                : []
            }
            onChange={(next) => filters.update({ eventId: next ?? undefined })}
          />
          <Select<string>
            data-testid="agreement-type-filter"
            allowClear
            style={{ width: 220 }}
            placeholder={t('agreement.field.type')}
            options={types.map((type) => ({ value: type.code, label: pick(type.nameZh, type.nameEn) }))}
            value={typeCode}
            onChange={(next) => filters.update({ type: next })}
          />
          <Button onClick={clear} disabled={!filters.hasFilters}>
            {t('agreement.list.reset')}
          </Button>
        </Flex>
      </Card>
      <KeysetTable<Agreement>
        query={query}
        rows={rows}
        columns={columns}
        testId="agreement"
        scrollX={1100}
        empty={empty}
        loadedText={t('agreement.list.loaded', { count: new Intl.NumberFormat(locale).format(rows.length) })}
      />
    </Flex>
  );
}
