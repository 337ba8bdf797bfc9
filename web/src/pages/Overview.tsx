/** 总览: the next three things to do, the debts at a glance, this week's collection activity. */
import { Button, Card, Col, Flex, Row, Statistic } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { ApiError, get } from '../api/client.js';
import { call } from '../api/typed.js';
import type { Overview as OverviewData, PageKey } from '../api/types.js';
import { Chart } from '../components/Chart.js';
import { ErrorNotice, Limits, Loading, PageHeader } from '../components/common.js';
import { useI18n, type MsgKey } from '../i18n/index.js';
import { formatYuan } from '../lib/money.js';
import { navigate } from '../lib/route.js';
import { useApi } from '../lib/useApi.js';
import { FollowUpSummary } from '../components/FollowUpSummary.js';

/** What a new person sees when the overview route is not available yet: the standard first steps. */
const FIRST_STEPS: { title: MsgKey; detail: MsgKey; page: PageKey }[] = [
  { title: 'overview.step.import.title', detail: 'overview.step.import.detail', page: 'import' },
  { title: 'overview.step.loans.title', detail: 'overview.step.loans.detail', page: 'loans' },
  { title: 'overview.step.contacts.title', detail: 'overview.step.contacts.detail', page: 'contacts' },
];

export default function Overview() {
  const { t, pick } = useI18n();
  const res = useApi((signal) => call('GET /overview', { signal }), []);
  const missingRoute = res.error instanceof ApiError && res.error.status === 404;

  // The server ranks what to do next (higher priority first); when it has fewer than three, the
  // standard first steps fill the list (never twice for the same page).
  const ranked = [...(res.data?.next ?? [])].sort((a, b) => b.priority - a.priority).map((n) => ({ key: n.id, title: pick(n.title), detail: pick(n.detail), page: n.page }));
  const fill = FIRST_STEPS.filter((s) => !ranked.some((r) => r.page === s.page)).map((s) => ({ key: `first-${s.page}`, title: t(s.title), detail: t(s.detail), page: s.page }));
  const steps = (res.loading && !res.data ? [] : [...ranked, ...fill]).slice(0, 3);

  const week = res.data?.week;
  const byDay = week?.by_day ?? [];
  const chart = {
    grid: { left: 36, right: 12, top: 36, bottom: 28 },
    legend: { data: [t('overview.chart.calls'), t('overview.chart.messages')], top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: byDay.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('overview.chart.calls'), type: 'bar', stack: 'a', data: byDay.map((d) => d.calls), itemStyle: { color: '#1d6770' } },
      { name: t('overview.chart.messages'), type: 'bar', stack: 'a', data: byDay.map((d) => d.messages), itemStyle: { color: '#d48806' } },
    ],
  };

  return (
    <div className="page page-overview">
      <PageHeader title={t('overview.title')} sub={t('overview.sub')} />
      {res.loading && !res.data ? <Loading /> : null}
      {res.error && !missingRoute ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}

      <section aria-labelledby="next-h">
        <h2 id="next-h" className="section-title">
          {t('overview.next')}
        </h2>
        <ol className="next-steps">
          {steps.map((s, i) => (
            <li key={s.key}>
              <Card size="small" className="next-card">
                <Flex gap={12} align="flex-start">
                  <span className="step-no" aria-hidden="true">
                    {i + 1}
                  </span>
                  <div className="grow">
                    <h3 className="next-title">{s.title}</h3>
                    <p className="muted">{s.detail}</p>
                  </div>
                  <Button type={i === 0 ? 'primary' : 'default'} onClick={() => navigate(s.page)} aria-label={`${t('overview.go')}: ${s.title}`}>
                    {t('overview.go')} <RightOutlined />
                  </Button>
                </Flex>
              </Card>
            </li>
          ))}
        </ol>
      </section>
      <FollowUpSummary />

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-h">{t('overview.debts')}</h2>} size="small">
            {res.data ? (
              <Flex gap={24} wrap>
                <Statistic title={t('overview.debts.loans')} value={res.data.debts.loans} />
                <Statistic title={t('overview.debts.over')} value={res.data.debts.over_line} styles={{ content: res.data.debts.over_line ? { color: '#a8071a' } : undefined }} />
                <Statistic title={t('overview.debts.excess')} value={formatYuan(res.data.debts.total_excess_fen)} suffix={t('common.yuan')} />
              </Flex>
            ) : (
              <p className="muted">{t('overview.debts.empty')}</p>
            )}
            <Button type="link" className="link-inline" onClick={() => navigate('loans')}>
              {t('overview.debts.go')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-h">{t('overview.week')}</h2>} size="small">
            {week ? (
              <>
                <Flex gap={24} wrap>
                  <Statistic title={t('overview.week.calls')} value={week.calls} />
                  <Statistic title={t('overview.week.messages')} value={week.messages} />
                  <Statistic title={t('overview.week.collection')} value={week.collection} />
                </Flex>
                {byDay.length ? <Chart option={chart} height={200} label={t('overview.chart.label')} /> : null}
              </>
            ) : (
              <p className="muted">{t('overview.week.empty')}</p>
            )}
            <Button type="link" className="link-inline" onClick={() => navigate('timeline')}>
              {t('overview.week.go')}
            </Button>
          </Card>
        </Col>
      </Row>
      <Card size="small" className="calm-card">
        <p>{t('overview.calm')}</p>
      </Card>
      <Limits />
    </div>
  );
}
