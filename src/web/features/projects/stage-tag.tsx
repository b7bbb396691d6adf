import { Tag } from 'antd';
import { useLocale } from '../../i18n/locale.tsx';
import { STAGE_COLORS, STAGE_LABELS, type Stage } from './labels.ts';

export function StageTag({ stage }: { stage: Stage }) {
  const { pick } = useLocale();
  return <Tag color={STAGE_COLORS[stage]}>{pick(STAGE_LABELS[stage].zh, STAGE_LABELS[stage].en)}</Tag>;
}
