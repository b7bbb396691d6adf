import { FileProtectOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ProjectAgreement } from '../../../contracts/projects.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { StatusTag } from '../events/shared.tsx';

export type ProjectAgreementItem = z.infer<typeof ProjectAgreement>;

/** The warning a project carries when the agreement that moved it to 签约 was voided later. */
export function SigningVoidedFlags({ agreements }: { agreements: ProjectAgreementItem[] }) {
  const { t, pick } = useLocale();
  const voided = agreements.filter((agreement) => agreement.isVoidedAfterMove);
  if (voided.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {voided.map((agreement) => (
        <Alert
          key={agreement.id}
          type="warning"
          showIcon
          data-testid="signing-voided-flag"
          title={t('project.signingVoided')}
          description={
            <Link to={`/agreements/${agreement.id}`}>
              {t('project.signingVoidedHint', { title: pick(agreement.titleZh, agreement.titleEn) })}
            </Link>
          }
        />
      ))}
    </Space>
  );
}

/** The agreements linked to a project, with their status and the one whose seal moved it to 签约. */
export function ProjectAgreements({ agreements }: { agreements: ProjectAgreementItem[] }) {
  const { t, pick } = useLocale();
  return (
    <Card title={t('project.agreements')} size="small" data-testid="project-agreements">
      {agreements.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.noAgreements')} />
      ) : (
        <List
          size="small"
          dataSource={agreements}
          renderItem={(agreement) => (
            <List.Item
              extra={
                agreement.signedOn && (
                  <Typography.Text type="secondary">
                    {t('project.agreementSignedOn', { on: agreement.signedOn })}
                  </Typography.Text>
                )
              }
            >
              <Space wrap>
                <Link to={`/agreements/${agreement.id}`}>
                  <FileProtectOutlined /> {pick(agreement.titleZh, agreement.titleEn)}
                </Link>
                <StatusTag status={agreement.status} />
                {agreement.hasMovedProject && <Tag color="blue">{t('project.agreementMoved')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
