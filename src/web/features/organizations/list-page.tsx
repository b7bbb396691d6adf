import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { CodeText } from '../../ui/figure-text.tsx';
import { KeysetTable } from '../../ui/keyset-table.tsx';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import {
  formatDate,
  formatNumber,
  isOrganizationType,
  ORGANIZATIONS_KEY,
  TypeTag,
  useTypeOptions,
} from './shared.tsx';
import type { Organization, OrganizationPage, OrganizationType } from './types.ts';

const PAGE_SIZE = 50;

/** Filters live in the URL (?q=&type=a,b&region=) so reload, back and shared links keep them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const types = (params.get('type') ?? '').split(',').filter(isOrganizationType);
  const region = params.get('region') ?? undefined;
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
  return { q, types, region, update, hasFilters: Boolean(q || types.length || region) };
}

export default function OrganizationListPage() {
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const typeOptions = useTypeOptions();
  const filters = useFilters();
  const { q, types, region } = filters;
  const [searchText, setSearchText] = useState(q);
  // Back/forward or "clear filters" change the URL: the box follows it.
  useEffect(() => setSearchText(q), [q]);

  const query = useInfiniteQuery({
    queryKey: [ORGANIZATIONS_KEY, 'list', { q, types, region }],
    queryFn: ({ pageParam, signal }) =>
      api<OrganizationPage>(
        `/organizations${queryString({ q: q || undefined, type: types.join(',') || undefined, region, cursor: pageParam, limit: PAGE_SIZE })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = canOpen(user, 'organizationWrite');

  const columns: TableColumnsType<Organization> = [
    {
      key: 'name',
      title: t('org.field.name'),
      minWidth: 220,
      render: (_, row) => (
        <Link to={`/organizations/${row.id}`} data-testid="org-row-link">
          {pick(row.nameZh, row.nameEn)}
        </Link>
      ),
    },
    {
      key: 'otherName',
      title: t('org.field.otherName'),
      minWidth: 180,
      render: (_, row) => (locale === 'zh-CN' ? row.nameEn : row.nameZh) || t('org.none'),
    },
    {
      key: 'usci',
      title: t('org.field.usci'),
      // 18 monospace characters and the copy icon on one line.
      width: 230,
      render: (_, row) =>
        row.usci ? (
          <Typography.Text copyable={{ text: row.usci }} style={{ whiteSpace: 'nowrap' }}>
            <CodeText>{row.usci}</CodeText>
          </Typography.Text>
        ) : (
          t('org.none')
        ),
    },
    { key: 'type', title: t('org.field.type'), width: 150, render: (_, row) => <TypeTag type={row.type} /> },
    {
      key: 'region',
      title: t('org.field.region'),
      width: 140,
      render: (_, row) => pick(row.region.nameZh, row.region.nameEn),
    },
    {
      key: 'projectCount',
      title: t('org.field.projectCount'),
      align: 'right',
      width: 100,
      render: (_, row) => formatNumber(row.projectCount, locale),
    },
    {
      key: 'updatedAt',
      title: t('org.field.updatedAt'),
      width: 140,
      render: (_, row) => formatDate(row.updatedAt, locale),
    },
  ];

  function clearFilters() {
    setSearchText('');
    filters.update({ q: undefined, type: undefined, region: undefined });
  }

  const empty = filters.hasFilters ? (
    <Empty description={t('org.list.emptyFiltered')} data-testid="org-list-empty">
      <Button onClick={clearFilters}>{t('org.list.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty description={t('org.list.empty')} data-testid="org-list-empty">
      {canCreate && (
        <Link to="/organizations/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('org.new')}
          </Button>
        </Link>
      )}
    </Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('org.title')}
        </Typography.Title>
        {canCreate && (
          <Link to="/organizations/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="org-new">
              {t('org.new')}
            </Button>
          </Link>
        )}
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input.Search
            data-testid="org-search"
            style={{ width: 320 }}
            allowClear
            value={searchText}
            placeholder={t('org.list.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => filters.update({ q: value.trim() || undefined })}
            enterButton={t('common.search')}
          />
          <Select<OrganizationType[]>
            data-testid="org-type-filter"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ width: 280 }}
            placeholder={t('org.list.typePlaceholder')}
            options={typeOptions}
            value={types}
            onChange={(next) => filters.update({ type: next.join(',') || undefined })}
          />
          <div data-testid="org-region-filter">
            <RegionCascader
              homeCode={user?.regionCode ?? '000000'}
              value={region}
              onChange={(code) => filters.update({ region: code })}
              placeholder={t('org.list.regionPlaceholder')}
              style={{ width: 240 }}
            />
          </div>
          <Button onClick={clearFilters} disabled={!filters.hasFilters} data-testid="org-reset">
            {t('common.reset')}
          </Button>
        </Flex>
      </Card>
      <KeysetTable<Organization>
        query={query}
        rows={rows}
        columns={columns}
        testId="org"
        scrollX={1100}
        empty={empty}
        loadedText={t('org.list.loaded', { count: formatNumber(rows.length, locale) })}
      />
    </Flex>
  );
}
