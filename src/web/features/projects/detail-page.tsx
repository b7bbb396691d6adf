import { EditOutlined, FileOutlined, StarFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Empty,
  List,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatYi } from '../../../domain/amount.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { fetchProject, fetchTimeline, type Project } from './api.ts';
import {
  CATEGORY_LABELS,
  EVIDENCE_LABELS,
  INVESTOR_ROLE_LABELS,
  INVESTOR_TYPE_LABELS,
  SOURCE_LABELS,
  STAGE_HEX,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from './labels.ts';
import { ProjectAgreements, SigningVoidedFlags } from './project-agreements.tsx';
import { StageMoveModal } from './stage-move-modal.tsx';
import { StageTag } from './stage-tag.tsx';
import { TimelineText } from './timeline-text.tsx';

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [moveTo, setMoveTo] = useState<Stage | null>(null);
  const project = useQuery({ queryKey: ['projects', 'one', id], queryFn: () => fetchProject(id) });
  const timeline = useQuery({
    queryKey: ['projects', 'timeline', id],
    queryFn: () => fetchTimeline(id),
    enabled: project.isSuccess,
  });
  const canWrite = canOpen(user, 'projectWrite');

  if (project.error) return <ErrorState error={project.error} onRetry={() => project.refetch()} />;
  if (!project.data) return <Card loading />;
  const p: Project = project.data;
  const label = (code: string, table: Record<string, { zh: string; en: string }>) =>
    table[code] ? pick(table[code].zh, table[code].en) : code;
  // Uploaded files, and the sealed PDF of an agreement whose seal moved the project.
  const evidence = (timeline.data?.items ?? []).flatMap((entry) => [
    ...entry.evidence.map((file) => ({
      key: file.fileId,
      href: `/api/files/${file.fileId}`,
      name: file.name,
      kind: file.kind,
      on: entry.on,
    })),
    ...(entry.kind === 'stage' && entry.agreement
      ? [
          {
            key: entry.agreement.id,
            href: `/api/agreements/${entry.agreement.id}/document.pdf`,
            name: pick(entry.agreement.titleZh, entry.agreement.titleEn),
            kind: 'agreement' as const,
            on: entry.on,
          },
        ]
      : []),
  ]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-title">
            {pick(p.nameZh, p.nameEn)}{' '}
            {p.isKey && <StarFilled style={{ color: '#faad14', fontSize: 18 }} title={t('project.isKey')} />}
          </Typography.Title>
          <Space style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            <StageTag stage={p.stage} />
            {p.isMajor && <Tag color="red">{t('project.isMajor')}</Tag>}
          </Space>
        </div>
        {canWrite && (
          <Space>
            <Dropdown
              menu={{
                items: STAGES.filter((s) => s !== p.stage).map((s) => ({
                  key: s,
                  label: pick(STAGE_LABELS[s].zh, STAGE_LABELS[s].en),
                })),
                onClick: ({ key }) => setMoveTo(key as Stage),
              }}
              disabled={p.stage === 'dropped'}
            >
              <Button data-testid="move-stage">{t('project.moveStage')}</Button>
            </Dropdown>
            <Link to={`/projects/${p.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />}>
                {t('common.edit')}
              </Button>
            </Link>
          </Space>
        )}
      </div>
      <SigningVoidedFlags agreements={timeline.data?.agreements ?? []} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('project.facts')} size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('project.nameZh')}>{p.nameZh}</Descriptions.Item>
                <Descriptions.Item label={t('project.nameEn')}>{p.nameEn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('project.region')}>
                  {pick(p.region.nameZh, p.region.nameEn)}
                </Descriptions.Item>
                <Descriptions.Item
                  label={t('project.industry')}
                >{`${p.industry.code} ${pick(p.industry.nameZh, p.industry.nameEn)}`}</Descriptions.Item>
                <Descriptions.Item label={t('project.category')}>
                  {label(p.categoryCode, CATEGORY_LABELS)}
                </Descriptions.Item>
                <Descriptions.Item label={t('project.source')}>
                  {label(p.source, SOURCE_LABELS)}
                </Descriptions.Item>
                <Descriptions.Item label={t('project.investment')}>
                  <span data-testid="project-investment">
                    {locale === 'zh-CN' ? p.investment.displayZh : p.investment.displayEn}
                  </span>
                  {p.investment.currency === 'USD' && (
                    <Typography.Text type="secondary">{` ≈ ${formatYi(p.investment.yuan, locale)} @ ${p.investment.usdRate}`}</Typography.Text>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('project.expectedOutput')}>
                  {p.expectedOutputYuan !== null ? formatYi(p.expectedOutputYuan, locale) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('project.signedOn')}>{p.signedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('project.nationalCode')}>
                  {p.nationalCode ?? '—'}
                </Descriptions.Item>
                {p.droppedReason && (
                  <Descriptions.Item label={t('project.moveReason')}>{p.droppedReason}</Descriptions.Item>
                )}
              </Descriptions>
              {(p.descriptionZh || p.descriptionEn) && (
                <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                  {pick(p.descriptionZh ?? '', p.descriptionEn)}
                </Typography.Paragraph>
              )}
            </Card>
            <Card title={t('project.investors')} size="small">
              <Table
                rowKey="organizationId"
                size="small"
                pagination={false}
                dataSource={p.investors}
                locale={{ emptyText: t('project.noInvestors') }}
                columns={[
                  {
                    title: t('project.investor'),
                    render: (_, i) => (
                      <Link to={`/organizations/${i.organizationId}`}>{pick(i.nameZh, i.nameEn)}</Link>
                    ),
                  },
                  { title: t('project.investorRole'), render: (_, i) => label(i.role, INVESTOR_ROLE_LABELS) },
                  {
                    title: t('project.investorType'),
                    render: (_, i) => <Tag>{label(i.type, INVESTOR_TYPE_LABELS)}</Tag>,
                  },
                ]}
              />
            </Card>
            <ProjectAgreements agreements={timeline.data?.agreements ?? []} />
            <Card title={t('project.evidenceFiles')} size="small">
              {evidence.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.noEvidence')} />
              ) : (
                <List
                  size="small"
                  dataSource={evidence}
                  rowKey="key"
                  renderItem={(file) => (
                    <List.Item extra={<Typography.Text type="secondary">{file.on}</Typography.Text>}>
                      <a href={file.href}>
                        <FileOutlined /> {file.name}
                      </a>
                      <Tag style={{ marginLeft: 8 }}>
                        {pick(EVIDENCE_LABELS[file.kind].zh, EVIDENCE_LABELS[file.kind].en)}
                      </Tag>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('project.timeline')} size="small" loading={timeline.isLoading}>
            <Timeline
              data-testid="project-timeline"
              items={(timeline.data?.items ?? []).map((entry) => ({
                color: entry.kind === 'stage' && entry.toStage ? STAGE_HEX[entry.toStage] : 'gray',
                content: <TimelineText entry={entry} />,
              }))}
            />
          </Card>
        </Col>
      </Row>
      {moveTo && (
        <StageMoveModal
          project={p}
          to={moveTo}
          onClose={() => setMoveTo(null)}
          onMoved={(moved) => {
            setMoveTo(null);
            message.success(
              t('project.moved', { stage: pick(STAGE_LABELS[moved.stage].zh, STAGE_LABELS[moved.stage].en) }),
            );
            void queryClient.invalidateQueries({ queryKey: ['projects'] });
          }}
        />
      )}
    </Space>
  );
}
