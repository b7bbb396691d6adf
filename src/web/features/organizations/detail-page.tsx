import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Skeleton,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { CodeText } from '../../ui/figure-text.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { DuplicateCandidates } from './duplicate-candidates.tsx';
import { OrganizationProjects } from './organization-projects.tsx';
import { formatDateTime, formatNumber, isKeptInScope, TypeTag, useOrganization } from './shared.tsx';
import type { Organization } from './types.ts';

function Facts({ organization }: { organization: Organization }) {
  const { t, pick, locale } = useLocale();
  const none = t('org.none');
  const items: DescriptionsProps['items'] = [
    { key: 'nameZh', label: t('org.field.nameZh'), children: organization.nameZh },
    { key: 'nameEn', label: t('org.field.nameEn'), children: organization.nameEn ?? none },
    {
      key: 'usci',
      label: t('org.field.usci'),
      children: organization.usci ? (
        <Typography.Text copyable={{ text: organization.usci }} style={{ whiteSpace: 'nowrap' }}>
          <CodeText>{organization.usci}</CodeText>
        </Typography.Text>
      ) : (
        none
      ),
    },
    { key: 'type', label: t('org.field.type'), children: <TypeTag type={organization.type} /> },
    {
      key: 'origin',
      label: t('org.field.origin'),
      children: organization.originName
        ? pick(organization.originName.zh, organization.originName.en)
        : (organization.origin ?? none),
    },
    {
      key: 'region',
      label: t('org.field.region'),
      children: pick(organization.region.nameZh, organization.region.nameEn),
    },
    {
      key: 'projectCount',
      label: t('org.field.projectCount'),
      children: formatNumber(organization.projectCount, locale),
    },
    {
      key: 'createdAt',
      label: t('org.field.createdAt'),
      children: formatDateTime(organization.createdAt, locale),
    },
    {
      key: 'updatedAt',
      label: t('org.field.updatedAt'),
      children: formatDateTime(organization.updatedAt, locale),
    },
  ];
  return <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} data-testid="org-facts" />;
}

export default function OrganizationDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useLocale();
  const { user } = useSession();
  const query = useOrganization(id);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const organization = query.data;
  const isKept = Boolean(organization && user && isKeptInScope(user.regionCode, organization));
  const canEdit = canOpen(user, 'organizationWrite') && isKept;
  const canMerge = canOpen(user, 'organizationMerge') && isKept;
  const name = organization ? pick(organization.nameZh, organization.nameEn) : '';
  const otherName = organization && (pick(organization.nameEn ?? '', organization.nameZh) || null);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/organizations">{t('org.title')}</Link> },
          { key: 'this', title: name },
        ]}
      />
      <Card data-testid="org-detail">
        {!organization ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="flex-start" wrap gap={12}>
              <div>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-detail-name">
                  {name} <TypeTag type={organization.type} />
                </Typography.Title>
                {otherName && otherName !== name && (
                  <Typography.Text type="secondary">{otherName}</Typography.Text>
                )}
              </div>
              <Flex gap={8}>
                {canMerge && (
                  <Link to={`/organizations/${organization.id}/merge`}>
                    <Button icon={<MergeCellsOutlined />} data-testid="org-merge">
                      {t('org.merge')}
                    </Button>
                  </Link>
                )}
                {canEdit && (
                  <Link to={`/organizations/${organization.id}/edit`}>
                    <Button type="primary" icon={<EditOutlined />} data-testid="org-edit">
                      {t('common.edit')}
                    </Button>
                  </Link>
                )}
              </Flex>
            </Flex>
            {canOpen(user, 'organizationWrite') && !isKept && (
              <Alert type="info" showIcon title={t('org.detail.readOnly')} />
            )}
            <Facts organization={organization} />
          </Flex>
        )}
      </Card>
      <OrganizationProjects organizationId={id} />
      <DuplicateCandidates organizationId={id} canMerge={canMerge} />
    </Flex>
  );
}
