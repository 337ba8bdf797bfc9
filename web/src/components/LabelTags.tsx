/** The classifier's labels on a message, as coloured tags with their Chinese names. */
import { Tag } from 'antd';
import { useI18n, type MsgKey } from '../i18n/index.js';

const LABEL_COLOR: Record<string, string> = {
  collection: 'blue',
  third_party: 'purple',
  threat_contacts: 'magenta',
  threat_violence: 'red',
  insult: 'volcano',
  impersonation: 'orange',
  false_legal: 'gold',
  visit_threat: 'red',
};

export function LabelTags({ labels }: { labels: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {labels.map((l) => (
        <Tag key={l} color={LABEL_COLOR[l] ?? 'default'}>
          {t(`label.${l}` as MsgKey)}
        </Tag>
      ))}
    </>
  );
}

/** The same labels as plain spans: cheap enough for every row of a 100,000-row list. */
export function LabelChips({ labels }: { labels: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {labels.map((l) => (
        <span key={l} className={`chip chip-${LABEL_COLOR[l] ?? 'default'}`}>
          {t(`label.${l}` as MsgKey)}
        </span>
      ))}
    </>
  );
}
