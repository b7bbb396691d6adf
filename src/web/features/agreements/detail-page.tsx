import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatYi } from '../../../domain/amount.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { type Agreement, agreementKey, fetchAgreement, useAgreementTypes } from './api.ts';
import { DetailActions } from './detail-actions.tsx';
import { chinaTime, StatusTag, typeLabel } from './labels.tsx';
import { AuditCard, SealCard } from './seal-audit.tsx';
import { signedCount, whoseTurn } from './signers.ts';
import { SignersCard } from './signers-card.tsx';

// Remote signers sign while the page is open; poll only while something can still change.
const POLL_MS = 10_000;
const isLive = (agreement: Agreement | undefined) =>
  agreement?.status === 'signing' || agreement?.seal.status === 'pending';

function ProjectsCard({ agreement }: { agreement: Agreement }) {
  const { t, pick, locale } = useLocale();
  return (
    <Card size="small" title={t('agreement.section.projects')} data-testid="agreement-projects-card">
      {agreement.projects.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.projects.empty')} />
      ) : (
        <List
          size="small"
          dataSource={agreement.projects}
          renderItem={(project) => (
            <List.Item extra={formatYi(project.investmentYuan, locale)}>
              <Link to={`/projects/${project.id}`}>
                {project.code} {pick(project.nameZh, project.nameEn)}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Summary({ agreement }: { agreement: Agreement }) {
  const { t, pick, locale } = useLocale();
  const types = useAgreementTypes();
  const count = signedCount(agreement);
  const turn = whoseTurn(agreement);
  const none = t('agreement.none');
  return (
    <Card size="small">
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('agreement.field.type')}>
          {typeLabel(agreement.typeCode, types, pick)}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.field.amount')}>
          {agreement.amount
            ? locale === 'zh-CN'
              ? agreement.amount.displayZh
              : agreement.amount.displayEn
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.field.signingOrder')}>
          {t(`agreement.order.${agreement.signingOrder}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.field.signedCount')}>
          <span data-testid="agreement-signed-count">{count.text}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.field.turn')}>
          <span data-testid="agreement-turn">
            {turn.length ? turn.map((s) => s.name).join(t('agreement.listSeparator')) : none}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.field.expiresOn')}>
          {agreement.expiresOn ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.field.signedAt')}>
          {agreement.signedAt ? chinaTime(agreement.signedAt) : (agreement.signedOn ?? none)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function AgreementDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useLocale();
  const query = useQuery({
    queryKey: agreementKey(id),
    queryFn: ({ signal }) => fetchAgreement(id, signal),
    refetchInterval: (current) => (isLive(current.state.data) ? POLL_MS : false),
  });
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Card loading />;
  const agreement = query.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Flex gap={12} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="agreement-title">
              {pick(agreement.titleZh, agreement.titleEn)}
            </Typography.Title>
            <StatusTag status={agreement.status} />
          </Flex>
          <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
            {agreement.event && (
              <Link to={`/events/${agreement.event.id}`}>
                <CalendarOutlined /> {pick(agreement.event.nameZh, agreement.event.nameEn)}
              </Link>
            )}
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {pick(agreement.region.nameZh, agreement.region.nameEn)}
            </Typography.Text>
          </Flex>
        </div>
        <DetailActions agreement={agreement} />
      </Flex>
      {agreement.voidReason && (
        <Alert
          type="warning"
          showIcon
          title={t('agreement.void.reasonShown', { reason: agreement.voidReason })}
        />
      )}
      <Summary agreement={agreement} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <SignersCard agreement={agreement} />
            <ProjectsCard agreement={agreement} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <SealCard agreement={agreement} />
            <AuditCard agreement={agreement} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
