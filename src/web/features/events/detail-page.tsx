import {
  ApartmentOutlined,
  CalendarOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  PlusOutlined,
  TabletOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import AgendaEditor from './agenda-editor.tsx';
import {
  AgendaCard,
  AgreementsCard,
  ChildrenCard,
  OrganizersCard,
  RunSheetCard,
  VenuesCard,
} from './detail-sections.tsx';
import {
  agreementTypeLabel,
  canWriteEvents,
  dateRange,
  type EventView,
  eventKey,
  fetchEvent,
  KindTag,
} from './shared.tsx';

function TotalsCard({ event }: { event: EventView }) {
  const { t, pick, locale } = useLocale();
  const { totals } = event;
  const number = new Intl.NumberFormat(locale);
  const byType = [...totals.byType].sort((a, b) => b.count - a.count);
  return (
    <Card size="small" data-testid="event-totals" title={t('event.section.totals')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('event.totals.agreements')}
            value={totals.agreements}
            formatter={(value) => number.format(Number(value))}
            data-testid="event-total-agreements"
          />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('event.totals.projects')}
            value={totals.projects}
            formatter={(value) => number.format(Number(value))}
            data-testid="event-total-projects"
          />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('event.totals.investment')}
            value={locale === 'zh-CN' ? totals.displayZh : totals.displayEn}
            data-testid="event-total-investment"
          />
        </Col>
      </Row>
      {byType.length > 0 && (
        <div style={{ marginTop: 16 }} data-testid="event-totals-by-type">
          <Typography.Text type="secondary">{t('event.totals.byType')}</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {byType.map((row) => (
              <Row key={row.typeCode} gutter={12} align="middle">
                <Col flex="200px">
                  <Typography.Text ellipsis>{agreementTypeLabel(row.typeCode, pick)}</Typography.Text>
                </Col>
                <Col flex="auto">
                  <Progress
                    percent={totals.agreements ? (row.count / totals.agreements) * 100 : 0}
                    format={() => number.format(row.count)}
                    size="small"
                  />
                </Col>
              </Row>
            ))}
          </Flex>
        </div>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
        {t('event.totals.note')}
      </Typography.Text>
    </Card>
  );
}

/** The parent event's name, linked, when this event is a session of a larger one. */
function ParentLink({ parentId }: { parentId: string }) {
  const { t, pick } = useLocale();
  const parent = useQuery({
    queryKey: eventKey(parentId),
    queryFn: ({ signal }) => fetchEvent(parentId, signal),
  });
  if (!parent.data) return null;
  return (
    <Link to={`/events/${parentId}`} data-testid="event-parent-link">
      <ApartmentOutlined /> {t('event.partOf', { name: pick(parent.data.nameZh, parent.data.nameEn) })}
    </Link>
  );
}

export default function EventDetailPage() {
  const { id = '' } = useParams();
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const query = useQuery({ queryKey: eventKey(id), queryFn: ({ signal }) => fetchEvent(id, signal) });
  const canWrite = canWriteEvents(user);

  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Card loading />;
  const event = query.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="event-name">
            {pick(event.nameZh, event.nameEn)}
          </Typography.Title>
          <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
            <KindTag kind={event.kind} />
            <Typography.Text type="secondary" data-testid="event-dates">
              <CalendarOutlined /> {dateRange(event.startsOn, event.endsOn)}
            </Typography.Text>
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {pick(event.region.nameZh, event.region.nameEn)}
            </Typography.Text>
            {event.isOnline && (
              <Tag icon={<GlobalOutlined />} color="blue">
                {t('event.online.yes')}
              </Tag>
            )}
            {event.parentId && <ParentLink parentId={event.parentId} />}
            {/* The public ceremony screen opens in its own window, for the venue's wall. */}
            <a
              href={`/screen/${event.id}${locale === 'en-US' ? '?lang=en' : ''}`}
              target="_blank"
              rel="noreferrer"
              data-testid="event-screen"
            >
              <Button size="small" icon={<FundProjectionScreenOutlined />}>
                {t('screen.open')}
              </Button>
            </a>
          </Flex>
        </div>
        {canWrite && (
          <Space wrap>
            <Link to={`/agreements/new?eventId=${event.id}`}>
              <Button icon={<PlusOutlined />} data-testid="event-new-agreement">
                {t('agreement.new')}
              </Button>
            </Link>
            <Link to={`/events/${event.id}/onsite`}>
              <Button icon={<TabletOutlined />} data-testid="event-onsite">
                {t('agreement.onsite.open')}
              </Button>
            </Link>
            <Link to={`/events/${event.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="event-edit">
                {t('event.edit')}
              </Button>
            </Link>
          </Space>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <TotalsCard event={event} />
            <AgendaCard event={event} extra={canWrite ? <AgendaEditor event={event} /> : undefined} />
            <RunSheetCard event={event} />
            <AgreementsCard eventId={event.id} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <OrganizersCard event={event} />
            <VenuesCard event={event} />
            <ChildrenCard event={event} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
