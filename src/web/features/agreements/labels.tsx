import { Tag } from 'antd';
import type { SealStatus } from '../../../domain/events.ts';
import { useLocale } from '../../i18n/locale.tsx';
import type { SignerState } from './signers.ts';

// One status wording and colour across events and agreements; China time (UTC+8) whatever the browser's zone.
export { chinaTime, StatusTag } from '../events/shared.tsx';

/** The label of an agreement type from the code list, the code itself when unknown. */
export function typeLabel(
  code: string,
  types: readonly { code: string; nameZh: string; nameEn: string }[],
  pick: (zh: string, en: string) => string,
): string {
  const type = types.find((item) => item.code === code);
  return type ? pick(type.nameZh, type.nameEn) : code;
}

const SIGNER_COLORS: Record<SignerState, string> = {
  signed: 'success',
  declined: 'error',
  turn: 'processing',
  waiting: 'default',
  idle: 'default',
};

export function SignerStateTag({ state }: { state: SignerState }) {
  const { t } = useLocale();
  return (
    <Tag color={SIGNER_COLORS[state]} data-testid="signer-state">
      {t(`agreement.signerState.${state}`)}
    </Tag>
  );
}

const SEAL_COLORS: Record<SealStatus, string> = { none: 'default', pending: 'warning', sealed: 'success' };

export function SealTag({ status }: { status: SealStatus }) {
  const { t } = useLocale();
  return (
    <Tag color={SEAL_COLORS[status]} data-testid="seal-status">
      {t(`agreement.seal.${status}`)}
    </Tag>
  );
}
