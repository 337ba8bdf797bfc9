/**
 * 导入: drag in phone backups (SMS Backup & Restore XML, call logs, vCard contacts…). Each file is
 * uploaded with a real progress bar (XHR upload progress), then imported while the page polls the job.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Collapse, Flex, Progress, Tag, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, get, uploadFile } from '../api/client.js';
import type { JobView } from '../api/types.js';
import { ErrorNotice, Limits, PageHeader } from '../components/common.js';
import { useI18n } from '../i18n/index.js';
import { formatBytes } from '../lib/format.js';
import { navigate } from '../lib/route.js';
import type { PageProps } from '../App.js';

type Phase = 'waiting' | 'uploading' | 'importing' | 'done' | 'failed';

interface Item {
  key: string;
  file: File;
  phase: Phase;
  uploaded: number;
  job: JobView | null;
  error: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(a: number, b: number): number {
  return b > 0 ? Math.min(100, Math.floor((a / b) * 100)) : 0;
}

export default function Import(_props: PageProps) {
  const { t } = useI18n();
  const [items, setItems] = useState([] as Item[]);
  const running = useRef(false);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const patch = useCallback((key: string, p: Partial<Item>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x))), []);

  const runOne = useCallback(
    async (it: Item) => {
      patch(it.key, { phase: 'uploading', uploaded: 0, error: null });
      let job: JobView;
      try {
        job = await uploadFile<JobView>('/api/imports', it.file, {}, (p) => patch(it.key, { uploaded: p.loaded }));
      } catch (e) {
        patch(it.key, { phase: 'failed', error: e });
        return;
      }
      patch(it.key, { phase: 'importing', job });
      for (;;) {
        if (job.state === 'done') {
          patch(it.key, { phase: 'done', job });
          return;
        }
        if (job.state === 'failed') {
          patch(it.key, { phase: 'failed', job, error: new ApiError('IMPORT_FAILED', job.error ?? '', 400) });
          return;
        }
        await sleep(300);
        try {
          job = await get<JobView>(`/api/jobs/${encodeURIComponent(job.id)}`);
          patch(it.key, { job });
        } catch (e) {
          patch(it.key, { phase: 'failed', error: e });
          return;
        }
      }
    },
    [patch],
  );

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        const next = itemsRef.current.find((x) => x.phase === 'waiting');
        if (!next) break;
        await runOne(next);
        await sleep(0);
      }
    } finally {
      running.current = false;
    }
  }, [runOne]);

  useEffect(() => {
    if (items.some((x) => x.phase === 'waiting')) void pump();
  }, [items, pump]);

  const add = (file: File) => {
    setItems((xs) => [...xs, { key: `${Date.now()}-${Math.random()}`, file, phase: 'waiting', uploaded: 0, job: null, error: null }]);
  };

  const done = items.filter((x) => x.phase === 'done' && x.job?.result);
  const sum = (k: 'eventsAdded' | 'contactsAdded' | 'collection') => done.reduce((s, x) => s + (x.job?.result?.[k] ?? 0), 0);
  const lastResult = done[done.length - 1]?.job?.result;
  const busy = items.some((x) => x.phase === 'waiting' || x.phase === 'uploading' || x.phase === 'importing');

  return (
    <div className="page page-import">
      <PageHeader title={t('import.title')} sub={t('import.sub')} />
      <Upload.Dragger
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          add(file);
          return Upload.LIST_IGNORE;
        }}
        className="dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden="true" />
        </p>
        <p className="dz-title">{t('import.drop')}</p>
        <p className="dz-hint">{t('import.drop.hint')}</p>
      </Upload.Dragger>

      {items.length ? (
        <section aria-label={t('import.files')} className="import-items" aria-live="polite">
          {items.map((it) => {
            const total = it.job?.bytesTotal || it.file.size;
            return (
              <Card size="small" key={it.key} className={`import-item phase-${it.phase}`} data-phase={it.phase}>
                <Flex justify="space-between" wrap gap={8}>
                  <strong className="file-name">{it.file.name}</strong>
                  <span className="muted">{formatBytes(it.file.size)}</span>
                </Flex>
                <div className="phase-line">
                  <span>{t(`import.phase.${it.phase}`)}</span>
                  {it.phase === 'uploading' ? (
                    <Progress percent={pct(it.uploaded, it.file.size)} size="small" aria-label={t('import.progress.upload')} />
                  ) : null}
                  {it.phase === 'importing' && it.job ? (
                    <>
                      <Progress percent={pct(it.job.bytesRead, total)} size="small" status="active" aria-label={t('import.progress.import')} />
                      <span className="muted small">{t('import.records', { n: it.job.records })}</span>
                    </>
                  ) : null}
                  {it.phase === 'done' && it.job?.result ? (
                    <p className="import-result">
                      <Tag color="green">{t('import.ok')}</Tag>
                      {t('import.result', {
                        events: it.job.result.eventsAdded ?? 0,
                        contacts: it.job.result.contactsAdded ?? 0,
                        collection: it.job.result.collection ?? 0,
                      })}
                    </p>
                  ) : null}
                </div>
                {it.phase === 'failed' ? (
                  <>
                    <ErrorNotice error={it.error} />
                    <Button size="small" onClick={() => patch(it.key, { phase: 'waiting', error: null, job: null })}>
                      {t('common.retry')}
                    </Button>
                  </>
                ) : null}
              </Card>
            );
          })}
        </section>
      ) : null}

      {done.length && !busy ? (
        <Card className="import-summary" data-testid="import-summary" title={<h2 className="card-h">{t('import.summary')}</h2>}>
          <p>{t('import.summary.body', { events: sum('eventsAdded'), collection: sum('collection'), contacts: sum('contactsAdded') })}</p>
          {lastResult ? <p>{t('import.summary.derived', { collectors: lastResult.collectors ?? 0, touched: lastResult.contactsTouched ?? 0 })}</p> : null}
          <p className="muted">{t('import.summary.dupes')}</p>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => navigate('findings')}>
              {t('import.next.findings')}
            </Button>
            <Button onClick={() => navigate('timeline')}>{t('import.next.timeline')}</Button>
            <Button onClick={() => navigate('contacts')}>{t('import.next.contacts')}</Button>
          </Flex>
        </Card>
      ) : null}

      <Collapse
        className="howto"
        items={[
          { key: 'android', label: t('import.howto.android'), children: <p className="prewrap">{t('import.howto.android.body')}</p> },
          { key: 'iphone', label: t('import.howto.iphone'), children: <p className="prewrap">{t('import.howto.iphone.body')}</p> },
          { key: 'privacy', label: t('import.howto.privacy'), children: <p className="prewrap">{t('import.howto.privacy.body')}</p> },
        ]}
      />
      <Limits extra="limits.import" />
    </div>
  );
}
