import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { validateUsci } from '../../../domain/usci.ts';
import { ApiError, api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';
import { RegionCascader } from '../../ui/region-cascader.tsx';
import { SafeForm, SubmitButton } from '../../ui/safe-form.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { DuplicateWarning } from './duplicate-warning.tsx';
import {
  duplicatesKey,
  ORGANIZATIONS_KEY,
  organizationKey,
  useOrganization,
  useTypeOptions,
} from './shared.tsx';
import type { CreateBody, Organization, OrganizationType, UpdateBody } from './types.ts';

interface FormValues {
  nameZh: string;
  nameEn?: string;
  usci?: string;
  type: OrganizationType;
  origin?: string;
  regionCode?: string;
}

const FIELD_NAMES = ['nameZh', 'nameEn', 'usci', 'type', 'origin', 'regionCode'] as const;

const blankToNull = (text: string | undefined): string | null => text?.trim() || null;

function toBody(values: FormValues): CreateBody {
  return {
    nameZh: values.nameZh.trim(),
    nameEn: blankToNull(values.nameEn),
    usci: blankToNull(values.usci),
    type: values.type,
    origin: blankToNull(values.origin),
    regionCode: values.regionCode,
  };
}

/** What to show under the credit code as it is typed: a hint, or a green "valid" (errors come from the rule). */
function UsciStatus({ value }: { value: string | undefined }) {
  const { t } = useLocale();
  const text = value?.trim();
  if (!text) return <span data-testid="org-usci-status">{t('org.usci.hint')}</span>;
  const result = validateUsci(text);
  if (!result.ok) return null;
  return (
    <Typography.Text type="success" data-testid="org-usci-status">
      <CheckCircleFilled />{' '}
      {result.value === text ? t('org.usci.valid') : t('org.usci.normalized', { value: result.value })}
    </Typography.Text>
  );
}

function OrganizationForm({
  organization,
  onReload,
}: {
  organization?: Organization;
  onReload?: () => void;
}) {
  const { t, pick } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const typeOptions = useTypeOptions();
  const [form] = Form.useForm<FormValues>();
  const nameZh = Form.useWatch('nameZh', form);
  const usci = Form.useWatch('usci', form);
  const [banner, setBanner] = useState<{ messages: string[]; isStale: boolean } | null>(null);

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = toBody(values);
      if (!organization) return api<Organization>('/organizations', { method: 'POST', body });
      const patch: UpdateBody = { ...body, version: organization.version };
      return api<Organization>(`/organizations/${organization.id}`, { method: 'PATCH', body: patch });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationKey(saved.id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [ORGANIZATIONS_KEY] }),
        queryClient.invalidateQueries({ queryKey: duplicatesKey(saved.id) }),
      ]);
      void message.success(t(organization ? 'org.form.saved' : 'org.form.created'));
      navigate(`/organizations/${saved.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale_version') {
        setBanner({ messages: [pick(error.zh, error.en)], isStale: true });
        return;
      }
      const unplaced = applyServerErrors(form, error, pick, FIELD_NAMES);
      setBanner(unplaced.length ? { messages: unplaced, isStale: false } : null);
      const firstField = form.getFieldsError().find((field) => field.errors.length > 0);
      if (firstField) form.scrollToField(firstField.name);
    },
  });

  const initialValues: Partial<FormValues> = organization
    ? {
        nameZh: organization.nameZh,
        nameEn: organization.nameEn ?? undefined,
        usci: organization.usci ?? undefined,
        type: organization.type,
        origin: organization.origin ?? undefined,
        regionCode: organization.region.code,
      }
    : { regionCode: user?.regionCode };
  const tooLong = (max: number) => ({ max, message: t('org.form.tooLong', { max }) });
  const required = { required: true, message: t('common.required') };

  return (
    <SafeForm<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => {
        setBanner(null);
        return save.mutateAsync(values);
      }}
      data-testid="org-form"
      style={{ maxWidth: 880 }}
    >
      {banner && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="org-form-error"
          title={banner.isStale ? t('org.form.stale') : t('org.form.failed')}
          description={
            banner.messages.length === 1 ? (
              banner.messages[0]
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {banner.messages.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )
          }
          action={
            banner.isStale && onReload ? (
              <Button onClick={onReload} data-testid="org-reload">
                {t('org.form.reload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="nameZh"
            label={t('org.field.nameZh')}
            rules={[required, { min: 2, message: t('org.form.nameTooShort') }, tooLong(200)]}
          >
            <Input data-testid="org-name-zh" placeholder={t('org.form.nameZhPlaceholder')} maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('org.field.nameEn')} rules={[tooLong(300)]}>
            <Input data-testid="org-name-en" placeholder={t('org.form.nameEnPlaceholder')} maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="usci"
            label={t('org.field.usci')}
            extra={<UsciStatus value={usci} />}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (!value?.trim()) return;
                  const result = validateUsci(value);
                  if (!result.ok) throw new Error(pick(result.error.zh, result.error.en));
                },
              },
            ]}
          >
            <Input
              data-testid="org-usci"
              maxLength={40}
              autoComplete="off"
              style={{ fontFamily: 'monospace' }}
              onBlur={() => {
                // Show the code as it will be stored once the user leaves the field.
                const result = usci?.trim() ? validateUsci(usci) : null;
                if (result?.ok && result.value !== usci) form.setFieldValue('usci', result.value);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('org.field.type')} rules={[required]}>
            <Select<OrganizationType>
              data-testid="org-type"
              options={typeOptions}
              placeholder={t('org.form.typePlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <DuplicateWarning nameZh={nameZh} usci={usci} excludeId={organization?.id} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="origin" label={t('org.field.origin')} rules={[tooLong(100)]}>
            <Input data-testid="org-origin" placeholder={t('org.form.originPlaceholder')} maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('org.field.region')} rules={[required]}>
            <RegionCascaderField homeCode={user?.regionCode ?? '000000'} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8}>
        <SubmitButton loading={save.isPending} data-testid="org-submit">
          {t('common.save')}
        </SubmitButton>
        <Button
          onClick={() => navigate(organization ? `/organizations/${organization.id}` : '/organizations')}
          data-testid="org-cancel"
        >
          {t('common.cancel')}
        </Button>
      </Flex>
    </SafeForm>
  );
}

/** Form.Item hands value/onChange/id to its child; the wrapper carries the test id. */
function RegionCascaderField(props: {
  homeCode: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  return (
    <div data-testid="org-region">
      <RegionCascader {...props} />
    </div>
  );
}

export default function OrganizationFormPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const query = useOrganization(id);
  const organization = query.data;
  if (id && query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const title = organization
    ? t('org.form.editTitle', { name: pick(organization.nameZh, organization.nameEn) })
    : t('org.form.createTitle');

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/organizations">{t('org.title')}</Link> },
          ...(organization
            ? [
                {
                  key: 'this',
                  title: (
                    <Link to={`/organizations/${organization.id}`}>
                      {pick(organization.nameZh, organization.nameEn)}
                    </Link>
                  ),
                },
              ]
            : []),
          { key: 'form', title: id ? t('common.edit') : t('org.new') },
        ]}
      />
      <Card title={id && !organization ? t('org.edit') : title}>
        {id && !organization ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          // A reload after a conflict brings a new version: remount so the form shows it.
          <OrganizationForm
            key={organization ? `${organization.id}:${organization.version}` : 'new'}
            organization={organization}
            onReload={() => void query.refetch()}
          />
        )}
      </Card>
    </Flex>
  );
}
