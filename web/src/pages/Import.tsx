/**
 * 导入: drag in phone backups (SMS Backup & Restore XML, call logs, vCard contacts, CSV), call recordings and
 * screenshots, or choose an iPhone backup folder (the page packs the few files the importer needs into one zip:
 * lib/iphoneBackup.ts). Each file is uploaded with a real progress bar (XHR upload progress), then imported while
 * the page polls the job. The server keeps the case's jobs of the last hour (GET /api/jobs): after a reload the
 * page shows them again, with their progress, results and failures.
 *
 * A file that cannot be imported gets the server's plain message (what the file is, where it belongs; the
 * parser's words folded away as detail) and, for a PDF or a photo, a button to the evidence page.
 *
 * Screenshots whose times are relative (昨天 / 星期三 / 上午) and whose day nothing gives (no EXIF, no date in the file
 * name) come back with hint 'capture-date': the page asks for that day inline — one date for them all, today in
 * Asia/Shanghai by default, editable per screenshot — and uploads only those again with it (x-taken-at).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Collapse, Flex, Progress, Tag, Upload } from 'antd';
import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, get, uploadFile } from '../api/client.js';
import { call } from '../api/typed.js';
import type { JobView } from '../api/types.js';
import { ErrorNotice, Limits, PageHeader } from '../components/common.js';
import { OcrReview } from '../components/OcrReview.js';
import { useI18n } from '../i18n/index.js';
import type { MsgKey } from '../i18n/zh.js';
import { formatBytes } from '../lib/format.js';
import { pickIphoneBackup, storedZip, type PickedFile } from '../lib/iphoneBackup.js';
import { navigate } from '../lib/route.js';
import type { PageProps } from '../App.js';

type Phase = 'preparing' | 'waiting' | 'uploading' | 'importing' | 'done' | 'failed';

interface Item {
  key: string;
  name: string;
  size: number;
  /** What to upload: the file, or the picked files of an iPhone backup (packed when its turn comes). */
  file: Blob | null;
  iphone: PickedFile[] | null;
  phase: Phase;
  /** Bytes read while packing, or uploaded. */
  uploaded: number;
  job: JobView | null;
  /** A failure before the server took the file (network, size). */
  error: unknown;
  /** The day a screenshot was taken, when the page asked for it (sent as x-taken-at). */
  takenAt?: string | null;
}

/** Today in Asia/Shanghai as YYYY-MM-DD (the default capture date the page proposes). */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const needsDate = (x: Item) => x.phase === 'failed' && x.job?.hint === 'capture-date';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(a: number, b: number): number {
  return b > 0 ? Math.min(100, Math.floor((a / b) * 100)) : 0;
}

/** An interrupted job (the app or the server stopped mid-import) shows as failed, with the server's sentence. */
function phaseOf(job: JobView): Phase {
  return job.state === 'done' ? 'done' : job.state === 'failed' || job.state === 'interrupted' ? 'failed' : 'importing';
}

