import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../app/api.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorState } from './status-pages.tsx';

type KeysetQuery = UseInfiniteQueryResult<InfiniteData<unknown, unknown>, unknown>;

/**
 * A list page's table over keyset pages: the rows loaded so far, "load more" while the server has more, how
 * many are shown, and a failed page reported where it happened (the rows already shown stay).
 */
export function KeysetTable<Row extends { id: string }>({
  query,
  rows,
  columns,
  testId,
  scrollX,
  empty,
  loadedText,
}: {
  query: KeysetQuery;
  rows: Row[];
  columns: TableColumnsType<Row>;
  /** Prefix of the test ids: `<testId>-table`, `<testId>-load-more`, `<testId>-loaded-count`. */
  testId: string;
  scrollX: number;
  empty: ReactNode;
  /** "Showing 50 events", in the feature's words. */
  loadedText: string;
}) {
  const { t, pick } = useLocale();
  if (query.isError && !query.data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card size="small">
      <Table<Row>
        data-testid={`${testId}-table`}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={query.isLoading || (query.isPlaceholderData && query.isFetching)}
        pagination={false}
        scroll={{ x: scrollX }}
        locale={{ emptyText: query.isLoading ? ' ' : empty }}
      />
      {query.isFetchNextPageError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('list.moreFailed', { message: errorText(query.error, pick, t('error.network')) })}
          action={<Button onClick={() => void query.fetchNextPage()}>{t('common.retry')}</Button>}
        />
      )}
      {rows.length > 0 && (
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" data-testid={`${testId}-loaded-count`}>
            {loadedText}
          </Typography.Text>
          {query.hasNextPage ? (
            <Button
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
              data-testid={`${testId}-load-more`}
            >
              {t('common.more')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('list.allLoaded')}</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
