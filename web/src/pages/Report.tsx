/**
 * 证据报告 (issue 16): the case at a glance for a lawyer, the police or a regulator: calls and messages per day, the
 * night-contact and flood tables, contacts reached, collectors, findings, the evidence chain head; and the PDF.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download, get } from '../api/client.js';
import { call } from '../api/typed.js';
import type { ReportData } from '../api/followup.js';
import { Chart } from '../components/Chart.js';
import { ErrorNotice, Loading, PageHeader } from '../components/common.js';
import { useI18n } from '../i18n/index.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

export default function Report(_props: PageProps) {
  const { t, pick, lang } = useI18n();
  const res = useApi((signal) => call('GET /report', { query: { lang: lang === 'en' ? 'en' : 'zh' }, signal }), [lang]);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const r = res.data;

  const pdf = async () => {
    setErr(null);
    setBusy(true);
    try {
      await download('GET', `/api/report/pdf?lang=${lang === 'en' ? 'en' : 'zh'}`, undefined, 'evidence-report.pdf');
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };

  const chart = r
    ? {
        grid: { left: 36, right: 12, top: 36, bottom: 28 },
        legend: { data: [t('rep.chart.calls'), t('rep.chart.messages')], top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: r.days.map((d) => d.date.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('rep.chart.calls'), type: 'bar', stack: 'a', data: r.days.map((d) => d.calls), itemStyle: { color: '#1d6770' } },
          { name: t('rep.chart.messages'), type: 'bar', stack: 'a', data: r.days.map((d) => d.messages), itemStyle: { color: '#d48806' } },
        ],
      }
    : null;

  return (
    <div className="page page-report">
      <PageHeader
        title={t('rep.title')}
        sub={t('rep.sub')}
        extra={
          <Button type="primary" icon={<DownloadOutlined />} onClick={pdf} loading={busy}>
            {t('rep.pdf')}
          </Button>
        }
      />
      {err ? <ErrorNotice error={err} compact /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <p>
            <strong>{r.period ? t('rep.period', { from: r.period.from, to: r.period.to }) : t('rep.noPeriod')}</strong>
          </p>
          <Row gutter={[12, 12]}>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('rep.totals.calls')} value={r.totals.calls} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('rep.totals.messages')} value={r.totals.messages} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('rep.totals.night')} value={r.totals.nightContacts} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('rep.totals.flood')} value={r.totals.floodDays} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('rep.totals.contacts')} value={r.totals.contactsReached} />
            </Col>
          </Row>

          <Card title={t('rep.chain')} size="small" style={{ marginTop: 16 }}>
            {r.chain.head ? (
              <>
                <p>{t('rep.chain.text', { n: r.chain.count })}</p>
                <code className="hash" style={{ wordBreak: 'break-all' }}>{r.chain.head}</code>
              </>
            ) : (
              <p>{t('rep.chain.none')}</p>
            )}
            {!r.chain.ok ? <Alert type="error" showIcon message={t('rep.chain.bad')} /> : null}
          </Card>

          <h2 className="section-title">{t('rep.chart')}</h2>
          {r.days.length && chart ? <Chart option={chart} label={t('rep.chart')} /> : <Empty description={t('rep.noPeriod')} />}

          <h2 className="section-title">{t('rep.night')}</h2>
          <Table
            size="small"
            pagination={false}
            rowKey="date"
            locale={{ emptyText: t('rep.none') }}
            dataSource={r.night}
            scroll={{ x: true }}
            columns={[
              { title: t('rep.col.date'), dataIndex: 'date' },
              { title: t('rep.col.calls'), dataIndex: 'calls' },
              { title: t('rep.col.messages'), dataIndex: 'messages' },
              { title: t('rep.col.times'), render: (_: unknown, x: ReportData['night'][number]) => x.times.join(' ') },
              { title: t('rep.col.collectors'), render: (_: unknown, x: ReportData['night'][number]) => x.collectors.join(', ') },
            ]}
          />

          <h2 className="section-title">{t('rep.flood')}</h2>
          <Table
            size="small"
            pagination={false}
            rowKey={(x) => `${x.date}-${x.collector}`}
            locale={{ emptyText: t('rep.none') }}
            dataSource={r.flood}
            scroll={{ x: true }}
            columns={[
              { title: t('rep.col.date'), dataIndex: 'date' },
              { title: t('rep.col.collector'), dataIndex: 'collector' },
              { title: t('rep.col.calls'), dataIndex: 'calls' },
              { title: t('rep.col.answered'), dataIndex: 'answered' },
              { title: t('rep.col.messages'), dataIndex: 'messages' },
            ]}
          />

          <h2 className="section-title">{t('rep.contacts')}</h2>
          <Table
            size="small"
            pagination={false}
            rowKey={(x) => `${x.name}-${x.first}`}
            locale={{ emptyText: t('rep.none') }}
            dataSource={r.contacts}
            scroll={{ x: true }}
            columns={[
              { title: t('rep.col.name'), dataIndex: 'name' },
              { title: t('rep.col.relation'), dataIndex: 'relation' },
              { title: t('rep.col.times.n'), dataIndex: 'times' },
              { title: t('rep.col.first'), dataIndex: 'first' },
              { title: t('rep.col.last'), dataIndex: 'last' },
            ]}
          />

          <h2 className="section-title">{t('rep.collectors')}</h2>
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            locale={{ emptyText: t('rep.none') }}
            dataSource={r.collectors}
            scroll={{ x: true }}
            columns={[
              { title: t('rep.col.name'), dataIndex: 'name' },
              { title: t('rep.col.numbers'), render: (_: unknown, x: ReportData['collectors'][number]) => x.numbers.join(' ') },
              { title: t('rep.col.lender'), dataIndex: 'lender' },
              { title: t('rep.col.calls'), dataIndex: 'calls' },
              { title: t('rep.col.messages'), dataIndex: 'messages' },
            ]}
          />

          <h2 className="section-title">{t('rep.findings')}</h2>
          {r.findings.length ? (
            <ol className="rep-findings">
              {r.findings.map((f, i) => (
                <li key={`${f.rule}-${i}`}>
                  <strong>{pick(f.title)}</strong> <small>{pick(f.tier)}</small>
                  <p>{pick(f.summary)}</p>
                  {f.citations.length ? <small>{f.citations.join(lang === 'en' ? '; ' : '；')}</small> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('rep.none')}</p>
          )}
        </>
      ) : null}
    </div>
  );
}
