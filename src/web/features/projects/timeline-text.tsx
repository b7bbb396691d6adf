import { FileProtectOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { StatusTag } from '../events/shared.tsx';
import type { TimelineItems } from './api.ts';
import { STAGE_LABELS } from './labels.ts';

// Field names of the audit log as a person reads them.
const FIELD_KEYS: Record<string, MessageKey> = {
  nameZh: 'project.nameZh',
  nameEn: 'project.nameEn',
  descriptionZh: 'project.descriptionZh',
  descriptionEn: 'project.descriptionEn',
  region: 'project.region',
  industry: 'project.industry',
  categoryCode: 'project.category',
  investment: 'project.investment',
  expectedOutputYuan: 'project.expectedOutput',
  source: 'project.source',
  isKey: 'project.isKey',
  isMajor: 'project.isMajor',
  investors: 'project.investors',
  nationalCode: 'project.nationalCode',
  ownerId: 'project.investor',
};

/** One entry of a project's timeline: a dated stage move, or who changed which fields. */
export function TimelineText({ entry }: { entry: TimelineItems[number] }) {
  const { t, pick, locale } = useLocale();
  const stage = (s: keyof typeof STAGE_LABELS | null) =>
    s ? pick(STAGE_LABELS[s].zh, STAGE_LABELS[s].en) : '';
  const when = new Date(entry.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // A move the seal made, or a sealed agreement, was the platform's doing: no person to name.
  const by = entry.actor
    ? t('project.by', { name: entry.actor.displayName })
    : entry.agreement
      ? t('project.byPlatform')
      : '';
  const agreementTitle = entry.agreement ? pick(entry.agreement.titleZh, entry.agreement.titleEn) : '';
  let text: string;
  if (entry.kind === 'agreement') {
    text = t('project.timelineSealed', { title: agreementTitle });
  } else if (entry.kind === 'stage') {
    text = entry.fromStage
      ? t('project.timelineStage', { from: stage(entry.fromStage), to: stage(entry.toStage) })
      : t('project.timelineCreated', { to: stage(entry.toStage) });
  } else if (entry.action === 'update') {
    const fields = entry.changes.map((c) =>
      FIELD_KEYS[c.field] ? t(FIELD_KEYS[c.field] as MessageKey) : c.field,
    );
    text = t('project.timelineUpdate', { fields: fields.join(locale === 'zh-CN' ? '、' : ', ') });
  } else {
    text = t('project.timelineCreate');
  }
  return (
    <div>
      <Typography.Text strong>{text}</Typography.Text>
      {entry.on && <Typography.Text> · {entry.on}</Typography.Text>}
      {entry.note && <div>{entry.note}</div>}
      {entry.agreement && (
        <div>
          <Link to={`/agreements/${entry.agreement.id}`}>{agreementTitle}</Link>{' '}
          <StatusTag status={entry.agreement.status} />
          {entry.kind === 'stage' && (
            <a href={`/api/agreements/${entry.agreement.id}/document.pdf`}>
              <FileProtectOutlined /> {t('project.sealedPdf')}
            </a>
          )}
        </div>
      )}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {when} {by}
        </Typography.Text>
      </div>
    </div>
  );
}
