/** 总览's 投诉跟进 block (issue 16): open complaints and what is due next; nothing when none were recorded. */
import { Button, Card } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { get } from '../api/client.js';
import { call } from '../api/typed.js';
import type { FollowUpSummary as Summary } from '../api/followup.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../lib/route.js';
import { useApi } from '../lib/useApi.js';

export function FollowUpSummary() {
  const { t, pick } = useI18n();
  const res = useApi((signal) => call('GET /complaints/summary', { signal }), []);
  const s = res.data;
  if (!s || (s.open === 0 && s.upcoming.length === 0)) return null;
  return (
    <section aria-labelledby="fu-ov-h">
      <h2 id="fu-ov-h" className="section-title">
        {t('fu.overview.title')}
      </h2>
      <Card size="small">
        <p>{t('fu.overview.open', { open: s.open, due: s.due })}</p>
        <ul>
          {s.upcoming.slice(0, 5).map((u) => {
            const when = u.next_date
              ? u.days_left != null && u.days_left < 0
                ? `${u.next_date} · ${t('fu.deadline.past', { n: -u.days_left })}`
                : u.days_left === 0
                  ? `${u.next_date} · ${t('fu.deadline.today')}`
                  : `${u.next_date} · ${t('fu.deadline.left', { n: u.days_left ?? 0 })}`
              : t('fu.reminder.set');
            return (
              <li key={u.id} className={u.state === 'due' ? 'fu-due' : undefined}>
                {t('fu.overview.item', { channel: pick(u.channel_name), lender: u.lender_name ? ` · ${u.lender_name}` : '', when })}
              </li>
            );
          })}
        </ul>
        <Button type="link" onClick={() => navigate('followup')}>
          {t('fu.overview.go')} <RightOutlined />
        </Button>
      </Card>
    </section>
  );
}
