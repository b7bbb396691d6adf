import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { INVESTOR_TYPES } from '../../../domain/code-lists.ts';
import { api } from '../../app/api.ts';
import type { Locale } from '../../i18n/locale.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import type { DuplicateList, DuplicateReason, Organization, OrganizationType } from './types.ts';

/** Query keys: every list, search and duplicate check sits under ORGANIZATIONS_KEY so one invalidation refreshes them. */
export const ORGANIZATIONS_KEY = 'organizations';
export const organizationKey = (id: string) => ['organization', id] as const;
export const duplicatesKey = (id: string) => ['organization', id, 'duplicates'] as const;

const TYPE_COLORS: Record<OrganizationType, string> = {
  central_soe: 'red',
  local_soe: 'volcano',
  private: 'blue',
  foreign: 'purple',
  hmt: 'magenta',
  overseas_chinese: 'gold',
  institution: 'cyan',
  government: 'geekblue',
};

const TYPE_CODES: readonly string[] = INVESTOR_TYPES.map((item) => item.code);

export function isOrganizationType(value: string): value is OrganizationType {
  return TYPE_CODES.includes(value);
}

export function typeLabel(type: OrganizationType, pick: (zh: string, en: string) => string): string {
  const item = INVESTOR_TYPES.find((candidate) => candidate.code === type);
  return item ? pick(item.nameZh, item.nameEn) : type;
}

/** Select options for organization types, in code-list order. */
export function useTypeOptions(): { value: OrganizationType; label: string }[] {
  const { pick } = useLocale();
  return INVESTOR_TYPES.map((item) => ({ value: item.code, label: pick(item.nameZh, item.nameEn) }));
}

export function TypeTag({ type }: { type: OrganizationType }) {
  const { pick } = useLocale();
  return (
    <Tag color={TYPE_COLORS[type]} variant="filled" data-testid="org-type-tag">
      {typeLabel(type, pick)}
    </Tag>
  );
}

export function ReasonTags({ reasons }: { reasons: DuplicateReason[] }) {
  const { t } = useLocale();
  return (
    <>
      {reasons.map((reason) => (
        <Tag key={reason} color={reason === 'same_usci' ? 'red' : 'orange'}>
          {t(`org.dup.reason.${reason}`)}
        </Tag>
      ))}
    </>
  );
}

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/**
 * Whether the user's region subtree keeps this organization, mirroring the server's scope prefixes
 * (province 2 digits, city 4, county 6, park 9). Only hides buttons; the server decides.
 */
export function isKeptInScope(homeCode: string, organization: Organization): boolean {
  if (homeCode === '000000') return true;
  const prefix =
    homeCode.length > 6
      ? homeCode
      : homeCode.endsWith('0000')
        ? homeCode.slice(0, 2)
        : homeCode.endsWith('00')
          ? homeCode.slice(0, 4)
          : homeCode;
  return organization.region.code.startsWith(prefix);
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKey(id ?? ''),
    queryFn: ({ signal }) => api<Organization>(`/organizations/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useDuplicates(id: string) {
  return useQuery({
    queryKey: duplicatesKey(id),
    queryFn: ({ signal }) => api<DuplicateList>(`/organizations/${id}/duplicates`, { signal }),
  });
}

/** The value once it has stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
