import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { STAGE_LABELS, type Stage } from '../../../domain/stages.ts';
import { api, errorText, queryString } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountText } from '../../ui/figure-text.tsx';
import type { Project, ProjectPage } from './types.ts';

const PAGE_SIZE = 20;

const STAGE_COLORS: Record<Stage, string> = {
  lead: 'default',
  negotiating: 'processing',
  signed: 'blue',
  registered: 'cyan',
  construction: 'orange',
  production: 'green',
  full_output: 'success',
  dropped: 'error',
};

/** The projects an organization takes part in (as investor, partner or government party). */
export function OrganizationProjects({ organizationId }: { organizationId: string }) {
  const { t, pick } = useLocale();
  const query = useInfiniteQuery({
    queryKey: ['projects', 'list', { organizationId }],
    queryFn: ({ pageParam, signal }) =>
      api<ProjectPage>(`/projects${queryString({ organizationId, cursor: pageParam, limit: PAGE_SIZE })}`, {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<Project> = [
    { key: 'code', title: t('org.project.code'), width: 160, render: (_, row) => row.code },
    {
      key: 'name',
      title: t('org.project.name'),
      render: (_, row) => (
        <Link to={`/projects/${row.id}`} data-testid="org-project-link">
          {pick(row.nameZh, row.nameEn)}
        </Link>
      ),
    },
    {
      key: 'role',
      title: t('org.project.role'),
      width: 140,
      render: (_, row) => {
        const role = row.investors.find((investor) => investor.organizationId === organizationId)?.role;
        return role ? t(`org.role.${role}`) : t('org.none');
      },
    },
    {
      key: 'stage',
      title: t('org.project.stage'),
      width: 130,
      render: (_, row) => (
        <Tag color={STAGE_COLORS[row.stage]}>
          {pick(STAGE_LABELS[row.stage].zh, STAGE_LABELS[row.stage].en)}
        </Tag>
      ),
    },
    {
      key: 'investment',
      title: t('org.project.investment'),
      align: 'right',
      width: 180,
      render: (_, row) => <AmountText>{pick(row.investment.displayZh, row.investment.displayEn)}</AmountText>,
    },
    {
      key: 'region',
      title: t('org.project.region'),
      width: 140,
      render: (_, row) => pick(row.region.nameZh, row.region.nameEn),
    },
  ];

  return (
    <Card title={t('org.detail.projects')} data-testid="org-projects">
      {query.isError && !query.data ? (
        <Alert
          type="error"
          showIcon
          title={errorText(query.error, pick, t('error.network'))}
          action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <>
          <Table<Project>
            rowKey="id"
            size="medium"
            columns={columns}
            dataSource={rows}
            loading={query.isLoading}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: query.isLoading ? ' ' : <Empty description={t('org.detail.noProjects')} /> }}
          />
          {query.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                {t('common.more')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
