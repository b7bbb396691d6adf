import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, type FormInstance, Input, Row, Select, Typography } from 'antd';
import { VENUE_KINDS } from '../../../domain/events.ts';
import { useLocale } from '../../i18n/locale.tsx';

export type VenueKind = (typeof VENUE_KINDS)[number];
export interface VenueValues {
  kind: VenueKind;
  nameZh?: string;
  nameEn?: string;
  address?: string;
  onlineUrl?: string;
}

/** One venue: the address for a hall, the meeting link for an online room. */
function VenueCard({
  form,
  name,
  position,
  onRemove,
}: {
  form: FormInstance;
  name: number;
  position: number;
  onRemove: () => void;
}) {
  const { t } = useLocale();
  const kind: VenueKind | undefined = Form.useWatch(['venues', name, 'kind'], form);
  return (
    <Card
      size="small"
      title={`#${position + 1}`}
      data-testid="event-venue"
      extra={
        <Button
          type="text"
          size="small"
          danger
          icon={<MinusCircleOutlined />}
          onClick={onRemove}
          aria-label={t('event.form.remove')}
        />
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item
            name={[name, 'kind']}
            label={t('event.form.venueKind')}
            rules={[{ required: true, message: t('event.required') }]}
          >
            <Select options={VENUE_KINDS.map((value) => ({ value, label: t(`event.venueKind.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item
            name={[name, 'nameZh']}
            label={t('event.form.venueNameZh')}
            rules={[{ required: true, whitespace: true, message: t('event.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={[name, 'nameEn']} label={t('event.form.venueNameEn')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        {kind === 'online' ? (
          <Col xs={24}>
            <Form.Item
              name={[name, 'onlineUrl']}
              label={t('event.form.onlineUrl')}
              extra={t('event.form.onlineUrlHelp')}
              rules={[
                { required: true, whitespace: true, message: t('event.required') },
                { pattern: /^https:\/\/\S+$/, message: t('event.form.httpsOnly') },
              ]}
            >
              <Input maxLength={500} placeholder="https://" data-testid="event-venue-url" />
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24}>
            <Form.Item name={[name, 'address']} label={t('event.form.address')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}

export default function VenueFields({ form }: { form: FormInstance }) {
  const { t } = useLocale();
  return (
    <Form.List name="venues">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.length > 1 && (
            <Typography.Text type="secondary">{t('event.form.venueOrderHelp')}</Typography.Text>
          )}
          {fields.map((field, position) => (
            <VenueCard
              key={field.key}
              form={form}
              name={field.name}
              position={position}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: fields.length === 0 ? 'main' : 'branch' })}
            data-testid="event-add-venue"
          >
            {t('event.form.addVenue')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}
