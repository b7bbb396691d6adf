import { MergeCellsOutlined, SwapOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Result,
  Row,
  Select,
  Skeleton,
  Statistic,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorText, queryString } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ErrorState } from '../../ui/status-pages.tsx';
import { MergeCompare } from './merge-compare.tsx';
import {
  duplicatesKey,
  formatNumber,
  ORGANIZATIONS_KEY,
  organizationKey,
  TypeTag,
  useDebounced,
  useDuplicates,
  useOrganization,
} from './shared.tsx';
import type { MergeResult, Organization, OrganizationPage } from './types.ts';

/** A short card of one side of the merge. */
function Side({ organization }: { organization: Organization }) {
  const { t, pick, locale } = useLocale();
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'name', label: t('org.field.name'), children: pick(organization.nameZh, organization.nameEn) },
        { key: 'usci', label: t('org.field.usci'), children: organization.usci ?? t('org.none') },
        { key: 'type', label: t('org.field.type'), children: <TypeTag type={organization.type} /> },
        {
          key: 'region',
          label: t('org.field.region'),
          children: pick(organization.region.nameZh, organization.region.nameEn),
        },
        {
          key: 'projects',
          label: t('org.field.projectCount'),
          children: formatNumber(organization.projectCount, locale),
        },
      ]}
    />
  );
}

