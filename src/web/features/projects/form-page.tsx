import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { parseAmount } from '../../../domain/amount.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountInput } from '../../ui/amount-input.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import { IndustrySelect } from '../../ui/industry-select.tsx';
import { OrganizationPicker } from '../../ui/organization-picker.tsx';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import { SafeForm, SubmitButton } from '../../ui/safe-form.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { fetchProject, type Project } from './api.ts';
import { CATEGORY_LABELS, INVESTOR_ROLE_LABELS, optionsOf, SOURCE_LABELS, STAGE_LABELS } from './labels.ts';

interface Values {
  nameZh: string;
  nameEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  regionCode: string;
  industryCode: string;
  categoryCode: string;
  investment: string;
  usdRate?: string;
  expectedOutput?: string;
  source: string;
  flags?: string[];
  stage?: 'lead' | 'negotiating';
  stageOn?: Dayjs;
  nationalCode?: string;
  investors?: { organizationId: string; role: string }[];
}

const FIELDS = [
  'nameZh',
  'nameEn',
  'descriptionZh',
  'descriptionEn',
  'regionCode',
  'industryCode',
  'categoryCode',
  'investment',
  'usdRate',
  'expectedOutput',
  'source',
  'stage',
  'stageOn',
  'nationalCode',
  'investors',
] as const;

function initialValues(project: Project | undefined): Partial<Values> {
  if (!project) return { source: 'event', stage: 'lead', categoryCode: 'digital_industry', investors: [] };
  return {
    nameZh: project.nameZh,
    nameEn: project.nameEn ?? undefined,
    descriptionZh: project.descriptionZh ?? undefined,
    descriptionEn: project.descriptionEn ?? undefined,
    regionCode: project.region.code,
    industryCode: project.industry.code,
    categoryCode: project.categoryCode,
    investment: project.investment.displayZh,
    usdRate: project.investment.usdRate ?? undefined,
    expectedOutput: project.expectedOutputYuan !== null ? String(project.expectedOutputYuan) : undefined,
    source: project.source,
    flags: [project.isKey ? 'isKey' : '', project.isMajor ? 'isMajor' : ''].filter(Boolean),
    nationalCode: project.nationalCode ?? undefined,
    investors: project.investors.map((i) => ({ organizationId: i.organizationId, role: i.role })),
  };
}

/** Create and edit form of a project; amounts as people type them, errors on the fields the server names. */
export default function ProjectFormPage() {
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
    queryKey: ['projects', 'one', id],
    queryFn: () => fetchProject(id ?? ''),
    enabled: isEdit,
  });
  const investment = Form.useWatch('investment', form);
  const isUsd = (() => {
    const parsed = investment ? parseAmount(investment) : null;
    return Boolean(parsed?.ok && parsed.value.currency === 'USD');
  })();

  if (existing.error) return <ErrorState error={existing.error} onRetry={() => existing.refetch()} />;
  if (isEdit && !existing.data) return <Card loading />;

  async function submit(values: Values) {
    setSaving(true);
    setBanner([]);
    const body = {
      nameZh: values.nameZh,
      nameEn: values.nameEn || null,
      descriptionZh: values.descriptionZh || null,
      descriptionEn: values.descriptionEn || null,
      regionCode: values.regionCode,
      industryCode: values.industryCode,
      categoryCode: values.categoryCode,
      investment: values.investment,
      usdRate: isUsd ? values.usdRate || null : null,
      expectedOutput: values.expectedOutput || null,
      source: values.source,
      isKey: values.flags?.includes('isKey') ?? false,
      isMajor: values.flags?.includes('isMajor') ?? false,
      nationalCode: values.nationalCode || null,
      investors: values.investors ?? [],
    };
    try {
      const saved = isEdit
        ? await api<Project>(`/projects/${id}`, {
            method: 'PATCH',
            body: { ...body, version: existing.data?.version },
          })
        : await api<Project>('/projects', {
            method: 'POST',
            body: { ...body, stage: values.stage, stageOn: values.stageOn?.format('YYYY-MM-DD') },
          });
      message.success(isEdit ? t('common.saved') : t('project.created'));
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      navigate(`/projects/${saved.id}`);
    } catch (error) {
      setBanner(applyServerErrors(form, error, pick, FIELDS));
    } finally {
      setSaving(false);
    }
  }

  const investorLabels = new Map(
    existing.data?.investors.map((i) => [i.organizationId, pick(i.nameZh, i.nameEn)]),
  );
  return (
    <Card title={isEdit ? t('project.editTitle') : t('project.new')} style={{ maxWidth: 1000 }}>
      {banner.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={banner.join('；')}
          style={{ marginBottom: 16 }}
          data-testid="form-error"
        />
      )}
      <SafeForm
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
              label={t('project.nameZh')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input data-testid="project-name-zh" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('project.nameEn')}>
              <Input data-testid="project-name-en" maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="regionCode"
              label={t('project.region')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              {user && <RegionCascader homeCode={user.regionCode} isLeafOnly />}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="industryCode"
              label={t('project.industry')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <IndustrySelect canPickSection={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="categoryCode"
              label={t('project.category')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select options={optionsOf(CATEGORY_LABELS, pick)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="source"
              label={t('project.source')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select options={optionsOf(SOURCE_LABELS, pick)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="flags" label={t('project.flags')}>
              <Checkbox.Group
                options={[
                  { value: 'isKey', label: t('project.isKey') },
                  { value: 'isMajor', label: t('project.isMajor') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="investment"
              label={t('project.investment')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <AmountInput data-testid="project-investment-input" />
            </Form.Item>
          </Col>
          {isUsd && (
            <Col xs={24} md={8}>
              <Form.Item
                name="usdRate"
                label={t('project.usdRate')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input placeholder="7.1000" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="expectedOutput" label={t('project.expectedOutput')}>
              <AmountInput />
            </Form.Item>
          </Col>
          {!isEdit && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="stage" label={t('project.initialStage')}>
                  <Select
                    options={(['lead', 'negotiating'] as const).map((s) => ({
                      value: s,
                      label: pick(STAGE_LABELS[s].zh, STAGE_LABELS[s].en),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="stageOn" label={t('project.stageOn')}>
                  <DatePicker
                    disabledDate={(d) => d.isAfter(dayjs(chinaToday()), 'day')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name="nationalCode"
              label={t('project.nationalCode')}
              extra={t('project.nationalCodeHelp')}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="descriptionZh" label={t('project.descriptionZh')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="descriptionEn" label={t('project.descriptionEn')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('project.investors')}</Typography.Title>
        <Form.List name="investors">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item
                    name={[field.name, 'organizationId']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <OrganizationPicker
                      initialLabel={investorLabels.get(
                        form.getFieldValue(['investors', field.name, 'organizationId']),
                      )}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[{ required: true, message: t('common.required') }]}
                    initialValue="lead_investor"
                  >
                    <Select options={optionsOf(INVESTOR_ROLE_LABELS, pick)} style={{ width: 160 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" block onClick={() => add()} icon={<PlusOutlined />}>
                {t('project.addInvestor')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        {/* A block row of its own, so the actions never sit on the line of the investor button. */}
        <Flex gap={8} style={{ marginTop: 24 }}>
          <SubmitButton loading={isSaving} data-testid="project-submit">
            {t('common.save')}
          </SubmitButton>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Flex>
      </SafeForm>
    </Card>
  );
}
