/**
 * Screenshots on the import page (issue 13): the capture date that 昨天 / 星期三 / a bare time count from when a
 * screenshot carries none, and the text read from screenshots that a person should check (low confidence,
 * amounts, numbers), each beside the crop of the screenshot it came from, with a correction box. A correction
 * is an evidence record; the OCR's own reading is kept and shown.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Tag } from 'antd';
import { apiPath, get, post, put } from '../api/client.js';
import { call } from '../api/typed.js';
import type { OcrReviewItemView, OcrTakenAt } from '../../../src/shared/ocr-api.js';
import { ErrorNotice, isAbusive } from './common.js';
import { useI18n } from '../i18n/index.js';
import type { MsgKey } from '../i18n/zh.js';
import { formatAt } from '../lib/format.js';

const FLAG: Record<string, MsgKey> = { low_confidence: 'ocr.flag.low_confidence', amount: 'ocr.flag.amount', number: 'ocr.flag.number' };
const CROP_W = 320;

/** The part of a screenshot a text was read from (also shown beside an event on the timeline). */
export function Crop({ item }: { item: Pick<OcrReviewItemView, 'screenshot' | 'box' | 'box_w'> }) {
  const { t } = useI18n();
  if (!item.screenshot || !item.box || item.box.length < 4) return null;
  const [x0, y0, x1, y1] = item.box as [number, number, number, number];
  const pageW = item.box_w ?? 736;
  const pad = 6;
  const w = Math.max(1, x1 - x0 + pad * 2);
  const s = Math.min(1.2, CROP_W / w);
  return (
    <div
      className="ocr-crop"
      role="img"
      aria-label={t('ocr.crop')}
      style={{
        width: Math.round(w * s),
        height: Math.round((y1 - y0 + pad * 2) * s),
        backgroundImage: `url(${apiPath(`/api/ocr/screenshot/${item.screenshot}`)})`,
        backgroundSize: `${Math.round(pageW * s)}px auto`,
        backgroundPosition: `${-Math.round((x0 - pad) * s)}px ${-Math.round((y0 - pad) * s)}px`,
        backgroundRepeat: 'no-repeat',
        border: '1px solid #ddd',
        borderRadius: 4,
        maxWidth: '100%',
      }}
    />
  );
}

function ReviewRow({ item, onSaved }: { item: OcrReviewItemView; onSaved: (i: OcrReviewItemView) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(item.text ?? '');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(!isAbusive(item.labels));
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await call('POST /ocr/events/:id/correct', { params: { id: item.id }, body: { text } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="ocr-item" data-testid="ocr-item">
      {!shown ? (
        <Button size="small" onClick={() => setShown(true)}>
          {t('ocr.show')}
        </Button>
      ) : (
      <Flex gap={12} wrap>
        <Crop item={item} />
        <div style={{ flex: '1 1 260px', minWidth: 0 }}>
          <p className="muted small">
            {formatAt(item.at)} · {t(item.direction === 'out' ? 'ocr.dir.out' : 'ocr.dir.in')}
            {item.confidence != null ? ` · ${t('ocr.confidence', { pct: Math.round(item.confidence * 100) })}` : ''}{' '}
            {item.review.map((f) => (FLAG[f] ? <Tag key={f} color={f === 'low_confidence' ? 'orange' : 'blue'}>{t(FLAG[f]!)}</Tag> : null))}
          </p>
          <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 1, maxRows: 6 }} aria-label={t('ocr.text')} />
          {item.corrected && item.ocr_text != null ? <p className="muted small">{t('ocr.original', { text: item.ocr_text })}</p> : null}
          <Flex gap={8} style={{ marginTop: 6 }}>
            <Button size="small" type="primary" loading={busy} disabled={!text.trim() || text === item.text} onClick={() => void save()}>
              {t('ocr.save')}
            </Button>
          </Flex>
          {error ? <ErrorNotice error={error} compact /> : null}
        </div>
      </Flex>
      )}
    </Card>
  );
}

/** refreshKey: change it (e.g. the number of finished imports) to load the list again. */
export function OcrReview({ refreshKey = 0 }: { refreshKey?: number }) {
  const { t } = useI18n();
  const [takenAt, setTakenAt] = useState<string>('');
  const [saved, setSaved] = useState<string | null>(null);
  const [items, setItems] = useState<OcrReviewItemView[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const [d, list] = await Promise.all([call('GET /ocr/taken-at'), call('GET /ocr/review')]);
      setTakenAt(d.taken_at ?? '');
      setSaved(d.taken_at);
      setItems(list);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  useEffect(() => {
    // Load the OCR models while the person picks screenshots (a failure here only means a slower first one).
    post('/api/ocr/warm', {}).catch(() => {});
  }, []);

  const saveDate = async (v: string) => {
    setError(null);
    try {
      const r = await call('PUT /ocr/taken-at', { body: { taken_at: v || null } });
      setSaved(r.taken_at);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card className="ocr-review" data-testid="ocr-review" title={<h2 className="card-h">{t('ocr.title')}</h2>}>
      <label className="small" htmlFor="ocr-taken-at">
        {t('ocr.takenAt')}
      </label>
      <Flex gap={8} wrap align="center">
        <input id="ocr-taken-at" type="date" value={takenAt} onChange={(e) => setTakenAt(e.target.value)} data-testid="ocr-taken-at" />
        <Button size="small" onClick={() => void saveDate(takenAt)} disabled={(saved ?? '') === takenAt}>
          {t('ocr.takenAt.save')}
        </Button>
        {saved ? <span className="muted small">{t('ocr.takenAt.saved', { date: saved })}</span> : null}
      </Flex>
      <p className="muted small">{t('ocr.takenAt.hint')}</p>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} compact /> : null}
      {items.length ? (
        <section aria-label={t('ocr.review')}>
          <Alert type="info" showIcon title={t('ocr.review.hint', { n: items.length })} />
          {items.map((it) => (
            <ReviewRow key={it.id} item={it} onSaved={(n) => setItems((xs) => xs.filter((x) => x.id !== n.id))} />
          ))}
        </section>
      ) : null}
    </Card>
  );
}
