import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { formatDateTime, formatNumber, TypeTag } from './shared.tsx';
import type { Organization } from './types.ts';

interface Row {
  key: string;
  label: MessageKey;
  kept: ReactNode;
  duplicate: ReactNode;
  after: ReactNode;
  isDifferent: boolean;
  isFilled: boolean;
}

/** Field by field: the kept organization, the duplicate, and what the kept one holds after the merge. */
export function MergeCompare({ kept, duplicate }: { kept: Organization; duplicate: Organization }) {
  const { t, pick, locale } = useLocale();
  const none = t('org.none');
  const text = (value: string | null) => value ?? none;
  // The server fills these gaps in the kept record from the duplicate; every other field stays as kept.
  const fillable = (label: MessageKey, key: 'usci' | 'nameEn' | 'origin'): Row => ({
    key,
    label,
    kept: text(kept[key]),
    duplicate: text(duplicate[key]),
    after: text(kept[key] ?? duplicate[key]),
    isDifferent: kept[key] !== duplicate[key],
    isFilled: kept[key] === null && duplicate[key] !== null,
  });
  const fixed = (
    label: MessageKey,
    key: string,
    show: (organization: Organization) => ReactNode,
    compare: (organization: Organization) => string | number,
  ): Row => ({
    key,
    label,
    kept: show(kept),
    duplicate: show(duplicate),
    after: show(kept),
    isDifferent: compare(kept) !== compare(duplicate),
    isFilled: false,
  });
  const rows: Row[] = [
    fixed(
      'org.field.nameZh',
      'nameZh',
      (o) => o.nameZh,
      (o) => o.nameZh,
    ),
    fillable('org.field.nameEn', 'nameEn'),
    fillable('org.field.usci', 'usci'),
    fixed(
      'org.field.type',
      'type',
      (o) => <TypeTag type={o.type} />,
      (o) => o.type,
    ),
    fillable('org.field.origin', 'origin'),
    fixed(
      'org.field.region',
      'region',
      (o) => pick(o.region.nameZh, o.region.nameEn),
      (o) => o.region.code,
    ),
    {
      key: 'projectCount',
      label: 'org.field.projectCount',
      kept: formatNumber(kept.projectCount, locale),
      duplicate: formatNumber(duplicate.projectCount, locale),
      // Shared projects are not doubled, so the sum is an upper bound; the merge reports the real count.
      after: `≤ ${formatNumber(kept.projectCount + duplicate.projectCount, locale)}`,
      isDifferent: kept.projectCount !== duplicate.projectCount,
      isFilled: false,
    },
    fixed(
      'org.field.updatedAt',
      'updatedAt',
      (o) => formatDateTime(o.updatedAt, locale),
      (o) => o.updatedAt,
    ),
  ];

  const columns: TableColumnsType<Row> = [
    { key: 'label', title: t('org.merge.field'), width: 160, render: (_, row) => t(row.label) },
    { key: 'kept', title: t('org.merge.kept'), render: (_, row) => row.kept },
    {
      key: 'duplicate',
      title: t('org.merge.source'),
      render: (_, row) =>
        row.isDifferent ? <Typography.Text type="warning">{row.duplicate}</Typography.Text> : row.duplicate,
    },
    {
      key: 'after',
      title: t('org.merge.after'),
      render: (_, row) => (
        <>
          {row.after}
          {row.isFilled && (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              {t('org.merge.filled')}
            </Tag>
          )}
        </>
      ),
    },
  ];

  return (
    <Table<Row>
      data-testid="org-merge-compare"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      bordered
      scroll={{ x: 800 }}
    />
  );
}
