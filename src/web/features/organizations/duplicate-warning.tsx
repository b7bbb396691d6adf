import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { validateUsci } from '../../../domain/usci.ts';
import { api } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { ORGANIZATIONS_KEY, ReasonTags, useDebounced } from './shared.tsx';
import type { DuplicateList } from './types.ts';

const DEBOUNCE_MS = 400;

interface DuplicateWarningProps {
  nameZh: string | undefined;
  usci: string | undefined;
  /** The record being edited, which is not its own duplicate. */
  excludeId?: string;
}

/** Asks the server, as the name and credit code are typed, whether the organization is already on file. */
export function DuplicateWarning({ nameZh, usci, excludeId }: DuplicateWarningProps) {
  const { t, pick } = useLocale();
  const name = useDebounced(nameZh?.trim() ?? '', DEBOUNCE_MS);
  const typedUsci = useDebounced(usci?.trim() ?? '', DEBOUNCE_MS);
  // An unfinished code matches nothing; send it only once it is a valid one.
  const checkedUsci = typedUsci ? validateUsci(typedUsci) : null;
  const body = { nameZh: name, usci: checkedUsci?.ok ? checkedUsci.value : undefined, excludeId };
  const isEnabled = name.length >= 2 && name.length <= 200;
  const query = useQuery({
    queryKey: [ORGANIZATIONS_KEY, 'duplicate-check', body],
    queryFn: ({ signal }) =>
      api<DuplicateList>('/organizations/duplicate-check', { method: 'POST', body, signal }),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = isEnabled ? (query.data?.items ?? []) : [];
  if (items.length === 0) return null;

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="org-duplicates-alert"
      title={t('org.dup.formTitle', { count: items.length })}
      description={
        <Flex vertical gap={4}>
          {items.map(({ organization, reasons }) => (
            <Flex key={organization.id} gap={8} wrap align="center">
              <Link to={`/organizations/${organization.id}`} target="_blank" data-testid="org-duplicate-link">
                {pick(organization.nameZh, organization.nameEn)}
              </Link>
              <ReasonTags reasons={reasons} />
              <Typography.Text type="secondary">
                {[pick(organization.region.nameZh, organization.region.nameEn), organization.usci]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('org.dup.opensNewTab')}
          </Typography.Text>
        </Flex>
      }
    />
  );
}
