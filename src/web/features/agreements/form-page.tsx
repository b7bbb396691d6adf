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
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { chinaToday } from '../../../domain/china-today.ts';
import { SIGNING_ORDERS } from '../../../domain/events.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountInput } from '../../ui/amount-input.tsx';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import { SafeForm, SubmitButton } from '../../ui/safe-form.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { eventKey, fetchEvent, placeServerErrors } from '../events/shared.tsx';
import {
  AGREEMENTS_KEY,
  type Agreement,
  agreementKey,
  createAgreement,
  fetchAgreement,
  updateAgreement,
  useAgreementTypes,
} from './api.ts';
import { PdfLink, UploadPdfButton } from './document-upload.tsx';
import { formPath, initialValues, TOP_FIELDS, toBody, toPatch, type Values } from './form-values.ts';
import { PartiesEditor } from './parties-editor.tsx';
import { EventSelect, ProjectSelect } from './pickers.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** After a new draft is saved: the optional PDF upload, then on to the agreement. */
function SavedStep({ agreement }: { agreement: Agreement }) {
  const { t } = useLocale();
  const [current, setCurrent] = useState(agreement);
  return (
    <Card style={{ maxWidth: 1000 }}>
      <Result
        status="success"
        title={t('agreement.form.createdTitle')}
        subTitle={
          current.document.isUploaded ? t('agreement.document.isUploaded') : t('agreement.form.uploadHint')
        }
        extra={
          <Space wrap>
            <UploadPdfButton agreement={current} onUploaded={setCurrent} />
            <PdfLink agreement={current} />
            <Link to={`/agreements/${current.id}`}>
              <Button type="primary" data-testid="agreement-open">
                {t('agreement.form.open')}
              </Button>
            </Link>
          </Space>
        }
      />
    </Card>
  );
}

/** Create and edit form of a draft agreement: type, titles, event, amount, parties with signers, projects. */
export default function AgreementFormPage() {
  const { id } = useParams();
  const isEdit = Boolean(id);
  const [params] = useSearchParams();
  const presetEventId = UUID.test(params.get('eventId') ?? '') ? params.get('eventId') : null;
  const { t, pick } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const types = useAgreementTypes();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string[]>([]);
  const [isSaving, setSaving] = useState(false);
  const [created, setCreated] = useState<Agreement | null>(null);
  const existing = useQuery({
    queryKey: agreementKey(id ?? ''),
    queryFn: ({ signal }) => fetchAgreement(id ?? '', signal),
    enabled: isEdit,
  });
  const presetEvent = useQuery({
    queryKey: eventKey(presetEventId ?? ''),
    queryFn: ({ signal }) => fetchEvent(presetEventId ?? '', signal),
    enabled: !isEdit && presetEventId !== null,
  });
  const initial = useMemo(() => initialValues(existing.data, presetEventId), [existing.data, presetEventId]);

  if (created) return <SavedStep agreement={created} />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if (isEdit && !existing.data) return <Card loading />;
  if (existing.data && existing.data.status !== 'draft')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('agreement.form.notDraft')}
        action={
          <Link to={`/agreements/${existing.data.id}`}>
            <Button>{t('agreement.form.open')}</Button>
          </Link>
        }
      />
    );

  async function submit(values: Values) {
    setSaving(true);
    setBanner([]);
    try {
      const saved =
        isEdit && existing.data
          ? await updateAgreement(existing.data.id, toPatch(initial, values, existing.data.version))
          : await createAgreement(toBody(values));
      queryClient.setQueryData(agreementKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [AGREEMENTS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['events'] });
      message.success(isEdit ? t('agreement.saved') : t('agreement.created'));
      if (isEdit) navigate(`/agreements/${saved.id}`);
      else setCreated(saved);
    } catch (error) {
      setBanner(placeServerErrors(form, error, pick, TOP_FIELDS, formPath));
    } finally {
      setSaving(false);
    }
  }

  const agreement = existing.data;
  const organizationLabels = new Map(
    agreement?.parties.map((p) => [p.organizationId, pick(p.nameZh, p.nameEn)]) ?? [],
  );
  const eventLabel = agreement?.event ?? presetEvent.data;
  const knownEvents = eventLabel
    ? [{ value: eventLabel.id, label: pick(eventLabel.nameZh, eventLabel.nameEn) }]
    : [];
  const knownProjects =
    agreement?.projects.map((p) => ({ value: p.id, label: `${p.code} ${pick(p.nameZh, p.nameEn)}` })) ?? [];
  const required = [{ required: true, message: t('agreement.required') }];

  return (
    <Card title={isEdit ? t('agreement.edit') : t('agreement.new')} style={{ maxWidth: 1100 }}>
      {banner.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('agreement.form.failed')}
          description={banner.join(' / ')}
          style={{ marginBottom: 16 }}
          data-testid="agreement-form-error"
        />
      )}
      <SafeForm<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="titleZh"
              label={t('agreement.field.titleZh')}
              rules={[
                { required: true, whitespace: true, message: t('agreement.required') },
                { min: 2, message: t('agreement.form.titleMin') },
              ]}
            >
              <Input maxLength={300} data-testid="agreement-title-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="titleEn" label={t('agreement.field.titleEn')}>
              <Input maxLength={400} data-testid="agreement-title-en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="typeCode" label={t('agreement.field.type')} rules={required}>
              <Select
                data-testid="agreement-type"
                options={types.map((type) => ({ value: type.code, label: pick(type.nameZh, type.nameEn) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="eventId" label={t('agreement.field.event')}>
              <EventSelect known={knownEvents} placeholder={t('agreement.field.eventPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('agreement.field.region')}>
              <RegionCascader
                homeCode={user?.regionCode ?? '000000'}
                placeholder={t('agreement.field.regionPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="amount" label={t('agreement.field.amount')}>
              <AmountInput data-testid="agreement-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signingOrder" label={t('agreement.field.signingOrder')} rules={required}>
              <Radio.Group
                optionType="button"
                options={SIGNING_ORDERS.map((value) => ({ value, label: t(`agreement.order.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="expiresOn" label={t('agreement.field.expiresOn')}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(day) => day.isBefore(dayjs(chinaToday()), 'day')}
                data-testid="agreement-expires"
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('agreement.form.parties')}</Typography.Title>
        {isEdit && (
          <Alert
            type="info"
            showIcon
            title={t('agreement.form.contactsHidden')}
            style={{ marginBottom: 12 }}
          />
        )}
        <PartiesEditor organizationLabels={organizationLabels} />
        <Form.Item name="projectIds" label={t('agreement.field.projects')}>
          <ProjectSelect known={knownProjects} placeholder={t('agreement.field.projectsPlaceholder')} />
        </Form.Item>
        <Flex gap={8} wrap style={{ marginTop: 24 }}>
          <SubmitButton loading={isSaving} data-testid="agreement-submit">
            {t('agreement.save')}
          </SubmitButton>
          <Button onClick={() => navigate(-1)}>{t('agreement.cancel')}</Button>
          {agreement && (
            <>
              <UploadPdfButton agreement={agreement} />
              <PdfLink agreement={agreement} />
            </>
          )}
        </Flex>
      </SafeForm>
    </Card>
  );
}
