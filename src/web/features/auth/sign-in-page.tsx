import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { SafeForm, SubmitButton } from '../../ui/safe-form.tsx';
import { DemoHint } from './demo-hint.tsx';

/** Only a path inside this app: '//host' or '/\\host' would leave it (an open redirect). */
export function safeNext(next: string | null): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

export default function SignInPage() {
  const { t, pick, locale, setLocale } = useLocale();
  const { user, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (user) return <Navigate to={next} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(errorText(caught, pick, t('error.network')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg, #7f1d1d 0%, #b7232d 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 12px 32px rgba(0,0,0,0.15)' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}
        >
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')} · {t('auth.signIn')}
          </Typography.Title>
          <Button
            type="text"
            icon={<GlobalOutlined />}
            onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
          >
            {t('common.language')}
          </Button>
        </div>
        <Typography.Paragraph type="secondary">{t('auth.welcome')}</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            title={error}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="sign-in-error"
          />
        )}
        <SafeForm layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <SubmitButton block loading={isBusy}>
            {t('auth.signIn')}
          </SubmitButton>
        </SafeForm>
        <DemoHint />
      </Card>
    </div>
  );
}
