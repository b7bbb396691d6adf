import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  Select,
  Switch,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EVENT_KINDS, type EventKind } from '../../../domain/events.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { KeysetTable } from '../../ui/keyset-table.tsx';
import { canWriteEvents, dateRange, EVENTS_KEY, type EventItem, fetchEvents, KindTag } from './shared.tsx';

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isKind = (value: string | null): value is EventKind =>
  value !== null && (EVENT_KINDS as readonly string[]).includes(value);

/** Filters live in the URL (?q=&kind=&from=&to=&top=1) so reload, back and shared links keep them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawKind = params.get('kind');
  const kind = isKind(rawKind) ? rawKind : undefined;
  const from = DATE.test(params.get('from') ?? '') ? (params.get('from') ?? undefined) : undefined;
  const to = DATE.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined;
  const isTopLevel = params.get('top') === '1';
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
  return {
    q,
    kind,
    from,
    to,
    isTopLevel,
    update,
    hasFilters: Boolean(q || kind || from || to || isTopLevel),
  };
}

export default function EventListPage() {
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const filters = useFilters();
  const { q, kind, from, to, isTopLevel } = filters;
  const [searchText, setSearchText] = useState(q);
  // Back/forward or "clear filters" change the URL: the box follows it.
  useEffect(() => setSearchText(q), [q]);
  const canCreate = canWriteEvents(user);

  const query = useInfiniteQuery({
    queryKey: [EVENTS_KEY, 'list', { q, kind, from, to, isTopLevel }],
    queryFn: ({ pageParam, signal }) =>
      fetchEvents(
        {
          q: q || undefined,
          kind,
          from,
          to,
          isTopLevel: isTopLevel ? 'true' : undefined,
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<EventItem> = [
    {
      key: 'name',
      title: t('event.field.name'),
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/events/${row.id}`} data-testid="event-row-link">
            {pick(row.nameZh, row.nameEn)}
          </Link>
          {row.parentId && <Tag>{t('event.list.topLevelTag')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('event.field.kind'),
      width: 170,
      render: (_, row) => <KindTag kind={row.kind} />,
    },
    {
      key: 'dates',
      title: t('event.field.dates'),
      width: 230,
      render: (_, row) => dateRange(row.startsOn, row.endsOn),
    },
    {
      key: 'region',
      title: t('event.field.region'),
      width: 150,
      render: (_, row) => pick(row.region.nameZh, row.region.nameEn),
    },
    {
      key: 'online',
      title: t('event.field.online'),
      width: 100,
      render: (_, row) =>
        row.isOnline ? (
          <Tag icon={<GlobalOutlined />} color="blue">
            {t('event.online.yes')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('event.online.no')}</Typography.Text>
        ),
    },
  ];

  function clearFilters() {
    setSearchText('');
    filters.update({ q: undefined, kind: undefined, from: undefined, to: undefined, top: undefined });
  }

  const newButton = canCreate && (
    <Link to="/events/new">
      <Button type="primary" icon={<PlusOutlined />} data-testid="event-new">
        {t('event.new')}
      </Button>
    </Link>
  );

  const empty = filters.hasFilters ? (
    <Empty description={t('event.list.emptyFiltered')} data-testid="event-list-empty">
      <Button onClick={clearFilters}>{t('event.list.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty description={t('event.list.empty')} data-testid="event-list-empty">
      {canCreate && (
        <Link to="/events/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('event.new')}
          </Button>
        </Link>
      )}
    </Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('event.title')}
        </Typography.Title>
        {newButton}
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input.Search
            data-testid="event-search"
            style={{ width: 300 }}
            allowClear
            value={searchText}
            placeholder={t('event.list.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => filters.update({ q: value.trim() || undefined })}
            enterButton={t('event.search')}
          />
          <Select<EventKind>
            data-testid="event-kind-filter"
            allowClear
            style={{ width: 200 }}
            placeholder={t('event.list.kindPlaceholder')}
            options={EVENT_KINDS.map((value) => ({ value, label: t(`event.kind.${value}`) }))}
            value={kind}
            onChange={(next) => filters.update({ kind: next })}
          />
          <DatePicker.RangePicker
            data-testid="event-date-filter"
            allowEmpty={[true, true]}
            placeholder={[t('event.list.from'), t('event.list.to')]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range) =>
              filters.update({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Flex gap={8} align="center">
            <Switch
              data-testid="event-top-level"
              checked={isTopLevel}
              onChange={(checked) => filters.update({ top: checked ? '1' : undefined })}
              aria-label={t('event.list.topLevel')}
            />
            <Typography.Text>{t('event.list.topLevel')}</Typography.Text>
          </Flex>
          <Button onClick={clearFilters} disabled={!filters.hasFilters} data-testid="event-reset">
            {t('event.reset')}
          </Button>
        </Flex>
      </Card>
      <KeysetTable<EventItem>
        query={query}
        rows={rows}
        columns={columns}
        testId="event"
        scrollX={900}
        empty={empty}
        loadedText={t('event.list.loaded', { count: new Intl.NumberFormat(locale).format(rows.length) })}
      />
    </Flex>
  );
}
