import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SigningView } from '../../../contracts/signing.ts';
import type { SignerStatus } from '../../../domain/events.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { agreementTypeLabel, StatusTag } from '../events/shared.tsx';

const SIGNER_TAGS: Record<SignerStatus, { color: string; icon: ReactNode }> = {
  pending: { color: 'default', icon: <ClockCircleOutlined /> },
  signed: { color: 'success', icon: <CheckCircleFilled /> },
  declined: { color: 'error', icon: <CloseCircleFilled /> },
};

/** The agreement at a glance: titles in both languages, its facts, and who has signed. */
export function AgreementSummary({ view }: { view: SigningView }) {
  const { t, pick, locale } = useLocale();
  const { agreement, signer } = view;
  const title = pick(agreement.titleZh, agreement.titleEn);
  // The title in the other language too: both parties read the same agreement.
  const otherTitle = locale === 'zh-CN' ? agreement.titleEn : agreement.titleEn ? agreement.titleZh : null;

  return (
    <Card>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <StatusTag status={agreement.status} />
          <Typography.Text type="secondary">
            {t('sign.revision', { revision: agreement.documentRevision })}
          </Typography.Text>
        </Space>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="sign-agreement-title">
          {title}
        </Typography.Title>
        {otherTitle && <Typography.Text type="secondary">{otherTitle}</Typography.Text>}
      </Space>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        style={{ marginTop: 16 }}
        items={[
          { key: 'type', label: t('sign.type'), children: agreementTypeLabel(agreement.typeCode, pick) },
          ...(agreement.amount
            ? [
                {
                  key: 'amount',
                  label: t('sign.amount'),
                  children: pick(agreement.amount.displayZh, agreement.amount.displayEn),
                },
              ]
            : []),
          ...(agreement.event
            ? [
                {
                  key: 'event',
                  label: t('sign.event'),
                  children: pick(agreement.event.nameZh, agreement.event.nameEn),
                },
              ]
            : []),
          ...(agreement.expiresOn
            ? [{ key: 'expires', label: t('sign.expiresOn'), children: agreement.expiresOn }]
            : []),
          { key: 'order', label: t('sign.order'), children: t(`sign.order.${agreement.signingOrder}`) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sign.parties')}
      </Typography.Title>
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="sign-parties">
        {agreement.parties.map((party, partyIndex) => {
          const isMyParty = party.nameZh === signer.organization.nameZh;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parties have no id in the public view and keep their order
            <div key={partyIndex}>
              <Typography.Text strong>{pick(party.nameZh, party.nameEn)}</Typography.Text>
              {party.signers.map((person, personIndex) => {
                const tag = SIGNER_TAGS[person.status];
                const isMe = isMyParty && person.name === signer.name;
                return (
                  <div
                    // biome-ignore lint/suspicious/noArrayIndexKey: signers have no id in the public view
                    key={personIndex}
                    style={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      gap: 8,
                      padding: '4px 0 0 12px',
                    }}
                  >
                    <Typography.Text>
                      {person.name}
                      {person.title ? ` · ${person.title}` : ''}
                      {isMe ? t('sign.you') : ''}
                    </Typography.Text>
                    <Tag color={tag.color} icon={tag.icon} style={{ marginInlineEnd: 0 }}>
                      {t(`sign.signerStatus.${person.status}`)}
                    </Tag>
                  </div>
                );
              })}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
