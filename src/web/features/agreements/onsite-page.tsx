import { DesktopOutlined, GlobalOutlined, LeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Layout, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { eventKey, fetchEvent } from '../events/shared.tsx';
import { AGREEMENTS_KEY, type Agreement, fetchAgreements } from './api.ts';
import { SignerStateTag } from './labels.tsx';
import { OnsiteSignPanel } from './onsite-sign-panel.tsx';
import { type SignerRow, signedCount, signerState, signersInOrder } from './signers.ts';

// Remote signers sign in parallel with the room: the host's list must catch up within seconds.
const POLL_MS = 3_000;
const LIMIT = 200;

function AgreementCard({ agreement, onPick }: { agreement: Agreement; onPick: (signer: SignerRow) => void }) {
  const { t, pick, locale } = useLocale();
  const amount = agreement.amount
    ? locale === 'zh-CN'
      ? agreement.amount.displayZh
      : agreement.amount.displayEn
    : null;
  return (
    <Card
      data-testid="onsite-agreement"
      title={<span style={{ fontSize: 20 }}>{pick(agreement.titleZh, agreement.titleEn)}</span>}
      extra={
        <Typography.Text style={{ fontSize: 18 }}>
          {amount && <strong>{amount} · </strong>}
          {t('agreement.onsite.signedCount', { count: signedCount(agreement).text })}
        </Typography.Text>
      }
    >
      <Flex wrap gap={16}>
        {signersInOrder(agreement).map((signer) => {
          const state = signerState(agreement.status, signer);
          const isTurn = state === 'turn';
          return (
            <Button
              key={signer.id}
              type={isTurn ? 'primary' : 'default'}
              disabled={!isTurn}
              onClick={() => onPick(signer)}
              data-testid="onsite-signer"
              style={{
                height: 'auto',
                minHeight: 96,
                minWidth: 240,
                padding: '12px 20px',
                whiteSpace: 'normal',
              }}
            >
              <Flex vertical align="flex-start" gap={4} style={{ textAlign: 'left' }}>
                <span style={{ fontSize: 22, fontWeight: 600 }}>{signer.name}</span>
                <span style={{ fontSize: 14, opacity: 0.85 }}>
                  {pick(signer.party.nameZh, signer.party.nameEn)}
                </span>
                <SignerStateTag state={state} />
              </Flex>
            </Button>
          );
        })}
      </Flex>
    </Card>
  );
}

/** Host tablet mode at the venue: the event's agreements out for signing, signed in person one tap at a time. */
export default function OnsitePage() {
  const { id = '' } = useParams();
  const { t, pick, locale, setLocale } = useLocale();
  // The panel keeps the agreement it opened with, even once polling drops it from the list (all signed).
  const [panel, setPanel] = useState<{ agreement: Agreement; signer: SignerRow } | null>(null);
  const event = useQuery({ queryKey: eventKey(id), queryFn: ({ signal }) => fetchEvent(id, signal) });
  const agreements = useQuery({
    queryKey: [AGREEMENTS_KEY, 'onsite', id],
    queryFn: ({ signal }) => fetchAgreements({ eventId: id, status: 'signing', limit: LIMIT }, signal),
    refetchInterval: POLL_MS,
  });
  const items = agreements.data?.items ?? [];

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex
        justify="space-between"
        align="center"
        wrap
        gap={12}
        style={{ padding: '16px 24px', background: '#b7232d', color: '#fff' }}
      >
        <Flex align="center" gap={16}>
          <Link to={`/events/${id}`} style={{ color: '#fff', fontSize: 18 }}>
            <LeftOutlined /> {t('agreement.onsite.exit')}
          </Link>
          <Typography.Title level={3} style={{ margin: 0, color: '#fff' }} data-testid="onsite-event">
            {event.data ? pick(event.data.nameZh, event.data.nameEn) : t('agreement.onsite.title')}
          </Typography.Title>
        </Flex>
        <Flex gap={12}>
          <Button
            size="large"
            icon={<GlobalOutlined />}
            onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
          >
            {t('common.language')}
          </Button>
          <Link to={`/screen/${id}`} target="_blank">
            <Button size="large" icon={<DesktopOutlined />} data-testid="onsite-screen-link">
              {t('agreement.onsite.screen')}
            </Button>
          </Link>
        </Flex>
      </Flex>
      <Flex vertical gap={20} style={{ padding: 24 }}>
        {agreements.isError && (
          <Alert
            type="error"
            showIcon
            title={t('agreement.onsite.loadFailed', {
              message: errorText(agreements.error, pick, t('agreement.networkError')),
            })}
          />
        )}
        {agreements.isLoading && <Spin size="large" />}
        {agreements.data && items.length === 0 && (
          <Card>
            <Empty description={<span style={{ fontSize: 18 }}>{t('agreement.onsite.empty')}</span>} />
          </Card>
        )}
        {items.map((agreement) => (
          <AgreementCard
            key={agreement.id}
            agreement={agreement}
            onPick={(signer) => setPanel({ agreement, signer })}
          />
        ))}
      </Flex>
      {panel && (
        <OnsiteSignPanel agreement={panel.agreement} signer={panel.signer} onClose={() => setPanel(null)} />
      )}
    </Layout>
  );
}
