/**
 * One card of the 违规发现 page: one kind of conduct (rule), with what happened in one sentence, who did it, the rule in
 * plain words, how binding it is, and, collapsed: the events behind it, where to report it, and its sources (出处).
 */
import { useState } from 'react';
import { Button, Card, Collapse, Flex, Tag, Typography } from 'antd';
import type { FindingCardCitation, FindingCardView } from '../../../../src/shared/findings.js';
import { isAbusive, SensitiveText, VerifiedNote } from '../common.js';
import { LabelTags } from '../LabelTags.js';
import { useI18n, type MsgKey } from '../../i18n/index.js';
import { formatAt, formatDate, formatDuration } from '../../lib/format.js';
import { navigate } from '../../lib/route.js';
import { Rich } from './Rich.js';

const SEV_RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };
const SEV_COLOR: Record<string, string> = { critical: 'red', high: 'volcano', medium: 'orange', low: 'default' };

function noIds(): ReadonlySet<number> {
  return new Set();
}

function CardEvents({ card }: { card: FindingCardView }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(noIds);
  return (
    <div>
      <ul className="finding-events">
        {card.events.map((e) => (
          <li key={e.id} data-event={e.id}>
            <div className="muted small">
              <time dateTime={e.at}>{formatAt(e.at)}</time> · {e.collector_name ?? e.contact_name ?? e.number ?? ''} <LabelTags labels={e.labels} />
            </div>
            {e.text ? (
              <SensitiveText text={e.text} spans={e.spans} hidden={isAbusive(e.labels) && !revealed.has(e.id)} onReveal={() => setRevealed((s) => new Set(s).add(e.id))} />
            ) : e.kind === 'call' ? (
              <span>
                {e.call_status === 'answered' ? t('fc.events.callAnswered', { d: formatDuration(e.duration_s) }) : t('fc.events.call')}
                {e.call_status && e.call_status !== 'answered' ? <span className="muted"> · {t(`tl.status.${e.call_status}` as MsgKey)}</span> : null}
              </span>
            ) : (
              <span className="muted">{t(`kind.${e.kind}` as MsgKey)}</span>
            )}
          </li>
        ))}
      </ul>
      {card.events_total > card.events.length ? <p className="muted small">{t('fc.events.more', { shown: card.events.length, n: card.events_total })}</p> : null}
    </div>
  );
}

function SourceList({ items }: { items: FindingCardCitation[] }) {
  const { lang } = useI18n();
  const en = lang === 'en';
  return (
    <ul className="cite-list">
      {items.map((c) => (
        <li key={c.id} data-citation={c.id}>
          <div className="cite-head">
            <strong>{en ? c.title_en : c.title}</strong> <VerifiedNote verified={c.verified} />
          </div>
          <div className="muted small cite-binding">
            <Rich value={c.binding} />
          </div>
          <Typography.Paragraph className="cite-excerpt">{en ? c.excerpt_en : c.excerpt}</Typography.Paragraph>
        </li>
      ))}
    </ul>
  );
}

export function FindingCard({ card, rank }: { card: FindingCardView; rank: number }) {
  const { t, pick } = useI18n();
  const period = card.from ? (card.to && card.to !== card.from ? `${formatDate(card.from)} — ${formatDate(card.to)}` : formatDate(card.from)) : null;
  const lenders = card.lenders.filter((l) => l.name).map((l) => l.name!);
  const who = card.collectors.map((c) => (c.numbers.length && !c.name.includes(c.numbers[0]!) ? `${c.name}（${c.numbers.join('、')}）` : c.name));
  return (
    <Card className={`finding-card sev-${SEV_RANK[card.severity] ?? 0}`} data-rule={card.rule} title={<h2 className="card-h">{`${rank}. ${pick(card.title)}`}</h2>}>
      <p className="finding-sentence">
        <Rich value={card.sentence} />
      </p>
      <Flex gap={6} wrap className="finding-tags">
        <Tag color={SEV_COLOR[card.severity]}>{t(`fc.sev.${card.severity}` as MsgKey)}</Tag>
        {period ? <Tag>{period}</Tag> : null}
      </Flex>
      {who.length || lenders.length ? (
        <p className="finding-who">
          {who.length ? (
            <span>
              <strong>{t('fc.who')}</strong>
              {who.join('；')}
            </span>
          ) : null}
          {lenders.length ? (
            <span className="finding-lenders">
              {' '}
              <strong>{t('fc.lenders')}</strong>
              {lenders.join('、')}
            </span>
          ) : null}
        </p>
      ) : null}
      <p className="rule-text">
        <strong>{t('findings.ruleText')}</strong>
        <Rich value={card.rule_plain} />
      </p>
      <p className="tier-explain">
        <strong>{t('findings.tier')}</strong>
        <Rich value={card.binding.words} />
      </p>
      {card.notes.map((n, i) => (
        <p key={i} className="muted small finding-note">
          <Rich value={n} />
        </p>
      ))}
      <Collapse
        size="small"
        items={[
          ...(card.events_total ? [{ key: 'events', label: t('findings.events', { n: card.events_total }), children: <CardEvents card={card} /> }] : []),
          {
            key: 'where',
            label: t('findings.where'),
            children: card.channels.length ? (
              <ul className="channels">
                {card.channels.map((c) => (
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
          {
            key: 'sources',
            label: card.other_citations.length ? t('fc.sources.withOther', { n: card.citations.length, m: card.other_citations.length }) : t('fc.sources', { n: card.citations.length }),
            children: (
              <div className="finding-sources">
                {card.citations.length ? <SourceList items={card.citations} /> : <p className="muted">{t('fc.sources.none')}</p>}
                {card.other_citations.length ? (
                  <>
                    <h4 className="sub-h">{t('fc.sources.other')}</h4>
                    <SourceList items={card.other_citations} />
                  </>
                ) : null}
              </div>
            ),
          },
        ]}
      />
      <Flex gap={8} wrap className="finding-actions">
        <Button type="primary" onClick={() => navigate('documents', { finding: card.rule })}>
          {t('findings.makeDoc')}
        </Button>
        <Button onClick={() => navigate('evidence')}>{t('findings.evidence')}</Button>
      </Flex>
    </Card>
  );
}