/** Choose the duplicate: the likely ones first, or any organization found by typing its name. */
function SourcePicker(props: {
  targetId: string;
  value?: string;
  onChange: (id: string | undefined) => void;
}) {
  const { t, pick } = useLocale();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const duplicates = useDuplicates(props.targetId);
  const found = useQuery({
    queryKey: [ORGANIZATIONS_KEY, 'list', { q, limit: 20 }],
    queryFn: ({ signal }) =>
      api<OrganizationPage>(`/organizations${queryString({ q, limit: 20 })}`, { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const label = (o: Organization) =>
    `${pick(o.nameZh, o.nameEn)} · ${pick(o.region.nameZh, o.region.nameEn)}${o.usci ? ` · ${o.usci}` : ''}`;
  const candidateIds = new Set((duplicates.data?.items ?? []).map((c) => c.organization.id));
  const groups = [
    {
      label: t('org.merge.candidates'),
      options: (duplicates.data?.items ?? []).map((c) => ({
        value: c.organization.id,
        label: label(c.organization),
      })),
    },
    {
      label: t('org.merge.searchResults'),
      options: (q ? (found.data?.items ?? []) : [])
        .filter((o) => o.id !== props.targetId && !candidateIds.has(o.id))
        .map((o) => ({ value: o.id, label: label(o) })),
    },
  ].filter((group) => group.options.length > 0);

  return (
    <Select
      data-testid="org-merge-source"
      style={{ width: '100%' }}
      allowClear
      value={props.value}
      onChange={(id: string | undefined) => props.onChange(id)}
      placeholder={t('org.merge.sourcePlaceholder')}
      options={groups}
      loading={duplicates.isLoading || found.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />}
    />
  );
}

// Not a fresh literal, so the data-testid passes through to the button.
const CONFIRM_BUTTON = { danger: true, 'data-testid': 'org-merge-confirm' };

const MOVED: { key: keyof MergeResult['moved']; label: MessageKey }[] = [
  { key: 'projects', label: 'org.merge.moved.projects' },
  { key: 'events', label: 'org.merge.moved.events' },
  { key: 'agreements', label: 'org.merge.moved.agreements' },
  { key: 'users', label: 'org.merge.moved.users' },
];

function MergeDone({ result, sourceName }: { result: MergeResult; sourceName: string }) {
  const { t, pick } = useLocale();
  const kept = result.organization;
  return (
    <Result
      status="success"
      data-testid="org-merge-result"
      title={t('org.merge.doneTitle')}
      subTitle={t('org.merge.doneText', { source: sourceName, target: pick(kept.nameZh, kept.nameEn) })}
      extra={[
        <Link key="kept" to={`/organizations/${kept.id}`}>
          <Button type="primary" data-testid="org-merge-open-kept">
            {t('org.merge.openKept')}
          </Button>
        </Link>,
        <Link key="list" to="/organizations">
          <Button>{t('org.merge.backToList')}</Button>
        </Link>,
      ]}
    >
      <Row gutter={16} justify="center">
        {MOVED.map(({ key, label }) => (
          <Col key={key} xs={12} md={6} style={{ textAlign: 'center' }}>
            <Statistic title={t(label)} value={result.moved[key]} data-testid={`org-merge-moved-${key}`} />
          </Col>
        ))}
      </Row>
    </Result>
  );
}

export default function OrganizationMergePage() {
  const { id = '' } = useParams();
  const { t, pick } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const sourceId = params.get('source') ?? undefined;
  const target = useOrganization(id);
  const source = useOrganization(sourceId && sourceId !== id ? sourceId : undefined);
  const [done, setDone] = useState<{ result: MergeResult; sourceName: string } | null>(null);

  const merge = useMutation({
    mutationFn: (from: Organization) =>
      api<MergeResult>(`/organizations/${id}/merge`, { method: 'POST', body: { sourceId: from.id } }),
    onSuccess: (result, from) => {
      setDone({ result, sourceName: pick(from.nameZh, from.nameEn) });
      queryClient.setQueryData(organizationKey(id), result.organization);
      queryClient.removeQueries({ queryKey: organizationKey(from.id) });
      void queryClient.invalidateQueries({ queryKey: [ORGANIZATIONS_KEY] });
      void queryClient.invalidateQueries({ queryKey: duplicatesKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });

  if (target.isError) return <ErrorState error={target.error} onRetry={() => void target.refetch()} />;
  if (done) return <MergeDone result={done.result} sourceName={done.sourceName} />;
  const kept = target.data;
  const duplicate = source.data;

  function chooseSource(next: string | undefined) {
    merge.reset();
    setParams(next ? { source: next } : {}, { replace: true });
  }

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/organizations">{t('org.title')}</Link> },
          {
            key: 'kept',
            title: kept && <Link to={`/organizations/${kept.id}`}>{pick(kept.nameZh, kept.nameEn)}</Link>,
          },
          { key: 'merge', title: t('org.merge') },
        ]}
      />
      <Alert
        type="info"
        showIcon
        data-testid="org-merge-explain"
        title={t('org.merge.explainTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{t('org.merge.explainMove')}</li>
            <li>{t('org.merge.explainFill')}</li>
            <li>{t('org.merge.explainTombstone')}</li>
          </ul>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('org.merge.kept')} style={{ height: '100%' }}>
            {kept ? <Side organization={kept} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('org.merge.source')}
            style={{ height: '100%' }}
            extra={
              duplicate && (
                <Button
                  size="small"
                  icon={<SwapOutlined />}
                  data-testid="org-merge-swap"
                  onClick={() => navigate(`/organizations/${duplicate.id}/merge?source=${id}`)}
                >
                  {t('org.merge.swap')}
                </Button>
              )
            }
          >
            <Flex vertical gap={12}>
              <SourcePicker
                targetId={id}
                value={sourceId === id ? undefined : sourceId}
                onChange={chooseSource}
              />
              {source.isError && (
                <Alert type="error" showIcon title={errorText(source.error, pick, t('error.network'))} />
              )}
              {sourceId && source.isLoading && <Skeleton active />}
              {duplicate && <Side organization={duplicate} />}
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card title={t('org.merge.compare')}>
        {kept && duplicate ? (
          <Flex vertical gap={16}>
            <MergeCompare kept={kept} duplicate={duplicate} />
            {merge.isError && (
              <Alert
                type="error"
                showIcon
                data-testid="org-merge-error"
                title={t('org.merge.failed')}
                description={errorText(merge.error, pick, t('error.network'))}
              />
            )}
            <Flex justify="flex-end">
              <Popconfirm
                title={t('org.merge.confirmTitle')}
                description={t('org.merge.confirmText', {
                  source: pick(duplicate.nameZh, duplicate.nameEn),
                  target: pick(kept.nameZh, kept.nameEn),
                })}
                okText={t('org.merge.submit')}
                cancelText={t('common.cancel')}
                okButtonProps={CONFIRM_BUTTON}
                onConfirm={() => merge.mutateAsync(duplicate).catch(() => undefined)}
              >
                <Button
                  type="primary"
                  danger
                  icon={<MergeCellsOutlined />}
                  loading={merge.isPending}
                  data-testid="org-merge-submit"
                >
                  {t('org.merge.submit')}
                </Button>
              </Popconfirm>
            </Flex>
          </Flex>
        ) : (
          <Empty description={t('org.merge.chooseFirst')} />
        )}
      </Card>
    </Flex>
  );
}
