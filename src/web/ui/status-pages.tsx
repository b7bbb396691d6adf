import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { ApiError } from '../app/api.ts';
import { useLocale } from '../i18n/locale.tsx';

export function ForbiddenPage() {
  const { t } = useLocale();
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.goHome')}</Button>
        </Link>
      }
      data-testid="forbidden"
    />
  );
}

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.goHome')}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

/** A failed load: 404 and 403 get their own pages, anything else says what the server said and offers a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useLocale();
  const apiError = error as Partial<ApiError> | null;
  if (apiError?.status === 404) return <NotFoundPage />;
  if (apiError?.status === 403) return <ForbiddenPage />;
  const message = apiError?.zh ? pick(apiError.zh, apiError.en) : t('error.network');
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={message}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
