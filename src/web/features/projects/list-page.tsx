import { DownloadOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountText } from '../../ui/figure-text.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { fetchCount, fetchProjects, type Project } from './api.ts';
import { CATEGORY_LABELS, STAGE_COLORS, STAGE_LABELS } from './labels.ts';
import { ProjectFilters } from './project-filters.tsx';
import { filterQuery, useProjectListState } from './use-project-filters.ts';

const PAGE_SIZE = 20;
type Sorter = Exclude<Parameters<NonNullable<TableProps<Project>['onChange']>>[2], unknown[]>;
const SORTABLE: Record<string, string> = {
  code: 'code',
  nameZh: 'name',
  investment: 'investment',
  signedOn: 'signedOn',
  updatedAt: 'updatedAt',
};

export default function ProjectListPage() {
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { state, setFilters, setSort, nextPage, previousPage } = useProjectListState();
  const [selected, setSelected] = useState<Project[]>([]);
  const filterText = filterQuery(state.filters);
  const cursor = state.cursors.at(-1);
  const listQuery = `${filterText}${filterText ? '&' : '?'}limit=${PAGE_SIZE}&sort=${state.sort}&order=${state.order}${cursor ? `&cursor=${cursor}` : ''}`;
  const list = useQuery({ queryKey: ['projects', listQuery], queryFn: () => fetchProjects(listQuery) });
  const count = useQuery({ queryKey: ['projects-count', filterText], queryFn: () => fetchCount(filterText) });
  const canWrite = canOpen(user, 'projectWrite');

  const flagKey = useMutation({
    mutationFn: async (isKey: boolean) => {
      for (const project of selected)
        await api(`/projects/${project.id}`, { method: 'PATCH', body: { isKey, version: project.version } });
      return selected.length;
    },
    onSuccess: (n) => {
      message.success(t('project.bulkDone', { count: n }));
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
    onError: (error: { zh?: string; en?: string }) => message.error(pick(error.zh ?? '', error.en)),
  });

  if (list.error) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const sortOrder = (field: string) =>
    SORTABLE[field] === state.sort ? (state.order === 'asc' ? 'ascend' : 'descend') : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.title')}
        </Typography.Title>
        <Space>
          <Button icon={<DownloadOutlined />} href={`/api/projects/export.xlsx${filterText}`}>
            {t('common.export')}
          </Button>
          {canWrite && (
            <Link to="/projects/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-project">
                {t('project.new')}
              </Button>
            </Link>
          )}
        </Space>
      </div>
      <Card size="small">
        <ProjectFilters filters={state.filters} onChange={setFilters} />
      </Card>
      <Card size="small">
        <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
          <Typography.Text data-testid="project-summary">
            {count.data
              ? t('project.summaryLine', {
                  count: count.data.count.toLocaleString(locale),
                  amount: locale === 'zh-CN' ? count.data.displayZh : count.data.displayEn,
                })
              : ' '}
          </Typography.Text>
          {canWrite && selected.length > 0 && (
            <Space>
              <Typography.Text type="secondary">
                {t('common.selected', { count: selected.length })}
              </Typography.Text>
              <Button size="small" onClick={() => flagKey.mutate(true)} loading={flagKey.isPending}>
                {t('project.bulkKey')}
              </Button>
              <Button size="small" onClick={() => flagKey.mutate(false)} loading={flagKey.isPending}>
                {t('project.bulkUnkey')}
              </Button>
            </Space>
          )}
        </div>
        <Table<Project>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          rowSelection={
            canWrite
              ? { selectedRowKeys: selected.map((p) => p.id), onChange: (_keys, rows) => setSelected(rows) }
              : undefined
          }
          onChange={(_pagination, _filters, sorter) => {
            const one = (Array.isArray(sorter) ? sorter[0] : sorter) as Sorter;
            const field = SORTABLE[String(one.columnKey ?? '')];
            if (field && one.order) setSort(field, one.order === 'ascend' ? 'asc' : 'desc');
            else setSort('updatedAt', 'desc');
          }}
          scroll={{ x: 1400 }}
          columns={[
            {
              key: 'code',
              title: t('project.code'),
              dataIndex: 'code',
              width: 130,
              sorter: true,
              sortOrder: sortOrder('code'),
            },
            {
              key: 'nameZh',
              title: t('project.name'),
              width: 320,
              sorter: true,
              sortOrder: sortOrder('nameZh'),
              render: (_, p) => (
                <Space size={4}>
                  <Link to={`/projects/${p.id}`}>{pick(p.nameZh, p.nameEn)}</Link>
                  {p.isKey && <StarFilled style={{ color: '#faad14' }} title={t('project.isKey')} />}
                  {p.isMajor && <Tag color="red">{t('project.isMajor')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'region',
              title: t('project.region'),
              width: 120,
              render: (_, p) => pick(p.region.nameZh, p.region.nameEn),
            },
            {
              key: 'industry',
              title: t('project.industry'),
              width: 180,
              ellipsis: true,
              render: (_, p) => pick(p.industry.nameZh, p.industry.nameEn),
            },
            {
              key: 'category',
              title: t('project.category'),
              width: 150,
              render: (_, p) => {
                const c = CATEGORY_LABELS[p.categoryCode];
                return c ? pick(c.zh, c.en) : p.categoryCode;
              },
            },
            {
              key: 'investment',
              title: t('project.investment'),
              width: 170,
              align: 'right',
              sorter: true,
              sortOrder: sortOrder('investment'),
              render: (_, p) => (
                <AmountText>
                  {locale === 'zh-CN' ? p.investment.displayZh : p.investment.displayEn}
                </AmountText>
              ),
            },
            {
              key: 'stage',
              title: t('project.stage'),
              width: 90,
              render: (_, p) => (
                <Tag color={STAGE_COLORS[p.stage]}>
                  {pick(STAGE_LABELS[p.stage].zh, STAGE_LABELS[p.stage].en)}
                </Tag>
              ),
            },
            {
              key: 'signedOn',
              title: t('project.signedOn'),
              width: 120,
              sorter: true,
              sortOrder: sortOrder('signedOn'),
              dataIndex: 'signedOn',
            },
            {
              key: 'updatedAt',
              title: t('project.updatedAt'),
              width: 120,
              sorter: true,
              sortOrder: sortOrder('updatedAt'),
              render: (_, p) => new Date(p.updatedAt).toLocaleDateString(locale),
            },
          ]}
        />
        <div
          style={{
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 12,
            marginTop: 12,
          }}
        >
          <Typography.Text type="secondary">
            {t('project.pageN', { n: state.cursors.length + 1 })}
          </Typography.Text>
          <Button onClick={previousPage} disabled={state.cursors.length === 0} data-testid="prev-page">
            {t('project.prevPage')}
          </Button>
          <Button
            onClick={() => list.data?.nextCursor && nextPage(list.data.nextCursor)}
            disabled={!list.data?.nextCursor}
            data-testid="next-page"
          >
            {t('project.nextPage')}
          </Button>
        </div>
      </Card>
    </Space>
  );
}
