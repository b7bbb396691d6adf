import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { CreateEventBody } from '../../../contracts/events.ts';
import { EVENT_KINDS, EVENT_ROLES, type EventKind, type EventRole } from '../../../domain/events.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { OrganizationPicker } from '../../ui/organization-picker.tsx';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import { SafeForm, SubmitButton } from '../../ui/safe-form.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import ParentSelect from './parent-select.tsx';
import { EVENTS_KEY, type EventView, eventKey, fetchEvent, listPath, placeServerErrors } from './shared.tsx';
import VenueFields, { type VenueValues } from './venue-fields.tsx';

interface Values {
  kind: EventKind;
  nameZh: string;
  nameEn?: string;
  regionCode?: string;
  dates: [Dayjs, Dayjs];
  isOnline: boolean;
  parentId?: string | null;
  organizations: { organizationId?: string; role: EventRole }[];
  venues: VenueValues[];
}

const FIELDS = [
  'kind',
  'nameZh',
  'nameEn',
  'regionCode',
  'dates',
  'isOnline',
  'parentId',
  'organizations',
  'venues',
] as const;
const VENUE_FIELDS = ['kind', 'nameZh', 'nameEn', 'regionCode', 'address', 'onlineUrl'] as const;
const ORGANIZATION_FIELDS = ['organizationId', 'role'] as const;

/** Where a server error belongs on this form. */
function formPath(parts: string[]): (string | number)[] | null {
  const [first] = parts;
  if (first === 'startsOn' || first === 'endsOn') return ['dates'];
  if (first === 'venues') return listPath(parts, 'venues', VENUE_FIELDS);
  if (first === 'organizations') return listPath(parts, 'organizations', ORGANIZATION_FIELDS);
  return null;
}

function initialValues(event: EventView | undefined): Partial<Values> {
  if (!event) return { kind: 'promotion', isOnline: false, organizations: [], venues: [] };
  return {
    kind: event.kind,
    nameZh: event.nameZh,
    nameEn: event.nameEn ?? undefined,
    regionCode: event.region.code,
    dates: [dayjs(event.startsOn), dayjs(event.endsOn)],
    isOnline: event.isOnline,
    parentId: event.parentId,
    organizations: event.organizations.map((o) => ({ organizationId: o.organizationId, role: o.role })),
    venues: event.venues.map((v) => ({
      kind: v.kind,
      nameZh: v.nameZh,
      nameEn: v.nameEn ?? undefined,
      address: v.address ?? undefined,
      onlineUrl: v.onlineUrl ?? undefined,
    })),
  };
}

function toBody(values: Values): CreateEventBody {
  const text = (value: string | undefined) => value?.trim() || null;
  return {
    kind: values.kind,
    nameZh: values.nameZh.trim(),
    nameEn: text(values.nameEn),
    ...(values.regionCode ? { regionCode: values.regionCode } : {}),
    parentId: values.parentId ?? null,
    startsOn: values.dates[0].format('YYYY-MM-DD'),
    endsOn: values.dates[1].format('YYYY-MM-DD'),
    isOnline: values.isOnline,
    organizations: (values.organizations ?? []).flatMap((o) =>
      o.organizationId ? [{ organizationId: o.organizationId, role: o.role }] : [],
    ),
    venues: (values.venues ?? []).map((v) => ({
      kind: v.kind,
      nameZh: v.nameZh?.trim() ?? '',
      nameEn: text(v.nameEn),
      address: v.kind === 'online' ? null : text(v.address),
      onlineUrl: v.kind === 'online' ? text(v.onlineUrl) : null,
    })),
  };
}

/** Create and edit form of an event: names, dates, organizers (主办/协办/承办) and venues. */
export default function EventFormPage() {
  const { id } = useParams();
  const isEdit = Boolean(id);
  const { t, pick } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string[]>([]);
  const [isSaving, setSaving] = useState(false);
  const existing = useQuery({
    queryKey: eventKey(id ?? ''),
    queryFn: ({ signal }) => fetchEvent(id ?? '', signal),
    enabled: isEdit,
  });

  if (existing.error) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if (isEdit && !existing.data) return <Card loading />;

  async function submit(values: Values) {
    setSaving(true);
    setBanner([]);
    const body = toBody(values);
    try {
      const saved = isEdit
        ? await api<EventView>(`/events/${id}`, {
            method: 'PATCH',
            body: { ...body, version: existing.data?.version },
          })
        : await api<EventView>('/events', { method: 'POST', body });
      queryClient.setQueryData(eventKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [EVENTS_KEY] });
      message.success(isEdit ? t('event.saved') : t('event.created'));
      navigate(`/events/${saved.id}`);
    } catch (error) {
      setBanner(placeServerErrors(form, error, pick, FIELDS, formPath));
    } finally {
      setSaving(false);
    }
  }

  const organizationLabels = new Map(
    existing.data?.organizations.map((o) => [o.organizationId, pick(o.nameZh, o.nameEn)]),
  );
  const required = [{ required: true, message: t('event.required') }];
  return (
    <Card title={isEdit ? t('event.edit') : t('event.new')} style={{ maxWidth: 1000 }}>
      {banner.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('event.form.failed')}
          description={banner.join('；')}
          style={{ marginBottom: 16 }}
          data-testid="event-form-error"
        />
      )}
      <SafeForm<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(existing.data)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="nameZh"
              label={t('event.field.nameZh')}
              rules={[
                { required: true, whitespace: true, message: t('event.required') },
                { min: 2, message: t('event.form.nameMin') },
              ]}
            >
              <Input maxLength={200} data-testid="event-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('event.field.nameEn')}>
              <Input maxLength={300} data-testid="event-name-en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('event.field.kind')} rules={required}>
              <Select
                data-testid="event-kind"
                options={EVENT_KINDS.map((value) => ({ value, label: t(`event.kind.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="dates" label={t('event.field.dates')} rules={required}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="event-dates-input" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="isOnline" label={t('event.field.isOnline')} valuePropName="checked">
              <Switch data-testid="event-online" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('event.field.region')}>
              <RegionCascader
                homeCode={user?.regionCode ?? '000000'}
                placeholder={t('event.field.regionPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parentId" label={t('event.field.parent')} extra={t('event.field.parentHelp')}>
              <ParentSelect selfId={id} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('event.form.organizers')}</Typography.Title>
        <Form.List name="organizations">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" data-testid="event-organizer">
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'organizationId']} rules={required}>
                      <OrganizationPicker
                        initialLabel={organizationLabels.get(
                          form.getFieldValue(['organizations', field.name, 'organizationId']),
                        )}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[field.name, 'role']} rules={required}>
                      <Select
                        aria-label={t('event.form.role')}
                        options={EVENT_ROLES.map((value) => ({ value, label: t(`event.role.${value}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('event.form.remove')}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ role: fields.length === 0 ? 'organizer' : 'co_organizer' })}
                data-testid="event-add-organizer"
              >
                {t('event.form.addOrganizer')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('event.form.venues')}</Typography.Title>
        <VenueFields form={form} />
        <Space style={{ marginTop: 24 }}>
          <SubmitButton loading={isSaving} data-testid="event-submit">
            {t('event.save')}
          </SubmitButton>
          <Button onClick={() => navigate(-1)}>{t('event.cancel')}</Button>
        </Space>
      </SafeForm>
    </Card>
  );
}
