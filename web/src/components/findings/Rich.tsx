/**
 * Text with glossary terms (src/shared/glossary.ts): a term is a dotted-underlined button; a tap opens a popover with
 * its one-line explanation. Used by the findings cards and the loan card.
 */
import { Popover } from 'antd';
import { glossaryEntry, markTerms, type Rich2, type RichText } from '../../../../src/shared/glossary.js';
import { useI18n } from '../../i18n/index.js';

export function GlossaryTerm({ id, text }: { id: string; text: string }) {
  const { pick, t } = useI18n();
  const g = glossaryEntry(id);
  if (!g) return <>{text}</>;
  return (
    <Popover
      trigger="click"
      title={pick(g.term)}
      content={<p className="gloss-explain">{pick(g.explain)}</p>}
      classNames={{ root: 'gloss-popover' }}
    >
      <button type="button" className="gloss-term" data-term={id} aria-label={`${text}（${t('fc.gloss.hint')}）`}>
        {text}
      </button>
    </Popover>
  );
}

export function RichParts({ parts }: { parts: RichText }) {
  return (
    <>
      {parts.map((p, i) => (typeof p === 'string' ? <span key={i}>{p}</span> : <GlossaryTerm key={i} id={p.term} text={p.text} />))}
    </>
  );
}

/** A { zh, en } rich text from the API, in the page's language. */
export function Rich({ value }: { value: Rich2 }) {
  const { lang } = useI18n();
  return <RichParts parts={lang === 'en' ? value.en : value.zh} />;
}

/** A plain string (e.g. from i18n) with its glossary terms marked. */
export function Glossed({ text }: { text: string }) {
  const { lang } = useI18n();
  return <RichParts parts={markTerms(text, lang === 'en' ? 'en' : 'zh')} />;
}