export default function Import(_props: PageProps) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState([] as Item[]);
  const [pickProblem, setPickProblem] = useState(null as MsgKey | null);
  const [batchDate, setBatchDate] = useState(todayInShanghai);
  const [dateOf, setDateOf] = useState<Record<string, string>>({});
  const running = useRef(false);
  const watching = useRef(new Set<string>());
  const alive = useRef(true);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const patch = useCallback((key: string, p: Partial<Item>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x))), []);

  /** Polls a job until it is done or failed (once per item, also for jobs found after a reload). */
  const watch = useCallback(
    async (key: string, first: JobView) => {
      if (watching.current.has(key)) return;
      watching.current.add(key);
      let job = first;
      try {
        for (;;) {
          if (job.state !== 'running') {
            patch(key, { phase: phaseOf(job), job });
            return;
          }
          await sleep(300);
          if (!alive.current) return;
          try {
            job = await call('GET /jobs/:id', { params: { id: job.id } });
            patch(key, { job });
          } catch (e) {
            patch(key, { phase: 'failed', error: e });
            return;
          }
        }
      } finally {
        watching.current.delete(key);
      }
    },
    [patch],
  );

  const runOne = useCallback(
    async (it: Item) => {
      let body = it.file;
      if (it.iphone) {
        patch(it.key, { phase: 'preparing', uploaded: 0, error: null });
        try {
          body = await storedZip(it.iphone, (read) => patch(it.key, { uploaded: read }));
        } catch (e) {
          patch(it.key, { phase: 'failed', error: e });
          return;
        }
      }
      if (!body) return;
      patch(it.key, { phase: 'uploading', uploaded: 0, error: null, size: body.size });
      let job: JobView;
      try {
        const named = it.iphone ? Object.assign(body, { name: it.name }) : (body as Blob & { name?: string });
        job = await uploadFile<JobView>('/api/imports', named, it.takenAt ? { 'x-taken-at': it.takenAt } : {}, (p) => patch(it.key, { uploaded: p.loaded }));
      } catch (e) {
        patch(it.key, { phase: 'failed', error: e });
        return;
      }
      patch(it.key, { phase: 'importing', job });
      await watch(it.key, job);
    },
    [patch, watch],
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

  // After a reload: the imports the server is running or finished in the last hour (started before this page
  // opened: a file chosen meanwhile is already on the page).
  useEffect(() => {
    let cancelled = false;
    const openedAt = Date.now();
    call('GET /jobs')
      .then((jobs) => {
        if (cancelled || !jobs.length) return;
        const restored: Item[] = jobs
          .filter((j) => (j.startedAt ?? 0) < openedAt)
          .slice()
          .reverse()
          .map((j) => ({ key: j.id, name: j.file ?? '', size: j.bytesTotal, file: null, iphone: null, phase: phaseOf(j), uploaded: j.bytesTotal, job: j, error: null }));
        setItems((xs) => [...restored.filter((r) => !xs.some((x) => x.job?.id === r.key || x.key === r.key)), ...xs]);
        for (const r of restored) if (r.phase === 'importing') void watch(r.key, r.job!);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [watch]);

  const add = (file: File) => {
    setItems((xs) => [...xs, { key: `${Date.now()}-${Math.random()}`, name: file.name, size: file.size, file, iphone: null, phase: 'waiting', uploaded: 0, job: null, error: null }]);
  };

  // A folder input made on demand (not in the page): the drop zone's input stays the page's only file input.
  const chooseIphoneFolder = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    (input as HTMLInputElement & { webkitdirectory: boolean }).webkitdirectory = true;
    input.onchange = () => {
      const files = input.files;
      if (!files || !files.length) return;
      const pick = pickIphoneBackup(files);
      if (!pick.ok) {
        setPickProblem(pick.reason === 'old-backup' ? 'import.iphone.old' : pick.reason === 'no-databases' ? 'import.iphone.noDb' : 'import.iphone.notBackup');
        return;
      }
      setPickProblem(null);
      const name = `iPhone-${pick.folder}.zip`;
      setItems((xs) => [...xs, { key: `${Date.now()}-${Math.random()}`, name, size: pick.bytes, file: null, iphone: pick.files, phase: 'waiting', uploaded: 0, job: null, error: null }]);
    };
    input.click();
  };

  const undated = items.filter(needsDate);
  const rerunWithDates = () => {
    const valid = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
    setItems((xs) =>
      xs.map((x) => (needsDate(x) && x.file ? { ...x, phase: 'waiting', job: null, error: null, uploaded: 0, takenAt: valid(dateOf[x.key]) ?? valid(batchDate) } : x)),
    );
  };

  const done = items.filter((x) => x.phase === 'done' && x.job?.result);
  const sum = (k: 'eventsAdded' | 'contactsAdded' | 'collection' | 'collectorCalls') => done.reduce((s, x) => s + (x.job?.result?.[k] ?? 0), 0);
  const lastResult = done[done.length - 1]?.job?.result;
  const busy = items.some((x) => x.phase === 'waiting' || x.phase === 'preparing' || x.phase === 'uploading' || x.phase === 'importing');

  const howto: { key: string; label: MsgKey; body: MsgKey }[] = [
    { key: 'scope', label: 'import.scope.title', body: 'import.scope.body' },
    { key: 'iphone', label: 'import.howto.iphone', body: 'import.howto.iphone.body' },
    { key: 'android', label: 'import.howto.android', body: 'import.howto.android.body' },
    { key: 'huawei', label: 'import.howto.huawei', body: 'import.howto.huawei.body' },
    { key: 'xiaomi', label: 'import.howto.xiaomi', body: 'import.howto.xiaomi.body' },
    { key: 'others', label: 'import.howto.others', body: 'import.howto.others.body' },
    { key: 'screens', label: 'import.howto.screens', body: 'import.howto.screens.body' },
    { key: 'recordings', label: 'import.howto.recordings', body: 'import.howto.recordings.body' },
    { key: 'privacy', label: 'import.howto.privacy', body: 'import.howto.privacy.body' },
  ];

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
      <Flex className="iphone-pick" gap={8} wrap align="center">
        <Button icon={<FolderOpenOutlined aria-hidden="true" />} onClick={chooseIphoneFolder} data-testid="iphone-folder">
          {t('import.iphone.button')}
        </Button>
        <span className="muted small">{t('import.iphone.hint')}</span>
      </Flex>
      {pickProblem ? <Alert type="warning" showIcon role="alert" title={t(pickProblem)} closable onClose={() => setPickProblem(null)} /> : null}

      {items.length ? (
        <section aria-label={t('import.files')} className="import-items" aria-live="polite">
          {items.map((it) => {
            const total = it.job?.bytesTotal || it.size;
            const r = it.job?.result;
            return (
              <Card size="small" key={it.key} className={`import-item phase-${it.phase}`} data-phase={it.phase}>
                <Flex justify="space-between" wrap gap={8}>
                  <strong className="file-name">{it.name}</strong>
                  <span className="muted">{formatBytes(it.size)}</span>
                </Flex>
                <div className="phase-line">
                  <span>{t(`import.phase.${it.phase}`)}</span>
                  {it.phase === 'preparing' ? <Progress percent={pct(it.uploaded, it.size)} size="small" aria-label={t('import.progress.prepare')} /> : null}
                  {it.phase === 'uploading' ? <Progress percent={pct(it.uploaded, it.size)} size="small" aria-label={t('import.progress.upload')} /> : null}
                  {it.phase === 'importing' && it.job ? (
                    <>
                      <Progress percent={pct(it.job.bytesRead, total)} size="small" status="active" aria-label={t('import.progress.import')} />
                      <span className="muted small">{t('import.records', { n: it.job.records })}</span>
                    </>
                  ) : null}
                  {it.phase === 'done' && r ? (
                    <>
                      <p className="import-result">
                        <Tag color="green">{t('import.ok')}</Tag>
                        {t('import.result', { events: r.eventsAdded ?? 0, contacts: r.contactsAdded ?? 0, collection: r.collection ?? 0, calls: r.collectorCalls ?? 0 })}
                      </p>
                      {r.recording ? (
                        <p className="muted small">
                          {t(r.recording.linked === 'existing-call' ? 'import.recording.linked' : r.recording.linked === 'new-call' ? 'import.recording.newCall' : 'import.recording.none', {
                            s: r.recording.durationS ?? '?',
                          })}
                        </p>
                      ) : null}
                      {r.notes?.length ? (
                        <ul className="import-notes muted small" aria-label={t('import.notes')}>
                          {r.notes.map((n, i) => (
                            <li key={i}>{n}</li>
                          ))}
                        </ul>
                      ) : null}
                    </>
                  ) : null}
                </div>
                {it.phase === 'failed' ? (
                  <>
                    {it.job?.state === 'failed' || it.job?.state === 'interrupted' ? (
                      <Alert
                        type="error"
                        showIcon
                        role="alert"
                        className="error-notice"
                        title={t('err.import.title')}
                        description={
                          <div>
                            <p className="error-next prewrap">{pick(it.job.errorText ?? it.job.error)}</p>
                            {it.job.hint === 'evidence' ? (
                              <Button size="small" type="primary" onClick={() => navigate('evidence')}>
                                {t('import.failed.evidence')}
                              </Button>
                            ) : null}
                            {it.job.detail && it.job.detail !== it.job.error ? (
                              <details className="error-detail">
                                <summary>{t('import.failed.detail')}</summary>
                                <p className="small">{it.job.detail}</p>
                              </details>
                            ) : null}
                          </div>
                        }
                      />
                    ) : (
                      <ErrorNotice error={it.error ?? new ApiError('IMPORT_FAILED', it.job?.error ?? '', 400)} />
                    )}
                    {(it.file || it.iphone) && it.job?.hint !== 'evidence' && it.job?.hint !== 'capture-date' ? (
                      <Button size="small" onClick={() => patch(it.key, { phase: 'waiting', error: null, job: null })}>
                        {t('common.retry')}
                      </Button>
                    ) : null}
                  </>
                ) : null}
              </Card>
            );
          })}
        </section>
      ) : null}

      {undated.length ? (
        <Card className="import-dates" data-testid="import-dates" title={<h2 className="card-h">{t('import.date.title')}</h2>}>
          <p>{t('import.date.body')}</p>
          <Flex gap={8} wrap align="center">
            <label htmlFor="import-date-all">{t('import.date.all')}</label>
            <input id="import-date-all" type="date" value={batchDate} onChange={(e) => setBatchDate(e.target.value)} data-testid="import-date-all" />
          </Flex>
          <ul className="import-date-list">
            {undated.map((x) => (
              <li key={x.key}>
                {x.file ? (
                  <Flex gap={8} wrap align="center">
                    <label htmlFor={`date-${x.key}`} className="file-name">
                      {t('import.date.one', { name: x.name })}
                    </label>
                    <input
                      id={`date-${x.key}`}
                      type="date"
                      value={dateOf[x.key] ?? batchDate}
                      onChange={(e) => setDateOf((m) => ({ ...m, [x.key]: e.target.value }))}
                      data-testid="import-date-one"
                    />
                  </Flex>
                ) : (
                  <span>
                    <strong className="file-name">{x.name}</strong> <span className="muted small">{t('import.date.lost')}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {undated.some((x) => x.file) ? (
            <Button type="primary" onClick={rerunWithDates} disabled={busy} data-testid="import-date-run">
              {t('import.date.run')}
            </Button>
          ) : null}
        </Card>
      ) : null}

      {done.length && !busy ? (
        <Card className="import-summary" data-testid="import-summary" title={<h2 className="card-h">{t('import.summary')}</h2>}>
          <p>{t('import.summary.body', { events: sum('eventsAdded'), collection: sum('collection'), calls: sum('collectorCalls'), contacts: sum('contactsAdded') })}</p>
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

      <OcrReview refreshKey={done.length} />

      <Collapse
        className="howto"
        defaultActiveKey={['scope']}
        items={howto.map((h) => ({ key: h.key, label: t(h.label), children: <p className="prewrap">{t(h.body)}</p> }))}
      />
      <Limits extra="limits.import" />
    </div>
  );
}
