import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { DemoSignIn } from '../../../contracts/auth.ts';
import { api } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';

/** The demo sign-in, shown only when the server says the database holds the demo with that password. */
export function DemoHint() {
  const { t } = useLocale();
  const demo = useQuery({
    queryKey: ['auth', 'demo'],
    queryFn: () => api<DemoSignIn>('/auth/demo'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const example = demo.data?.example;
  if (!example) return null;
  return (
    <Typography.Paragraph
      type="secondary"
      style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}
      data-testid="demo-hint"
    >
      {t('auth.demoHint', { username: example.username, password: example.password })}
    </Typography.Paragraph>
  );
}
