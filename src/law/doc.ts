/** Small builder so that each document's shared facts (name, issuer, number, dates, source) are written once. */
import type { Citation, Text2, Tier, Verification } from '../domain/law.js';

/** Facts shared by every article of one document, as the reference gives them. */
export interface DocInfo {
  law: Text2;
  issuer: string;
  docNumber: string | null;
  tier: Tier;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
  edition?: Text2;
  /** Appended to every article's note. */
  docNote?: string;
}

export interface ArticleInfo {
  id: string;
  ref: string;
  article: string | null;
  zh: string;
  en: string;
  verified: Verification;
  kind?: 'quote' | 'summary';
  note?: string;
  /** Overrides of the document's facts for this article. */
  source?: string;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  issuer?: string;
}

export function cite(doc: DocInfo, a: ArticleInfo): Citation {
  const note = [a.note, doc.docNote].filter((s): s is string => !!s).join(' ');
  const c: Citation = {
    id: a.id,
    ref: a.ref,
    law: doc.law,
    issuer: a.issuer ?? doc.issuer,
    docNumber: doc.docNumber,
    article: a.article,
    excerpt: { zh: a.zh, en: a.en },
    tier: doc.tier,
    verified: a.verified,
    effectiveFrom: a.effectiveFrom !== undefined ? a.effectiveFrom : doc.effectiveFrom,
    effectiveTo: a.effectiveTo !== undefined ? a.effectiveTo : doc.effectiveTo,
    source: a.source ?? doc.source,
  };
  if (note) c.note = note;
  if (a.kind === 'summary') c.excerptKind = 'summary';
  if (doc.edition) c.edition = doc.edition;
  return c;
}
