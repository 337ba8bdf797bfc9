/**
 * 违规发现: one card per kind of conduct, most serious first (GET /api/findings/cards, src/app/finding-cards.ts). Each
 * card says what happened in one plain sentence, who did it, the rule in plain words and how binding it is; the events,
 * where to report it and the sources are one tap away. Legal terms explain themselves on tap.
 */
import { Button, Card, Empty } from 'antd';
import type { FindingsPageView } from '../../../src/shared/findings.js';
import { get } from '../api/client.js';
import { ErrorNotice, Limits, Loading, PageHeader } from '../components/common.js';
import { FindingCard } from '../components/findings/FindingCard.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../lib/route.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

export default function Findings(_props: PageProps) {
  const { t } = useI18n();
  const res = useApi((signal) => get<FindingsPageView>('/api/findings/cards', { signal }), []);
  // The server orders the cards (most serious first); the page keeps that order.
  const cards = res.data?.cards ?? [];
  return (
    <div className="page page-findings">
      <PageHeader title={t('findings.title')} sub={t('fc.sub')} />
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {res.data && !cards.length ? (
        <Card>
          <Empty description={t('findings.empty')}>
            <Button onClick={() => navigate('import')}>{t('findings.empty.import')}</Button>
          </Empty>
        </Card>
      ) : null}
      {cards.length ? <p className="muted">{t('findings.intro', { n: cards.length })}</p> : null}
      <div className="finding-list">
        {cards.map((c, i) => (
          <FindingCard key={c.rule} card={c} rank={i + 1} />
        ))}
      </div>
      <Limits extra="limits.findings" />
    </div>
  );
}
