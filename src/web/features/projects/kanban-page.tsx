import { MoreOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Empty, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatYi } from '../../../domain/amount.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import { checkStageMove, requiredEvidence } from '../../../domain/stages.ts';
import { canOpen, useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AmountText } from '../../ui/figure-text.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { fetchProjects, fetchSummary, type Project } from './api.ts';
import { STAGE_HEX, STAGE_LABELS, STAGES, type Stage } from './labels.ts';
import { StageMoveModal } from './stage-move-modal.tsx';

const PER_COLUMN = 30;

/** Whether the lifecycle allows the move at all (dates and documents are asked for afterwards). */
function structuralCheck(from: Stage, to: Stage) {
  const today = chinaToday();
  const needed = requiredEvidence(to);
  return checkStageMove({
    from,
    to,
    on: today,
    today,
    reason: to === 'dropped' ? 'check' : undefined,
    evidenceKinds: needed ? [needed] : [],
  });
}

export default function ProjectKanbanPage() {
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = canOpen(user, 'projectWrite');
  const [move, setMove] = useState<{ project: Project; to: Stage } | null>(null);
  const [dragOver, setDragOver] = useState<Stage | null>(null);
  const summary = useQuery({ queryKey: ['projects-summary'], queryFn: fetchSummary });
  const columns = useQueries({
    queries: STAGES.map((stage) => ({
      queryKey: ['projects', 'kanban', stage],
      queryFn: () => fetchProjects(`?stage=${stage}&limit=${PER_COLUMN}&sort=updatedAt&order=desc`),
    })),
  });
  const byId = new Map(columns.flatMap((column) => column.data?.items ?? []).map((p) => [p.id, p]));

  function requestMove(project: Project, to: Stage) {
    const check = structuralCheck(project.stage, to);
    if (!check.ok) {
      message.error(pick(check.error.zh, check.error.en));
      return;
    }
    setMove({ project, to });
  }

  if (summary.error) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  const label = (stage: Stage) => pick(STAGE_LABELS[stage].zh, STAGE_LABELS[stage].en);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('project.kanbanTitle')}
      </Typography.Title>
      {canWrite && <Typography.Paragraph type="secondary">{t('project.kanbanHint')}</Typography.Paragraph>}
      <div
        style={{
          display: 'grid',
          // All eight stages fit a 1440 px screen; narrower windows scroll sideways.
          gridTemplateColumns: `repeat(${STAGES.length}, minmax(132px, 1fr))`,
          gap: 6,
          overflowX: 'auto',
          paddingBottom: 8,
        }}
      >
        {STAGES.map((stage, index) => {
          const column = columns[index];
          const stats = summary.data?.byStage.find((s) => s.stage === stage);
          const items = column?.data?.items ?? [];
          return (
            <section
              key={stage}
              data-testid={`kanban-column-${stage}`}
              aria-label={label(stage)}
              onDragOver={(event) => {
                if (!canWrite) return;
                event.preventDefault();
                setDragOver(stage);
              }}
              onDragLeave={() => setDragOver((current) => (current === stage ? null : current))}
              onDrop={(event) => {
                event.preventDefault();
                setDragOver(null);
                const project = byId.get(event.dataTransfer.getData('text/plain'));
                if (project && project.stage !== stage) requestMove(project, stage);
              }}
              style={{
                background: dragOver === stage ? '#fff1f0' : '#f5f5f5',
                borderRadius: 8,
                padding: 4,
                display: 'flex',
                flexDirection: 'column',
                height: 'calc(100vh - 230px)',
                minHeight: 420,
                border: dragOver === stage ? '1px dashed #b7232d' : '1px solid transparent',
              }}
            >
              <div
                style={{ padding: '4px 4px 8px', borderTop: `3px solid ${STAGE_HEX[stage]}` }}
                data-testid={`kanban-header-${stage}`}
              >
                <Typography.Text strong>{label(stage)}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {stats ? (
                    <>
                      {t('project.kanbanCount', { count: stats.count.toLocaleString(locale) })}
                      <br />
                      <AmountText>{formatYi(stats.investmentYuan, locale)}</AmountText>
                    </>
                  ) : (
                    ' '
                  )}
                </Typography.Text>
              </div>
              {/* Each column scrolls on its own, so the board stays one screen high. */}
              <div style={{ overflowY: 'auto', flex: 1, paddingRight: 2 }}>
                {column?.isLoading && <Card loading size="small" />}
                {!column?.isLoading && items.length === 0 && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
                )}
                {items.map((project) => (
                  <Card
                    key={project.id}
                    size="small"
                    draggable={canWrite}
                    onDragStart={(event) => event.dataTransfer.setData('text/plain', project.id)}
                    style={{ marginBottom: 8, cursor: canWrite ? 'grab' : 'default' }}
                    styles={{ body: { padding: '6px 4px 6px 8px' } }}
                    data-testid={`kanban-card-${project.code}`}
                  >
                    <div style={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
                      <Link
                        to={`/projects/${project.id}`}
                        style={{
                          flex: 1,
                          minWidth: 0,
                          fontSize: 13,
                          fontWeight: 500,
                          lineHeight: 1.4,
                          overflowWrap: 'break-word',
                        }}
                      >
                        {pick(project.nameZh, project.nameEn)}
                      </Link>
                      {canWrite && (
                        <Dropdown
                          menu={{
                            items: STAGES.filter((s) => s !== stage).map((s) => ({
                              key: s,
                              label: `${t('project.moveTo')} ${label(s)}`,
                              disabled: !structuralCheck(project.stage, s).ok,
                            })),
                            onClick: ({ key }) => requestMove(project, key as Stage),
                          }}
                        >
                          <Button
                            type="text"
                            size="small"
                            icon={<MoreOutlined />}
                            style={{ width: 20, minWidth: 20 }}
                            aria-label={t('project.moveStage')}
                          />
                        </Dropdown>
                      )}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {pick(project.region.nameZh, project.region.nameEn)}
                      <br />
                      <AmountText>
                        {locale === 'zh-CN' ? project.investment.displayZh : project.investment.displayEn}
                      </AmountText>
                    </Typography.Text>
                  </Card>
                ))}
                {stats && stats.count > items.length && (
                  <Link to={`/projects?stage=${stage}`} style={{ fontSize: 12 }}>
                    {t('project.kanbanMore', { count: (stats.count - items.length).toLocaleString(locale) })}
                  </Link>
                )}
              </div>
            </section>
          );
        })}
      </div>
      {move && (
        <StageMoveModal
          project={move.project}
          to={move.to}
          onClose={() => setMove(null)}
          onMoved={(moved) => {
            setMove(null);
            message.success(t('project.moved', { stage: label(moved.stage) }));
            void queryClient.invalidateQueries({ queryKey: ['projects'] });
            void queryClient.invalidateQueries({ queryKey: ['projects-summary'] });
          }}
        />
      )}
    </div>
  );
}
