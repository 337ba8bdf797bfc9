/** Small shared pieces: page titles, errors in plain words, the "what this app can and cannot do" notice, citations. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Collapse, Flex, Tag, Typography } from 'antd';
import { ApiError } from '../api/client.js';
import type { CitationView, Text2 } from '../api/types.js';
import { useI18n, type I18n, type MsgKey } from '../i18n/index.js';

export function PageHeader({ title, sub, extra }: { title: string; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <header className="page-header">
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div>
          <h1 className="page-title">{title}</h1>
          {sub ? <p className="page-sub">{sub}</p> : null}
        </div>
        {extra}
      </Flex>
    </header>
  );
}

export interface ErrorText {
  title: string;
  detail: string;
  next: string;
}

/** An error as a person should read it: what happened, and what to do next. */
export function describeError(e: unknown, { t }: Pick<I18n, 't'>): ErrorText {
  const detail = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  if (e instanceof ApiError) {
    const code = e.code;
    if (code === 'NETWORK') return { title: t('err.network.title'), detail, next: t('err.network.next') };
    // The launch key is missing or from an earlier run (guard.ts): only the printed address helps.
    if (code === 'NEED_KEY') return { title: t('err.key.title'), detail: '', next: t('err.key.next') };
    if (code === 'ABORTED') return { title: t('err.aborted.title'), detail: '', next: t('err.aborted.next') };
    if (code === 'IMPORT_FAILED') return { title: t('err.import.title'), detail, next: t('err.import.next') };
    if (code === 'BAD_INPUT' || code === 'FST_ERR_VALIDATION' || code === 'VALIDATION' || e.status === 400 || e.status === 422) {
      return { title: t('err.input.title'), detail, next: t('err.input.next') };
    }
    if (code === 'CONFLICT' || e.status === 409) return { title: t('err.conflict.title'), detail, next: t('err.conflict.next') };
    if (e.status === 404 && /no such endpoint/i.test(e.message)) return { title: t('err.missing.title'), detail, next: t('err.missing.next') };
    if (code === 'NOT_FOUND' || e.status === 404) return { title: t('err.notfound.title'), detail, next: t('err.notfound.next') };
    if (code === 'LOCKED' || code === 'PASSPHRASE' || e.status === 423 || e.status === 401) return { title: t('err.locked.title'), detail, next: t('err.locked.next') };
    if (e.status === 413) return { title: t('err.toolarge.title'), detail, next: t('err.toolarge.next') };
  }
  return { title: t('err.internal.title'), detail, next: t('err.internal.next') };
}

export function ErrorNotice({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const i18n = useI18n();
  if (!error) return null;
  const d = describeError(error, i18n);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="error-notice"
      title={d.title}
      description={
        <div>
          <p className="error-next">{d.next}</p>
          {d.detail && !compact ? (
            <p className="error-detail">
              {i18n.t('err.detail')}
              {d.detail}
            </p>
          ) : null}
          {onRetry ? (
            <Button size="small" onClick={onRetry}>
              {i18n.t('common.retry')}
            </Button>
          ) : null}
        </div>
      }
    />
  );
}

/**
 * On every page that produces something: what the app can and cannot do, and a warning about paid
 * "anti-collection" agents. `extra` adds a page-specific sentence.
 */
export function Limits({ extra }: { extra?: MsgKey }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="limits" aria-label={t('limits.title')}>
      <Alert
        type="warning"
        showIcon
        title={t('limits.agents.title')}
        description={
          <div>
            <p>{t('limits.agents.body')}</p>
            <Button type="link" size="small" className="link-inline" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
              {open ? t('limits.hide') : t('limits.show')}
            </Button>
            {open ? (
              <div className="limits-body">
                <p>
                  <strong>{t('limits.can.title')}</strong>
                  {t('limits.can.body')}
                </p>
                <p>
                  <strong>{t('limits.cannot.title')}</strong>
                  {t('limits.cannot.body')}
                </p>
                {extra ? <p>{t(extra)}</p> : null}
                <p>{t('limits.never')}</p>
              </div>
            ) : null}
          </div>
        }
      />
    </section>
  );
}

