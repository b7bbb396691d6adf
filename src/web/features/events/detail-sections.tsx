import { GlobalOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { EVENT_ROLES } from '../../../domain/events.ts';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountText } from '../../ui/figure-text.tsx';
import {
  type AgreementView,
  agreementTypeLabel,
  chinaTime,
  chinaWallClock,
  EVENTS_KEY,
  type EventView,
  fetchEventAgreements,
  KindTag,
  StatusTag,
} from './shared.tsx';

const AGREEMENT_LIMIT = 200;
const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

/** 主办 / 协办 / 承办, each with its organizations in listed order. */
export function OrganizersCard({ event }: { event: EventView }) {
  const { t, pick } = useLocale();
  const groups = EVENT_ROLES.map((role) => ({
    role,
    list: event.organizations.filter((o) => o.role === role),
  })).filter((group) => group.list.length > 0);
  return (
    <Card title={t('event.section.organizers')} size="small" data-testid="event-organizers">
      {groups.length === 0 ? (
        empty(t('event.organizers.empty'))
      ) : (
        <Descriptions column={1} size="small">
          {groups.map(({ role, list }) => (
            <Descriptions.Item key={role} label={t(`event.role.${role}`)}>
              <Flex vertical gap={4}>
                {list.map((o) => (
                  <Link key={o.organizationId} to={`/organizations/${o.organizationId}`}>
                    {pick(o.nameZh, o.nameEn)}
                  </Link>
                ))}
              </Flex>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

const VENUE_COLORS = { main: 'red', branch: 'blue', online: 'cyan' } as const;

export function VenuesCard({ event }: { event: EventView }) {
  const { t, pick } = useLocale();
  return (
    <Card title={t('event.section.venues')} size="small" data-testid="event-venues">
      {event.venues.length === 0 ? (
        empty(t('event.venues.empty'))
      ) : (
        <Flex vertical gap={12}>
          {event.venues.map((venue) => (
            <Flex key={venue.id} vertical gap={2}>
              <Flex gap={8} align="center" wrap>
                <Tag
                  color={VENUE_COLORS[venue.kind]}
                  icon={venue.kind === 'online' ? <GlobalOutlined /> : null}
                >
                  {t(`event.venueKind.${venue.kind}`)}
                </Tag>
                <Typography.Text strong>{pick(venue.nameZh, venue.nameEn)}</Typography.Text>
              </Flex>
              {venue.address && <Typography.Text type="secondary">{venue.address}</Typography.Text>}
              {venue.onlineUrl && (
                <Typography.Link href={venue.onlineUrl} target="_blank" rel="noreferrer" ellipsis>
                  <LinkOutlined /> {t('event.venue.join')}
                </Typography.Link>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** Names of the event's venues by id, for the agenda and run sheet. */
export function useVenueName(event: EventView) {
  const { pick } = useLocale();
  const names = new Map(event.venues.map((v) => [v.id, pick(v.nameZh, v.nameEn)]));
  return (id: string | null) => (id ? (names.get(id) ?? '') : '');
}

export function AgendaCard({ event, extra }: { event: EventView; extra?: ReactNode }) {
  const { t, pick } = useLocale();
  const venueName = useVenueName(event);
  const isOneDay = event.startsOn === event.endsOn;
  const items = [...event.agenda].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <Card
      title={
        <Flex gap={8} align="baseline">
          {t('event.section.agenda')}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('event.chinaTime')}
          </Typography.Text>
        </Flex>
      }
      size="small"
      extra={extra}
    >
      <div data-testid="event-agenda">
        {items.length === 0 ? (
          empty(t('event.agenda.empty'))
        ) : (
          <Timeline
            items={items.map((item) => {
              const day = isOneDay ? event.startsOn : chinaWallClock(item.startsAt).slice(0, 10);
              const venue = venueName(item.venueId);
              return {
                key: item.id,
                title: (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {`${chinaTime(item.startsAt, isOneDay ? day : undefined)} – ${chinaTime(item.endsAt, day)}`}
                  </Typography.Text>
                ),
                content: (
                  <Flex vertical>
                    <Typography.Text strong>{pick(item.titleZh, item.titleEn)}</Typography.Text>
                    {venue && <Typography.Text type="secondary">{venue}</Typography.Text>}
                  </Flex>
                ),
              };
            })}
          />
        )}
      </div>
    </Card>
  );
}

export function RunSheetCard({ event }: { event: EventView }) {
  const { t, pick } = useLocale();
  const venueName = useVenueName(event);
  const isOneDay = event.startsOn === event.endsOn;
  const rows = [...event.runSheet].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <Card title={t('event.section.runSheet')} size="small">
      <Table
        data-testid="event-run-sheet"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 720 }}
        locale={{ emptyText: empty(t('event.runSheet.empty')) }}
        columns={[
          {
            key: 'time',
            title: t('event.runSheet.time'),
            width: isOneDay ? 80 : 150,
            render: (_, slot) => chinaTime(slot.startsAt, isOneDay ? event.startsOn : undefined),
          },
          {
            key: 'venue',
            title: t('event.runSheet.venue'),
            width: 150,
            render: (_, slot) => venueName(slot.venueId) || t('event.none'),
          },
          {
            key: 'agreement',
            title: t('event.runSheet.agreement'),
            render: (_, slot) => pick(slot.titleZh, slot.titleEn),
          },
          {
            key: 'type',
            title: t('event.runSheet.type'),
            width: 170,
            render: (_, slot) => agreementTypeLabel(slot.typeCode, pick),
          },
          {
            key: 'status',
            title: t('event.runSheet.status'),
            width: 100,
            render: (_, slot) => <StatusTag status={slot.status} />,
          },
        ]}
      />
    </Card>
  );
}

export function ChildrenCard({ event }: { event: EventView }) {
  const { t, pick } = useLocale();
  return (
    <Card title={t('event.section.children')} size="small" data-testid="event-children">
      {event.children.length === 0 ? (
        empty(t('event.children.empty'))
      ) : (
        <Flex vertical gap={8}>
          {event.children.map((child) => (
            <Flex key={child.id} gap={8} align="center" wrap>
              <KindTag kind={child.kind} />
              <Link to={`/events/${child.id}`} data-testid="event-child-link">
                {pick(child.nameZh, child.nameEn)}
              </Link>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

export function AgreementsCard({ eventId }: { eventId: string }) {
  const { t, pick, locale } = useLocale();
  const agreements = useQuery({
    queryKey: [EVENTS_KEY, 'agreements', eventId],
    queryFn: ({ signal }) => fetchEventAgreements(eventId, AGREEMENT_LIMIT, signal),
  });
  return (
    <Card title={t('event.section.agreements')} size="small">
      {agreements.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('event.agreements.failed', {
            message: errorText(agreements.error, pick, t('event.networkError')),
          })}
        />
      )}
      <Table<AgreementView>
        data-testid="event-agreements"
        rowKey="id"
        size="small"
        pagination={false}
        loading={agreements.isLoading}
        dataSource={agreements.data?.items ?? []}
        scroll={{ x: 860 }}
        locale={{ emptyText: agreements.isLoading ? ' ' : empty(t('event.agreements.empty')) }}
        columns={[
          {
            key: 'title',
            title: t('event.runSheet.agreement'),
            render: (_, a) => pick(a.titleZh, a.titleEn),
          },
          {
            key: 'type',
            title: t('event.runSheet.type'),
            width: 170,
            render: (_, a) => agreementTypeLabel(a.typeCode, pick),
          },
          {
            key: 'parties',
            title: t('event.agreements.parties'),
            width: 260,
            render: (_, a) =>
              a.parties.map((party, index) => (
                <Fragment key={party.organizationId}>
                  {index > 0 && (
                    <Typography.Text type="secondary">{locale === 'zh-CN' ? '、' : ', '}</Typography.Text>
                  )}
                  <Link to={`/organizations/${party.organizationId}`}>
                    {pick(party.nameZh, party.nameEn)}
                  </Link>
                </Fragment>
              )),
          },
          {
            key: 'amount',
            title: t('event.agreements.amount'),
            width: 160,
            align: 'right',
            render: (_, a) =>
              a.amount ? (
                <AmountText>{locale === 'zh-CN' ? a.amount.displayZh : a.amount.displayEn}</AmountText>
              ) : (
                t('event.none')
              ),
          },
          {
            key: 'status',
            title: t('event.runSheet.status'),
            width: 100,
            render: (_, a) => <StatusTag status={a.status} />,
          },
        ]}
      />
      {agreements.data?.nextCursor && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('event.agreements.more', { count: AGREEMENT_LIMIT })}
        </Typography.Text>
      )}
    </Card>
  );
}
