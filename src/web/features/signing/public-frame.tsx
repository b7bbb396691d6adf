import { GlobalOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/locale.tsx';

/** The public pages' header (product, language switch) and a narrow column: most signers open links on a phone. */
export function PublicFrame({ product, children }: { product: string; children: ReactNode }) {
  const { t, locale, setLocale } = useLocale();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: '#b7232d',
          color: '#fff',
          padding: '10px 16px',
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }} data-testid="public-header">
          {t('app.name')} · {product}
        </Typography.Text>
        <Button
          type="text"
          size="small"
          icon={<GlobalOutlined />}
          style={{ color: '#fff' }}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
          data-testid="language-switch"
        >
          {t('common.language')}
        </Button>
      </header>
      <main style={{ maxWidth: 760, margin: '0 auto', padding: '12px 12px 48px' }}>{children}</main>
    </div>
  );
}