const TIER_COLOR: Record<string, string> = {
  statute: 'red',
  judicial_interpretation: 'volcano',
  administrative_regulation: 'orange',
  regulation: 'blue',
  normative_document: 'geekblue',
  national_standard: 'cyan',
  industry_guideline: 'default',
};

export function TierTag({ tier, label }: { tier: string | null; label?: Text2 | string | null }) {
  const { pick, t } = useI18n();
  if (!tier && !label) return null;
  return <Tag color={TIER_COLOR[tier ?? ''] ?? 'default'}>{label ? pick(label) : t('tier.unknown')}</Tag>;
}

function isVerified(v: string | boolean | null | undefined): boolean {
  return v === true || (typeof v === 'string' && v.startsWith('verified'));
}

export function VerifiedNote({ verified }: { verified: string | boolean | null | undefined }) {
  const { t } = useI18n();
  return isVerified(verified) ? <Tag color="green">{t('cite.verified')}</Tag> : <Tag>{t('cite.unverified')}</Tag>;
}

export function Citations({ items, title }: { items: CitationView[]; title?: string }) {
  const { t, pick, lang } = useI18n();
  if (!items.length) return null;
  const en = lang === 'en';
  return (
    <Collapse
      size="small"
      className="citations"
      items={[
        {
          key: 'c',
          label: title ?? t('cite.title', { n: items.length }),
          children: (
            <ul className="cite-list">
              {items.map((c) => (
                <li key={c.id}>
                  <div className="cite-head">
                    <strong>{en && c.title_en ? c.title_en : c.title}</strong> <TierTag tier={c.tier} label={c.tier_label} /> <VerifiedNote verified={c.verified} />
                  </div>
                  <Typography.Paragraph className="cite-excerpt">
                    {c.excerpt_is_summary ? <span className="muted">{t('cite.summary')}</span> : null}
                    {en && c.excerpt_en ? c.excerpt_en : pick(c.excerpt)}
                  </Typography.Paragraph>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </div>
  );
}

/** Abusive text (any label other than `collection`) stays blurred until the person chooses to see it. */
export function isAbusive(labels: readonly string[]): boolean {
  return labels.some((l) => l !== 'collection');
}

/** Text with the classifier's spans highlighted, so the person sees why a message was labelled. */
export function Highlighted({ text, spans }: { text: string; spans?: Record<string, [number, number][]> }) {
  const ranges = Object.values(spans ?? {})
    .flat()
    .filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && r[0] < r[1])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  // Spans are in UTF-16 code units (JS string indices).
  if (!merged.length || !text) return <>{text}</>;
  const out: ReactNode[] = [];
  let pos = 0;
  merged.forEach(([s, e], i) => {
    if (s > pos) out.push(text.slice(pos, s));
    out.push(<mark key={i}>{text.slice(s, e)}</mark>);
    pos = e;
  });
  if (pos < text.length) out.push(text.slice(pos));
  return <>{out}</>;
}

export function SensitiveText({ text, spans, hidden, onReveal, reasonKey }: { text: string; spans?: Record<string, [number, number][]>; hidden: boolean; onReveal(): void; reasonKey?: MsgKey }) {
  const { t } = useI18n();
  if (!hidden) {
    return (
      <span className="msg-text">
        <Highlighted text={text} spans={spans} />
      </span>
    );
  }
  return (
    <span className="sensitive">
      <span className="sensitive-blur" aria-hidden="true">
        {text}
      </span>
      <button type="button" className="sensitive-btn" onClick={(e) => { e.stopPropagation(); onReveal(); }}>
        {t(reasonKey ?? 'sensitive.reveal')}
      </button>
    </span>
  );
}
