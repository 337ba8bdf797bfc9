/**
 * 违规发现: what the collectors did that breaks a rule, most serious first; each with its events, the rule
 * in plain Chinese, how binding its source is, and where to report it.
 */
import { useState } from 'react';
import { Button, Card, Collapse, Empty, Flex, Tag } from 'antd';
import { get, query } from '../api/client.js';
import type { EventView, FindingView } from '../api/types.js';
import { Citations, ErrorNotice, isAbusive, Limits, Loading, PageHeader, SensitiveText, TierTag } from '../components/common.js';
import { useI18n } from '../i18n/index.js';
import { formatAt, formatDate } from '../lib/format.js';
import { navigate } from '../lib/route.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';
import { LabelTags } from '../components/LabelTags.js';

const SEVERITY_RANK: Record<string, number> = { critical: 4, high: 3, serious: 3, medium: 2, moderate: 2, low: 1, info: 0 };

export function severityRank(s: number | string): number {
  return typeof s === 'number' ? s : (SEVERITY_RANK[s] ?? 0);
}

function FindingEvents({ f }: { f: FindingView }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<Set<number>>(() => new Set());
  const ids = new Set(f.events);
  const res = useApi(async (signal) => {
    // Events in the finding's period; the finding lists which ones prove it.
    const from = f.from ? formatDate(f.from) : undefined;
    const to = f.to ? formatDate(f.to) : undefined;
    const all = await get<EventView[]>(`/api/events${query({ from, to, limit: 200000 })}`, { signal });
    return all.filter((e) => ids.has(e.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [f.rule, f.from, f.to]);
  const events = res.data ?? [];
  const shown = events.slice(0, 50);
  if (res.loading) return <p className="muted">{t('common.loading')}</p>;
  if (res.error) return <ErrorNotice error={res.error} onRetry={res.reload} compact />;
  return (
    <div>
      <ul className="finding-events">
        {shown.map((e) => (
          <li key={e.id}>
            <div className="muted small">
              {formatAt(e.at)} · {e.collector_name ?? e.contact_name ?? e.number ?? ''} <LabelTags labels={e.labels} />
            </div>
            {e.text ? (
              <SensitiveText text={e.text} spans={e.spans} hidden={isAbusive(e.labels) && !revealed.has(e.id)} onReveal={() => setRevealed((s) => new Set(s).add(e.id))} />
            ) : (
              <span className="muted">{t(`kind.${e.kind}` as 'kind.call')}</span>
            )}
          </li>
        ))}
      </ul>
      {events.length > shown.length ? <p className="muted small">{t('findings.events.more', { n: events.length - shown.length })}</p> : null}
    </div>
  );
}

function FindingCard({ f, rank }: { f: FindingView; rank: number }) {
  const { t, pick } = useI18n();
  const sev = severityRank(f.severity);
  return (
    <Card className={`finding-card sev-${sev}`} data-rule={f.rule} title={<h2 className="card-h">{`${rank}. ${pick(f.title)}`}</h2>}>
      <Flex gap={6} wrap className="finding-tags">
        <TierTag tier={f.tier} label={f.tier_label} />
        <Tag>{t('findings.count', { n: f.count })}</Tag>
        {f.from ? <Tag>{f.to && formatDate(f.to) !== formatDate(f.from) ? `${formatDate(f.from)} — ${formatDate(f.to)}` : formatDate(f.from)}</Tag> : null}
      </Flex>
      <p className="finding-summary">{pick(f.summary)}</p>
      {f.description && pick(f.description) ? (
        <p className="rule-text">
          <strong>{t('findings.ruleText')}</strong>
          {pick(f.description)}
        </p>
      ) : null}
      <p className="tier-explain">
        <strong>{t('findings.tier')}</strong>
        {pick(f.tier_explain)}
      </p>
      <Collapse
        size="small"
        items={[
          { key: 'events', label: t('findings.events', { n: f.events.length }), children: <FindingEvents f={f} /> },
          {
            key: 'where',
            label: t('findings.where'),
            children: f.channels.length ? (
              <ul className="channels">
                {f.channels.map((c) => (
                  <li key={c.id}>
                    <strong>{pick(c.name)}</strong>
                    {c.contact ? <span> · {c.contact}</span> : null}
                    {c.handles && pick(c.handles) ? <div className="muted small">{pick(c.handles)}</div> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('findings.where.none')}</p>
            ),
          },
        ]}
      />
      <Citations items={f.citations} title={t('findings.rule', { n: f.citations.length })} />
      <Flex gap={8} wrap className="finding-actions">
        <Button type="primary" onClick={() => navigate('documents', { finding: f.rule })}>
          {t('findings.makeDoc')}
        </Button>
        <Button onClick={() => navigate('evidence')}>{t('findings.evidence')}</Button>
      </Flex>
    </Card>
  );
}

export default function Findings(_props: PageProps) {
  const { t } = useI18n();
  const res = useApi((signal) => get<FindingView[]>('/api/findings', { signal }), []);
  const list = [...(res.data ?? [])].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.count - a.count);
  return (
    <div className="page page-findings">
      <PageHeader title={t('findings.title')} sub={t('findings.sub')} />
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {res.data && !list.length ? (
        <Card>
          <Empty description={t('findings.empty')}>
            <Button onClick={() => navigate('import')}>{t('findings.empty.import')}</Button>
          </Empty>
        </Card>
      ) : null}
      {list.length ? <p className="muted">{t('findings.intro', { n: list.length })}</p> : null}
      <div className="finding-list">
        {list.map((f, i) => (
          <FindingCard key={`${f.rule}-${i}`} f={f} rank={i + 1} />
        ))}
      </div>
      <Limits extra="limits.findings" />
    </div>
  );
}
