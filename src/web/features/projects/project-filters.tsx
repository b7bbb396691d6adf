import { Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { IndustrySelect } from '../../ui/industry-select.tsx';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import { SafeForm } from '../../ui/safe-form.tsx';
import { BAND_LABELS, CATEGORY_LABELS, optionsOf, STAGE_LABELS } from './labels.ts';
import type { Filters } from './use-project-filters.ts';

interface FormValues {
  q?: string;
  region?: string;
  industry?: string;
  category?: string[];
  stage?: string[];
  band?: string;
  minInvestment?: string;
  maxInvestment?: string;
  dateField?: string;
  dates?: [Dayjs, Dayjs] | null;
  flags?: string[];
}

function toForm(filters: Filters): FormValues {
  return {
    q: filters.q,
    region: filters.region,
    industry: filters.industry,
    category: filters.category?.split(','),
    stage: filters.stage?.split(','),
    band: filters.band,
    minInvestment: filters.minInvestment,
    maxInvestment: filters.maxInvestment,
    dateField: filters.dateField ?? 'createdAt',
    dates: filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null,
    flags: [filters.isKey === 'true' ? 'isKey' : '', filters.isMajor === 'true' ? 'isMajor' : ''].filter(
      Boolean,
    ),
  };
}

function toFilters(values: FormValues): Filters {
  const filters: Filters = {
    q: values.q?.trim() || undefined,
    region: values.region,
    industry: values.industry,
    category: values.category?.length ? values.category.join(',') : undefined,
    stage: values.stage?.length ? values.stage.join(',') : undefined,
    band: values.band,
    minInvestment: values.minInvestment?.trim() || undefined,
    maxInvestment: values.maxInvestment?.trim() || undefined,
  };
  if (values.dates) {
    filters.dateField = values.dateField;
    filters.from = values.dates[0].format('YYYY-MM-DD');
    filters.to = values.dates[1].format('YYYY-MM-DD');
  }
  if (values.flags?.includes('isKey')) filters.isKey = 'true';
  if (values.flags?.includes('isMajor')) filters.isMajor = 'true';
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Filters;
}

/** The filter bar of the project list: every filter of the API, in the user's scope and language. */
export function ProjectFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const { t, pick } = useLocale();
  const { user } = useSession();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => form.setFieldsValue(toForm(filters)), [filters, form]);

  return (
    <SafeForm
      form={form}
      layout="inline"
      onFinish={(values) => onChange(toFilters(values))}
      initialValues={toForm(filters)}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="q">
        <Input.Search
          placeholder={t('project.searchPlaceholder')}
          allowClear
          style={{ width: 300 }}
          onSearch={() => form.submit()}
          data-testid="project-search"
        />
      </Form.Item>
      <Form.Item name="region">
        {user && (
          <RegionCascader
            homeCode={user.regionCode}
            placeholder={t('project.region')}
            style={{ width: 220 }}
          />
        )}
      </Form.Item>
      <Form.Item name="industry">
        <IndustrySelect placeholder={t('project.industry')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="category">
        <Select
          mode="multiple"
          allowClear
          placeholder={t('project.category')}
          options={optionsOf(CATEGORY_LABELS, pick)}
          style={{ minWidth: 160 }}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item name="stage">
        <Select
          mode="multiple"
          allowClear
          placeholder={t('project.stage')}
          options={optionsOf(STAGE_LABELS, pick)}
          style={{ minWidth: 160 }}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item name="band">
        <Select
          allowClear
          placeholder={t('project.filterBand')}
          options={optionsOf(BAND_LABELS, pick)}
          style={{ width: 170 }}
        />
      </Form.Item>
      <Form.Item name="minInvestment">
        <Input placeholder={t('project.filterMin')} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="maxInvestment">
        <Input placeholder={t('project.filterMax')} style={{ width: 120 }} />
      </Form.Item>
      <Space.Compact>
        <Form.Item name="dateField" noStyle>
          <Select
            style={{ width: 110 }}
            options={['createdAt', 'signedOn', 'stageChangedOn'].map((value) => ({
              value,
              label: t(`project.dateField.${value}` as 'project.dateField.createdAt'),
            }))}
          />
        </Form.Item>
        <Form.Item name="dates" noStyle>
          <DatePicker.RangePicker />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="flags">
        <Checkbox.Group
          options={[
            { value: 'isKey', label: t('project.isKey') },
            { value: 'isMajor', label: t('project.isMajor') },
          ]}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="apply-filters">
          {t('common.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
      </Space>
    </SafeForm>
  );
}
