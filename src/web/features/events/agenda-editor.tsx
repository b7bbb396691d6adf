import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AgendaBody } from '../../../contracts/events.ts';
import { api } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { SafeForm } from '../../ui/safe-form.tsx';
import {
  chinaIso,
  chinaWallClock,
  EVENTS_KEY,
  type EventView,
  eventKey,
  placeServerErrors,
} from './shared.tsx';

interface ItemValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  titleZh?: string;
  titleEn?: string;
  venue?: number | null;
}
interface Values {
  items: ItemValues[];
}

const WALL = 'YYYY-MM-DDTHH:mm';
const SHOWN = 'YYYY-MM-DD HH:mm';
const ITEM_FIELDS: Record<string, string> = {
  startsAt: 'range',
  endsAt: 'range',
  titleZh: 'titleZh',
  titleEn: 'titleEn',
  venue: 'venue',
};

function initialValues(event: EventView): Values {
  return {
    items: event.agenda.map((item) => {
      const venue = event.venues.findIndex((v) => v.id === item.venueId);
      return {
        // The pickers show China wall-clock time whatever the browser's zone.
        range: [dayjs(chinaWallClock(item.startsAt)), dayjs(chinaWallClock(item.endsAt))],
        titleZh: item.titleZh,
        titleEn: item.titleEn ?? undefined,
        venue: venue >= 0 ? venue : null,
      };
    }),
  };
}

/** Edits the agenda in a drawer and replaces it with PUT /events/:id/agenda. */
export default function AgendaEditor({ event }: { event: EventView }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [isOpen, setOpen] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string[]>([]);
  const venueOptions = event.venues.map((venue, index) => ({
    value: index,
    label: `${t(`event.venueKind.${venue.kind}`)} · ${pick(venue.nameZh, venue.nameEn)}`,
  }));
  const outside = (day: Dayjs) => {
    const date = day.format('YYYY-MM-DD');
    return date < event.startsOn || date > event.endsOn;
  };

  function open() {
    form.resetFields();
    form.setFieldsValue(initialValues(event));
    setBanner([]);
    setOpen(true);
  }

  async function submit(values: Values) {
    setSaving(true);
    setBanner([]);
    const body: AgendaBody = {
      items: (values.items ?? []).map((item) => ({
        startsAt: chinaIso(item.range?.[0]?.format(WALL) ?? ''),
        endsAt: chinaIso(item.range?.[1]?.format(WALL) ?? ''),
        titleZh: item.titleZh?.trim() ?? '',
        titleEn: item.titleEn?.trim() || null,
        venue: item.venue ?? null,
      })),
    };
    try {
      const saved = await api<EventView>(`/events/${event.id}/agenda`, { method: 'PUT', body });
      queryClient.setQueryData(eventKey(event.id), saved);
      void queryClient.invalidateQueries({ queryKey: [EVENTS_KEY] });
      message.success(t('event.agendaEditor.saved'));
      setOpen(false);
    } catch (error) {
      setBanner(
        placeServerErrors(form, error, pick, ['items'], (parts) => {
          const [list, index, field] = parts;
          const name = field ? ITEM_FIELDS[field] : undefined;
          return list === 'items' && name && /^\d+$/.test(index ?? '')
            ? ['items', Number(index), name]
            : null;
        }),
      );
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={open} data-testid="event-agenda-edit">
        {t('event.agendaEditor.open')}
      </Button>
      <Drawer
        title={t('event.agendaEditor.title')}
        open={isOpen}
        onClose={() => setOpen(false)}
        size={760}
        forceRender
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setOpen(false)}>{t('event.cancel')}</Button>
            <Button
              type="primary"
              loading={isSaving}
              onClick={() => form.submit()}
              data-testid="event-agenda-submit"
            >
              {t('event.save')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('event.agendaEditor.hint', { from: event.startsOn, to: event.endsOn })}
        </Typography.Paragraph>
        {banner.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={banner.join('；')}
            style={{ marginBottom: 16 }}
            data-testid="event-agenda-error"
          />
        )}
        <SafeForm form={form} layout="vertical" onFinish={submit} scrollToFirstError>
          <Form.List name="items">
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field, position) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('event.agendaEditor.item', { n: position + 1 })}
                    extra={
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('event.form.remove')}
                      />
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={14}>
                        <Form.Item
                          name={[field.name, 'range']}
                          label={t('event.agendaEditor.time')}
                          rules={[
                            { required: true, message: t('event.required') },
                            {
                              validator: (_, range: ItemValues['range']) =>
                                range?.[0] && range[1] && !range[1].isAfter(range[0])
                                  ? Promise.reject(new Error(t('event.agendaEditor.endAfterStart')))
                                  : Promise.resolve(),
                            },
                          ]}
                        >
                          <DatePicker.RangePicker
                            showTime={{ format: 'HH:mm', minuteStep: 5 }}
                            format={SHOWN}
                            disabledDate={outside}
                            defaultPickerValue={[dayjs(event.startsOn), dayjs(event.startsOn)]}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={10}>
                        <Form.Item name={[field.name, 'venue']} label={t('event.agendaEditor.venue')}>
                          <Select
                            allowClear
                            options={venueOptions}
                            placeholder={t('event.agendaEditor.noVenue')}
                            notFoundContent={t('event.venues.empty')}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[field.name, 'titleZh']}
                          label={t('event.agendaEditor.titleZh')}
                          rules={[{ required: true, whitespace: true, message: t('event.required') }]}
                        >
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[field.name, 'titleEn']} label={t('event.agendaEditor.titleEn')}>
                          <Input maxLength={300} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ venue: null })}
                  data-testid="event-agenda-add"
                >
                  {t('event.agendaEditor.add')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </SafeForm>
      </Drawer>
    </>
  );
}
