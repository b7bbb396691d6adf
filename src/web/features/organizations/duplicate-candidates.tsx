import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { CodeText } from '../../ui/figure-text.tsx';
import { formatNumber, formatPercent, ReasonTags, TypeTag, useDuplicates } from './shared.tsx';
import type { DuplicateCandidate } from './types.ts';

/** Organizations that look like this one, each with a way into the merge screen when the user may merge. */
export function DuplicateCandidates({
  organizationId,
  canMerge,
}: {
  organizationId: string;
  canMerge: boolean;
}) {
  const { t, pick, locale } = useLocale();
  const query = useDuplicates(organizationId);

  const columns: TableColumnsType<DuplicateCandidate> = [
    {
      key: 'name',
      title: t('org.field.name'),
      render: (_, row) => (
        <Link to={`/organizations/${row.organization.id}`} data-testid="org-duplicate-link">
          {pick(row.organization.nameZh, row.organization.nameEn)}
        </Link>
      ),
    },
    { key: 'reasons', title: '', width: 200, render: (_, row) => <ReasonTags reasons={row.reasons} /> },
    {
      key: 'similarity',
      title: t('org.dup.similarity'),
      align: 'right',
      width: 120,
      render: (_, row) => formatPercent(row.similarity, locale),
    },
    {
      key: 'usci',
      title: t('org.field.usci'),
      width: 200,
      render: (_, row) =>
        row.organization.usci ? <CodeText>{row.organization.usci}</CodeText> : t('org.none'),
    },
    {
      key: 'type',
      title: t('org.field.type'),
      width: 150,
      render: (_, row) => <TypeTag type={row.organization.type} />,
    },
    {
      key: 'region',
      title: t('org.field.region'),
      width: 130,
      render: (_, row) => pick(row.organization.region.nameZh, row.organization.region.nameEn),
    },
    {
      key: 'projectCount',
      title: t('org.field.projectCount'),
      align: 'right',
      width: 90,
      render: (_, row) => formatNumber(row.organization.projectCount, locale),
    },
  ];
  if (canMerge) {
    columns.push({
      key: 'merge',
      title: '',
      width: 160,
      render: (_, row) => (
        <Link
          to={`/organizations/${organizationId}/merge?source=${row.organization.id}`}
          data-testid="org-duplicate-merge"
        >
          <Button size="small" icon={<MergeCellsOutlined />}>
            {t('org.dup.mergeInto')}
          </Button>
        </Link>
      ),
    });
  }

  return (
    <Card title={t('org.dup.title')} data-testid="org-duplicates">
      <Typography.Paragraph type="secondary">{t('org.dup.hint')}</Typography.Paragraph>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(query.error, pick, t('error.network'))}
          action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <Table<DuplicateCandidate>
          rowKey={(row) => row.organization.id}
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isLoading}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: query.isLoading ? ' ' : <Empty description={t('org.dup.none')} /> }}
        />
      )}
    </Card>
  );
}
