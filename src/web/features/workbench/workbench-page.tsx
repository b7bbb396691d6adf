import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatYi } from '../../../domain/amount.ts';
import { isAtOrBeyond } from '../../../domain/stages.ts';
import { useSession } from '../../app/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { Chart, type ChartOption } from '../../ui/chart.tsx';
import { ErrorState } from '../../ui/status-pages.tsx';
import { fetchSummary } from '../projects/api.ts';
import { STAGE_HEX, STAGE_LABELS } from '../projects/labels.ts';
import { StageTag } from '../projects/stage-tag.tsx';

/** The start page: the region's pipeline at a glance, this month's moves and what needs attention. */
export default function WorkbenchPage() {
  const { t, pick, locale } = useLocale();
  const { user } = useSession();
  const summary = useQuery({ queryKey: ['projects-summary'], queryFn: fetchSummary });
  const data = summary.data;

  const option = useMemo<ChartOption>(() => {
    const stages = data?.byStage ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('workbench.totalProjects'), t('workbench.totalInvestment')] },
      grid: { left: 48, right: 64, top: 48, bottom: 36 },
      xAxis: {
        type: 'category',
        axisLabel: { interval: 0 },
        data: stages.map((s) => pick(STAGE_LABELS[s.stage].zh, STAGE_LABELS[s.stage].en)),
      },
      yAxis: [
        { type: 'value', name: t('workbench.totalProjects') },
        { type: 'value', name: locale === 'zh-CN' ? '亿元' : 'RMB 100M' },
      ],
      series: [
        {
          name: t('workbench.totalProjects'),
          type: 'bar',
          data: stages.map((s) => ({ value: s.count, itemStyle: { color: STAGE_HEX[s.stage] } })),
        },
        {
          name: t('workbench.totalInvestment'),
          type: 'bar',
          yAxisIndex: 1,
          data: stages.map((s) => Math.round(s.investmentYuan / 1e6) / 100),
          itemStyle: { color: '#b7232d', opacity: 0.35 },
        },
      ],
    };
  }, [data, t, pick, locale]);

  if (summary.error) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  const live = data?.byStage.filter((s) => s.stage !== 'dropped') ?? [];
  const total = live.reduce((sum, s) => sum + s.count, 0);
  const investment = live.reduce((sum, s) => sum + s.investmentYuan, 0);
  const signed = live.filter((s) => isAtOrBeyond(s.stage, 'signed')).reduce((sum, s) => sum + s.count, 0);
  const limits = data?.thresholds;

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('workbench.greeting', { name: user?.displayName ?? '' })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card loading={summary.isLoading}>
            <Statistic
              title={t('workbench.totalProjects')}
              value={total}
              suffix={t('workbench.count')}
              data-testid="stat-projects"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card loading={summary.isLoading}>
            <Statistic title={t('workbench.totalInvestment')} value={formatYi(investment, locale)} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card loading={summary.isLoading}>
            <Statistic title={t('workbench.signedProjects')} value={signed} suffix={t('workbench.count')} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('workbench.pipeline')} loading={summary.isLoading}>
            <Chart option={option} testId="pipeline-chart" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.monthChanges')} loading={summary.isLoading}>
            {data?.monthChanges.length ? (
              <List
                size="small"
                dataSource={data.monthChanges}
                renderItem={(change) => (
                  <List.Item extra={<Typography.Text type="secondary">{change.occurredOn}</Typography.Text>}>
                    <Link to={`/projects/${change.projectId}`}>{pick(change.nameZh, change.nameEn)}</Link>
                    <span style={{ marginLeft: 8 }}>
                      {change.fromStage && <StageTag stage={change.fromStage} />}→{' '}
                      <StageTag stage={change.toStage} />
                    </span>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noChanges')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.attention')} loading={summary.isLoading}>
            {data?.attention.length && limits ? (
              <List
                size="small"
                dataSource={data.attention}
                renderItem={(item) => {
                  const limit = {
                    signed_not_registered: limits.signedNotRegistered,
                    registered_not_started: limits.registeredNotStarted,
                    negotiation_stalled: limits.negotiationStalled,
                  }[item.reason];
                  return (
                    <List.Item>
                      <Link to={`/projects/${item.projectId}`}>{pick(item.nameZh, item.nameEn)}</Link>
                      <Tag color="warning" style={{ marginLeft: 8 }}>
                        {t(`workbench.reason.${item.reason}`, { days: item.days, limit })}
                      </Tag>
                    </List.Item>
                  );
                }}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noAttention')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
