import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useLocale } from '../../i18n/locale.tsx';
import { OrganizationPicker } from '../../ui/organization-picker.tsx';
import { newParty, type PartyValues } from './form-values.ts';

const MOBILE = /^\+?[0-9][0-9 -]{5,19}$/;
const MIN_PARTIES = 2;

interface PartiesEditorProps {
  /** Names of the organizations already chosen (edit form), shown before any search. */
  organizationLabels: ReadonlyMap<string, string>;
}

/** One party's signers: name, title, e-mail, mobile; at least one each. */
function SignersList({ partyName }: { partyName: number }) {
  const { t } = useLocale();
  const form = Form.useFormInstance();
  return (
    <Form.List name={[partyName, 'signers']}>
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={0}>
          {fields.map((field, index) => {
            const contact: string | undefined = form.getFieldValue([
              'parties',
              partyName,
              'signers',
              field.name,
              'contact',
            ]);
            return (
              <Row key={field.key} gutter={8} align="top" data-testid="agreement-signer">
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={index === 0 ? t('agreement.signer.name') : undefined}
                    rules={[{ required: true, whitespace: true, message: t('agreement.required') }]}
                  >
                    <Input
                      maxLength={100}
                      aria-label={t('agreement.signer.name')}
                      data-testid="agreement-signer-name"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={index === 0 ? t('agreement.signer.title') : undefined}
                  >
                    <Input maxLength={100} aria-label={t('agreement.signer.title')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'email']}
                    label={index === 0 ? t('agreement.signer.email') : undefined}
                    rules={[{ type: 'email', message: t('agreement.signer.emailInvalid') }]}
                    extra={contact ? t('agreement.signer.contactOnFile', { contact }) : undefined}
                  >
                    <Input
                      maxLength={200}
                      aria-label={t('agreement.signer.email')}
                      data-testid="agreement-signer-email"
                    />
                  </Form.Item>
                </Col>
                <Col xs={22} md={6}>
                  <Form.Item
                    name={[field.name, 'mobile']}
                    label={index === 0 ? t('agreement.signer.mobile') : undefined}
                    rules={[{ pattern: MOBILE, message: t('agreement.signer.mobileInvalid') }]}
                  >
                    <Input maxLength={20} aria-label={t('agreement.signer.mobile')} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('agreement.signer.remove')}
                  />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              type="link"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              style={{ paddingLeft: 0 }}
              data-testid="agreement-add-signer"
            >
              {t('agreement.signer.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

/** The parties of an agreement (two or more organizations), each with the people who sign for it. */
export function PartiesEditor({ organizationLabels }: PartiesEditorProps) {
  const { t } = useLocale();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="parties"
      rules={[
        {
          validator: async (_, parties: PartyValues[] | undefined) => {
            if ((parties?.length ?? 0) < MIN_PARTIES) throw new Error(t('agreement.party.atLeastTwo'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              data-testid="agreement-party"
              title={t('agreement.party.title', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined />}
                  disabled={fields.length <= MIN_PARTIES}
                  onClick={() => remove(field.name)}
                  data-testid="agreement-remove-party"
                >
                  {t('agreement.party.remove')}
                </Button>
              }
            >
              <Form.Item
                name={[field.name, 'organizationId']}
                label={t('agreement.party.organization')}
                rules={[{ required: true, message: t('agreement.required') }]}
              >
                <OrganizationPicker
                  data-testid="agreement-party-organization"
                  initialLabel={organizationLabels.get(
                    form.getFieldValue(['parties', field.name, 'organizationId']),
                  )}
                />
              </Form.Item>
              <SignersList partyName={field.name} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(newParty())}
            data-testid="agreement-add-party"
          >
            {t('agreement.party.add')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('agreement.party.contactHelp')}
          </Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}
