import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LenderType, Tier, Verification } from '../domain/law.js';
import { LENDER_TYPES } from '../domain/loans/types.js';
import {
  CHANNELS,
  CITATIONS,
  CN_RULE_IDS,
  LEGAL_LINES,
  LPR,
  LPR_KNOWN_FROM,
  LPR_KNOWN_THROUGH,
  PSL_2025_FROM,
  PUBLIC_SECURITY_CONDUCTS,
  TIER_LABEL,
  TIER_ORDER,
  VERIFICATION_LABEL,
  articleEn,
  formatCitation,
  getCitation,
  hasCitation,
  inForceOn,
  isCitable,
  lprOn,
  lprOnOrLast,
  lprVerification,
  parseChineseNumber,
  publicSecurityCitation,
} from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The reference every legal fact here comes from. It is kept in the repository as docs/law/cn-law.md; set
 * HUXUN_LAW_REFERENCE to read it elsewhere. A copy is kept in docs/law/cn-law.md so the checks always run.
 */
const REFERENCE_PATHS = [process.env.HUXUN_LAW_REFERENCE, join(here, '../../docs/law/cn-law.md')].filter(
  (p): p is string => !!p,
);
const referencePath = REFERENCE_PATHS.find((p) => existsSync(p));
const reference = referencePath ? readFileSync(referencePath, 'utf8') : '';
/** Whitespace removed, so that line breaks and table padding in the reference do not matter. */
const ref = reference.replace(/\s+/g, '');
const norm = (s: string) => s.replace(/\s+/g, '');
if (!referencePath) throw new Error(`law.test: cn-law.md not found (${REFERENCE_PATHS.join(', ')})`);
const withRef = it;

const TIERS: readonly Tier[] = Object.keys(TIER_LABEL) as Tier[];
const VERIFICATIONS: readonly Verification[] = ['verified_primary', 'verified_secondary', 'secondary', 'unverified'];
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const VERIFICATION_RANK: Record<Verification, number> = { verified_primary: 3, verified_secondary: 2, secondary: 1, unverified: 0 };

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
/** Quoted pieces “…” inside a summary. */
function quotedPieces(s: string): string[] {
  return [...s.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
}
/** A quote's fragments: the text between the "……" that mark omissions. */
function fragments(s: string): string[] {
  return s
    .split(/……|…/)
    .map((f) => f.trim())
    .filter((f) => f.length > 0);
}

describe('citations: shape', () => {
  it('has unique, well-formed ids', () => {
    const ids = CITATIONS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(ID_RE);
  });

  it('includes the ids other modules were told to expect', () => {
    for (const id of [
      'cfc-2024.art56',
      'cfc-2024.art57',
      'credit-card-2011.art68',
      'internet-loan-2020.art56',
      'gbt-45251-2025',
      'cba-2026-guideline',
      'criminal-law.art293-1',
      'psl-2012.art42',
      'psl-2025.art50',
      'civil-code.art1033',
      'pipl.art13',
      'private-lending-2020.art25',
    ]) {
      expect(hasCitation(id), id).toBe(true);
    }
  });

  it('gives every citation a law name, issuer, excerpt, tier, status, source and section', () => {
    for (const c of CITATIONS) {
      expect(c.law.zh.trim(), c.id).not.toBe('');
      expect(c.law.en.trim(), c.id).not.toBe('');
      expect(c.issuer.trim(), c.id).not.toBe('');
      expect(c.excerpt.zh.trim(), c.id).not.toBe('');
      expect(c.excerpt.en.trim(), c.id).not.toBe('');
      expect(TIERS, c.id).toContain(c.tier);
      expect(VERIFICATIONS, c.id).toContain(c.verified);
      expect(c.source, c.id).toMatch(/^(https?:\/\/\S+|cn-law\.md .+)$/);
      expect(c.ref, c.id).toMatch(/^([A-D]\d{1,2}|channel table)/);
      if (c.docNumber !== null) expect(c.docNumber.trim(), c.id).not.toBe('');
    }
  });

  it('has well-formed, ordered effective dates', () => {
    for (const c of CITATIONS) {
      for (const d of [c.effectiveFrom, c.effectiveTo]) if (d !== null) expect(d, c.id).toMatch(DATE_RE);
      if (c.effectiveFrom && c.effectiveTo) expect(c.effectiveFrom <= c.effectiveTo, c.id).toBe(true);
    }
  });

  it('explains every unverified citation and every source that is not a URL', () => {
    for (const c of CITATIONS) {
      if (c.verified === 'unverified') expect(c.note?.trim(), c.id).toBeTruthy();
      if (!c.source.startsWith('http')) expect(c.source, c.id).toMatch(/^cn-law\.md/);
    }
  });

  it('marks summaries as summaries and nothing else', () => {
    for (const c of CITATIONS) {
      const isSummary = c.excerptKind === 'summary';
      expect(c.excerpt.zh.startsWith('（概述'), c.id).toBe(isSummary);
      if (isSummary) expect(c.excerpt.en, c.id).toMatch(/^\(Summary/);
    }
  });

  it('covers every section of the reference (A1–A13, B1–B10, C1–C6, D1–D5, D7)', () => {
    const sections = [
      ...Array.from({ length: 13 }, (_, i) => `A${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `B${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `C${i + 1}`),
      ...Array.from({ length: 5 }, (_, i) => `D${i + 1}`),
      'D7',
    ];
    for (const s of sections) {
      expect(CITATIONS.some((c) => c.ref === s || c.ref.startsWith(`${s} `)), s).toBe(true);
    }
  });

  it('looks citations up by id and refuses unknown ids', () => {
    expect(getCitation('cfc-2024.art56').article).toBe('第五十六条');
    expect(hasCitation('no-such.art1')).toBe(false);
    expect(() => getCitation('no-such.art1')).toThrow(/unknown citation id/);
  });

  it('keeps the statuses the reference gives for key items', () => {
    const expected: Record<string, Verification> = {
      'cfc-2024.art56': 'verified_primary',
      'credit-card-2011.art68': 'verified_primary',
      'internet-loan-2020.art56': 'verified_primary',
      'consumer-protection-2022.art41': 'unverified',
      'credit-card-notice-2022': 'unverified',
      'zhudai-2025.item1': 'verified_secondary',
      'zhudai-2025.item6': 'unverified',
      'zhudai-2025.collection': 'unverified',
      'gbt-45251-2025': 'verified_secondary',
      'nifa-2024-guideline': 'unverified',
      'cba-2026-guideline.night': 'verified_secondary',
      'cba-2026-guideline.unreachable': 'unverified',
      'nifa-2018-convention': 'unverified',
      'microloan-interim-measures': 'unverified',
      'cost-disclosure-2026': 'verified_secondary',
      'complaints-2020.time-limits': 'verified_secondary',
      'criminal-law.art293-1': 'verified_primary',
      'xunxin-2013.art1': 'verified_secondary',
      'psl-2012.art42': 'verified_primary',
      'psl-2012.art52': 'unverified',
      'psl-2025.art50': 'verified_primary',
      'psl-2025.art56': 'verified_primary',
      'illegal-lending-2019.art2': 'verified_secondary',
      'illegal-lending-2019.collection': 'unverified',
      'soft-violence-2019.art2': 'verified_primary',
      'taolu-2019.part1': 'verified_secondary',
      'mps-psl-interpretation-2.calls': 'unverified',
      'pipl.art13': 'verified_primary',
      'civil-code.art1033': 'verified_primary',
      'network-data-2024.art22': 'verified_primary',
      'app-necessary-pi-2021': 'verified_secondary',
      'private-lending-2020.art25': 'verified_primary',
      'private-lending-scope-2020': 'verified_primary',
      'pboc-2021-3': 'verified_secondary',
      // Changes 2026-12 (docs/law/cn-law.md): the new SECONDARY status.
      'app-necessary-pi-2021.lending': 'secondary',
      'app-necessary-pi-2021.art2': 'secondary',
      'app-necessary-pi-2021.art3': 'secondary',
      'pi-campaign-2025': 'secondary',
      'cash-loan-2017': 'secondary',
      'cash-loan-2017.item5': 'secondary',
      'cash-loan-2017.item6': 'secondary',
      'pboc-2021-3.item4': 'secondary',
      'fin-trial-2017.art2': 'secondary',
      'private-lending-2015.art26': 'secondary',
      'private-lending-2020-08.art26': 'verified_primary',
    };
    for (const [id, v] of Object.entries(expected)) expect(getCitation(id).verified, id).toBe(v);
    expect(isCitable(getCitation('microloan-interim-measures'))).toBe(false);
    expect(isCitable(getCitation('cfc-2024.art56'))).toBe(true);
  });

  it('dates the two texts of 治安管理处罚法 so that they meet on 2026-01-01', () => {
    for (const c of CITATIONS) {
      if (c.id.startsWith('psl-2012.')) {
        expect(c.effectiveTo, c.id).toBe('2025-12-31');
        expect(c.edition?.zh, c.id).toBe('2012年修正');
      }
      if (c.id.startsWith('psl-2025.')) {
        expect(c.effectiveFrom, c.id).toBe('2026-01-01');
        expect(c.effectiveTo, c.id).toBeNull();
        expect(c.edition?.zh, c.id).toBe('2025年修订');
      }
    }
  });
});

describe('citations: every fact is in the reference', () => {
  withRef('every quoted Chinese excerpt occurs word for word in cn-law.md (whitespace aside)', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const c of CITATIONS) {
      if (c.excerptKind === 'summary') continue;
      const frs = fragments(c.excerpt.zh);
      expect(Math.max(...frs.map((f) => f.length)), `${c.id}: a quote needs a real fragment`).toBeGreaterThanOrEqual(6);
      for (const f of frs) {
        checked++;
        if (!ref.includes(norm(f))) missing.push(`${c.id}: ${f}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  withRef('every “quoted” piece inside a summary occurs word for word in cn-law.md', () => {
    const missing: string[] = [];
    for (const c of CITATIONS) {
      if (c.excerptKind !== 'summary') continue;
      for (const q of quotedPieces(c.excerpt.zh)) if (!ref.includes(norm(q))) missing.push(`${c.id}: ${q}`);
    }
    expect(missing).toEqual([]);
  });

  withRef('every article number (第…条) occurs in cn-law.md', () => {
    for (const c of CITATIONS) {
      if (!c.article) continue;
      for (const m of c.article.matchAll(/第[零〇一二两三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?/g)) {
        expect(ref.includes(m[0]), `${c.id}: ${m[0]}`).toBe(true);
      }
    }
  });

  withRef('every 文号 / 令号 and source URL occurs in cn-law.md', () => {
    for (const c of CITATIONS) {
      if (c.docNumber) expect(ref.includes(norm(c.docNumber)), `${c.id}: ${c.docNumber}`).toBe(true);
      if (c.source.startsWith('http')) {
        if (ref.includes(c.source)) continue;
        // The reference names some mirror files as "…/侵权责任编.md" next to a full URL in the same folder.
        const slash = c.source.lastIndexOf('/');
        const folder = c.source.slice(0, slash + 1);
        const file = c.source.slice(slash + 1);
        expect(ref.includes(folder) && ref.includes(`…/${file}`), `${c.id}: ${c.source}`).toBe(true);
      }
    }
  });

  withRef('every effective date occurs in cn-law.md', () => {
    for (const c of CITATIONS) {
      for (const d of [c.effectiveFrom, c.effectiveTo]) if (d) expect(ref.includes(d), `${c.id}: ${d}`).toBe(true);
    }
  });

  withRef('every URL quoted in a note occurs in cn-law.md', () => {
    for (const c of CITATIONS) {
      for (const m of (c.note ?? '').matchAll(/https?:\/\/[^\s,;)]+/g)) {
        const url = m[0].replace(/\.$/, '');
        expect(ref.includes(url), `${c.id}: ${url}`).toBe(true);
      }
    }
  });
});

describe('LPR', () => {
  it('has every month from 2019-08 to 2026-09, sorted by date', () => {
    expect(LPR).toHaveLength(86);
    expect(LPR[0]!.date).toBe('2019-08-20');
    expect(LPR[LPR.length - 1]!.date).toBe('2026-09-20');
    for (let i = 1; i < LPR.length; i++) expect(LPR[i - 1]!.date < LPR[i]!.date, LPR[i]!.date).toBe(true);
    const months = LPR.map((e) => e.date.slice(0, 7));
    expect(new Set(months).size).toBe(86);
    for (const e of LPR) expect(e.date).toMatch(DATE_RE);
  });

  withRef('matches the full monthly series of cn-law.md row by row', () => {
    const start = reference.indexOf('| Month | Publication date |');
    expect(start).toBeGreaterThan(0);
    const rows = reference
      .slice(start)
      .split('\n')
      .slice(2)
      .filter((l, i, all) => l.startsWith('|') && all.slice(0, i).every((p) => p.startsWith('|')));
    expect(rows).toHaveLength(LPR.length);
    rows.forEach((row, i) => {
      const cells = row.split('|').map((s) => s.trim());
      const date = /\d{4}-\d{2}-\d{2}/.exec(cells[2]!)![0];
      const e = LPR[i]!;
      expect(e.date, row).toBe(date);
      expect(Math.round(e.oneYear * 10000), row).toBe(Math.round(Number(cells[3]) * 100));
      expect(Math.round(e.fiveYear * 10000), row).toBe(Math.round(Number(cells[4]) * 100));
      expect(Math.round(e.oneYear * 4 * 10000), row).toBe(Math.round(Number(cells[5]) * 100));
    });
  });

  withRef('agrees with the changes-only table', () => {
    const start = reference.indexOf('| Effective / publication date | 1Y LPR |');
    const rows = reference.slice(start).split('\n').slice(2);
    let n = 0;
    for (const row of rows) {
      const m = /^\| (\d{4}-\d{2}-\d{2})[^|]*\| ([\d.]+)% \| ([\d.]+)% \| ([\d.]+)% \|/.exec(row);
      if (!m) break;
      const e = lprOn(m[1]!);
      expect(e.date).toBe(m[1]);
      expect(Math.round(e.oneYear * 10000)).toBe(Math.round(Number(m[2]) * 100));
      expect(Math.round(e.fiveYear * 10000)).toBe(Math.round(Number(m[4]) * 100));
      n++;
    }
    expect(n).toBe(15);
  });

  it('gives the quote in force on the day it starts, and the previous quote the day before', () => {
    for (let i = 0; i < LPR.length; i++) {
      const e = LPR[i]!;
      expect(lprOn(e.date)).toEqual({ date: e.date, oneYear: e.oneYear, fiveYear: e.fiveYear });
      if (i > 0) {
        const p = LPR[i - 1]!;
        expect(lprOn(dayBefore(e.date))).toEqual({ date: p.date, oneYear: p.oneYear, fiveYear: p.fiveYear });
      }
    }
  });

  it('returns the values of the reference on the days the rate changed', () => {
    expect(lprOn('2020-04-19').oneYear).toBe(0.0405);
    expect(lprOn('2020-04-20').oneYear).toBe(0.0385);
    expect(lprOn('2020-08-20').oneYear * 4).toBeCloseTo(0.154, 10); // the day the 4 × LPR standard started
    expect(lprOn('2022-08-21').oneYear).toBe(0.037);
    expect(lprOn('2022-08-22')).toEqual({ date: '2022-08-22', oneYear: 0.0365, fiveYear: 0.043 });
    expect(lprOn('2024-10-20').oneYear).toBe(0.0335);
    expect(lprOn('2024-10-21').oneYear).toBe(0.031);
    expect(lprOn('2025-05-19').oneYear).toBe(0.031);
    expect(lprOn('2025-05-20')).toEqual({ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 });
    expect(lprOn('2026-03-20')).toEqual({ date: '2026-03-20', oneYear: 0.03, fiveYear: 0.035 });
  });

  withRef('has the 2026-09-20 quote of the 2026-12 update, SECONDARY, and no 2026-10 or 2026-11 quote', () => {
    expect(ref).toContain(norm('| 2026-09 | 2026-09-20 | 3.00 | 3.50 | 12.00 |'));
    expect(lprOn('2026-09-19').date).toBe('2026-08-20');
    expect(lprOn('2026-09-20')).toEqual({ date: '2026-09-20', oneYear: 0.03, fiveYear: 0.035 });
    expect(lprOn('2026-09-21').date).toBe('2026-09-20'); // contracts of 09-20 and 09-21 use the September quote
    expect(lprVerification('2026-09-25')).toBe('secondary');
    expect(lprVerification('2026-09-19')).toBe('verified_secondary');
    expect(LPR.some((e) => e.date >= '2026-10-01')).toBe(false);
    expect(ref).toContain(norm('**2026-10 (expected 2026-10-20) and 2026-11 (expected 2026-11-20): not found, not in the reference yet.**'));
  });

  withRef('changes 2026-12: the statuses and facts of the updated items are in cn-law.md', () => {
    // Each status encoded above is stated in the reference's own words.
    for (const s of [
      'D5: UNVERIFIED → SECONDARY',
      'D3: UNVERIFIED → SECONDARY',
      'New D7: where the 24% / 36% lines came from',
      'New C6: 2025 four-department personal-information campaign',
      'A12: 金规〔2026〕2号 and 2026-03-03 UNVERIFIED → SECONDARY',
      'in the 2020-08-20 text the 4 × LPR rule is 第二十六条',
    ]) expect(ref, s).toContain(norm(s));
    expect(getCitation('fin-trial-2017.art2').docNumber).toBe('法发〔2017〕22号');
    expect(getCitation('fin-trial-2017.art2').excerptKind).toBeUndefined();
    expect(getCitation('cost-disclosure-2026').docNumber).toBe('金规〔2026〕2号');
    expect(getCitation('microloan-interim-measures').docNumber).toBe('金规〔2024〕26号');
    expect(getCitation('private-lending-2015.art26').effectiveTo).toBe('2020-08-19');
    const aug = getCitation('private-lending-2020-08.art26');
    expect([aug.effectiveFrom, aug.effectiveTo]).toEqual(['2020-08-20', '2020-12-31']);
    // The lending-app item is still not read verbatim: a summary, never a quotation; it says contacts are not necessary.
    const lending = getCitation('app-necessary-pi-2021.lending');
    expect(lending.excerptKind).toBe('summary');
    expect(lending.excerpt.zh).toContain('通讯录');
    expect(lending.note).toMatch(/never print this as a quotation/);
  });

  it('refuses dates before the first quote and after the table, and bad dates', () => {
    expect(LPR_KNOWN_FROM).toBe('2019-08-20');
    expect(LPR_KNOWN_THROUGH).toBe('2026-10-19');
    expect(() => lprOn('2019-08-19')).toThrow(RangeError);
    expect(() => lprOn('2019-08-19')).toThrow(/4\.35%/);
    expect(lprOn('2019-08-20').oneYear).toBe(0.0425);
    expect(lprOn(LPR_KNOWN_THROUGH).date).toBe('2026-09-20');
    expect(() => lprOn(dayAfter(LPR_KNOWN_THROUGH))).toThrow(RangeError);
    const after = lprOnOrLast('2026-11-27');
    expect(after.entry).toEqual({ date: '2026-09-20', oneYear: 0.03, fiveYear: 0.035 });
    expect(after.beyondTable).toBe(true);
    expect(after.note!.zh).toContain('2026-09-20');
    expect(after.note!.en).toMatch(/newer quote may apply/);
    expect(lprOnOrLast('2026-10-01')).toMatchObject({ beyondTable: false, note: null });
    expect(() => lprOnOrLast('2019-01-01')).toThrow(RangeError);
    expect(() => lprOn('2019-8-20')).toThrow(TypeError);
    expect(() => lprOn('2023-02-30')).toThrow(TypeError);
  });
});

describe('legal lines', () => {
  it('cite only existing citations, and are as verified as their weakest citation', () => {
    for (const line of LEGAL_LINES) {
      expect(line.citationIds.length, line.id).toBeGreaterThan(0);
      for (const id of line.citationIds) expect(hasCitation(id), `${line.id}: ${id}`).toBe(true);
      const weakest = Math.min(...line.citationIds.map((id) => VERIFICATION_RANK[getCitation(id).verified]));
      expect(VERIFICATION_RANK[line.verified!], line.id).toBe(weakest);
      expect(line.tier, line.id).toBeDefined();
      for (const t of [line.label, line.meaning, line.notApplicableReason]) {
        expect(t.zh.trim(), line.id).not.toBe('');
        expect(t.en.trim(), line.id).not.toBe('');
      }
    }
  });

  it('apply 4 × LPR to private lenders only; 24% is SECONDARY and never a cap', () => {
    const byId = new Map(LEGAL_LINES.map((l) => [l.id, l]));
    expect([...byId.keys()]).toEqual(['lpr4', '24', '36']);
    const lpr4 = byId.get('lpr4')!;
    expect(lpr4.rate).toBe('lpr4');
    expect(lpr4.appliesTo).toEqual(['private']);
    expect(lpr4.citationIds).toContain('private-lending-scope-2020');
    expect(lpr4.notApplicableReason.zh).toContain('小额贷款公司');
    expect(lpr4.effectiveFrom).toBe('2020-08-20');
    const l24 = byId.get('24')!;
    expect(l24.rate).toBe(0.24);
    expect(l24.verified).toBe('secondary');
    expect(l24.appliesTo).not.toContain('private');
    expect(l24.meaning.zh).toContain('不是法定利率上限');
    expect(l24.meaning.en).toMatch(/when the borrower asks/);
    const l36 = byId.get('36')!;
    expect(l36.rate).toBe(0.36);
    expect(l36.verified).toBe('verified_secondary');
    expect(l36.appliesTo).not.toContain('bank');
    expect(l36.meaning.en).toMatch(/Not a civil interest cap/);
  });
});

describe('channels', () => {
  it('have unique ids and cite only existing citations', () => {
    const ids = CHANNELS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ch of CHANNELS) {
      for (const id of ch.citationIds ?? []) expect(hasCitation(id), `${ch.id}: ${id}`).toBe(true);
      expect(ch.contact.trim(), ch.id).not.toBe('');
      expect(VERIFICATIONS, ch.id).toContain(ch.verified);
    }
    for (const id of ['lender', '12378', 'local_regulator', 'nifa', '12321', '12377', 'police', '12315']) expect(ids).toContain(id);
  });

  it('name only known rule ids, and every rule has a channel', () => {
    const known = new Set<string>(CN_RULE_IDS);
    for (const ch of CHANNELS) for (const r of ch.rules) expect(known.has(r), `${ch.id}: ${r}`).toBe(true);
    for (const r of CN_RULE_IDS) expect(CHANNELS.some((ch) => ch.rules.includes(r)), r).toBe(true);
  });

  it('give every lender type a channel for third-party contact', () => {
    const types: readonly LenderType[] = LENDER_TYPES;
    for (const t of types) {
      const ok = CHANNELS.some(
        (ch) => ch.rules.includes('cn.third-party-contact') && (ch.lenderTypes === 'any' || ch.lenderTypes.includes(t)),
      );
      expect(ok, t).toBe(true);
    }
    const local = CHANNELS.find((c) => c.id === 'local_regulator')!;
    expect(local.lenderTypes).toEqual(['microloan']);
  });
});

describe('public-security law by event date', () => {
  it('switches from the 2012 text to the 2025 revision on 2026-01-01', () => {
    expect(PSL_2025_FROM).toBe('2026-01-01');
    expect(publicSecurityCitation('2025-12-31', 'threat')).toBe('psl-2012.art42.item1');
    expect(publicSecurityCitation('2026-01-01', 'threat')).toBe('psl-2025.art50.item1');
    expect(publicSecurityCitation('2025-12-31', 'insult')).toBe('psl-2012.art42.item2');
    expect(publicSecurityCitation('2026-01-01', 'insult')).toBe('psl-2025.art50.item2');
    expect(publicSecurityCitation('2025-12-31', 'harassment')).toBe('psl-2012.art42.item5');
    expect(publicSecurityCitation('20260101', 'harassment')).toBe('psl-2025.art50.item5');
    expect(publicSecurityCitation('20251231', 'privacy')).toBe('psl-2012.art42.item6');
    expect(publicSecurityCitation('2025-12-31', 'no_contact_order')).toBeNull();
    expect(publicSecurityCitation('2026-01-01', 'no_contact_order')).toBe('psl-2025.art50.para2');
    expect(publicSecurityCitation('2025-12-31', 'personal_info')).toBeNull();
    expect(publicSecurityCitation('2026-01-01', 'personal_info')).toBe('psl-2025.art56');
    expect(publicSecurityCitation('2025-12-31', 'limitation')).toBe('psl-2012.art22');
    expect(publicSecurityCitation('2026-01-01', 'limitation')).toBe('psl-2025.art25');
    expect(() => publicSecurityCitation('2026/01/01', 'threat')).toThrow(TypeError);
  });

  it('returns citations that exist and are in force on that day', () => {
    for (const conduct of PUBLIC_SECURITY_CONDUCTS) {
      for (const day of ['2025-12-31', '2026-01-01', '2021-06-01', '2030-01-01']) {
        const id = publicSecurityCitation(day, conduct);
        if (id === null) continue;
        const c = getCitation(id);
        expect(inForceOn(c, day), `${conduct} ${day} ${id}`).toBe(true);
        expect(formatCitation(c, 'zh')).toMatch(/^《治安管理处罚法》（20\d\d年修[正订]）第/);
      }
    }
  });

  withRef('matches the old → new article map of the reference', () => {
    const pairs: [string, string][] = [
      ['threat', '第四十二条|第五十条'],
      ['picking_quarrels', '第二十六条|第三十条'],
      ['liberty_or_home', '第四十条(三)|第四十七条(三)'],
      ['assault', '第四十三条|第五十一条'],
      ['extortion', '第四十九条|第五十八条'],
      ['impersonation', '第五十一条|第六十二条'],
      ['forged_documents', '第五十二条|第六十三条'],
      ['limitation', '第二十二条|第二十五条'],
      ['report_registration', '第七十七条|第九十条'],
    ];
    const mapStart = reference.indexOf('| Conduct | 2012 text');
    const map = reference.slice(mapStart, reference.indexOf('### B7'));
    for (const [conduct, both] of pairs) {
      const [o, n] = both.split('|') as [string, string];
      const oldC = getCitation(publicSecurityCitation('2025-12-31', conduct as never)!);
      const newC = getCitation(publicSecurityCitation('2026-01-01', conduct as never)!);
      expect(oldC.article!.startsWith(o.replace(/\(.*$/, '')), conduct).toBe(true);
      expect(newC.article!.startsWith(n.replace(/\(.*$/, '')), conduct).toBe(true);
      const row = map.split('\n').find((l) => l.includes(o) && l.includes(n.replace(/\(.*$/, '')));
      expect(row, conduct).toBeDefined();
    }
  });
});

describe('labels and formatting', () => {
  it('labels every tier and status in both languages, tiers ordered by binding force', () => {
    expect(new Set(TIER_ORDER).size).toBe(7);
    expect([...TIER_ORDER].sort()).toEqual([...TIERS].sort());
    for (const t of TIERS) expect(TIER_LABEL[t].zh && TIER_LABEL[t].en).toBeTruthy();
    for (const v of VERIFICATIONS) expect(VERIFICATION_LABEL[v].zh && VERIFICATION_LABEL[v].en).toBeTruthy();
    expect(TIER_LABEL.national_standard.zh).toContain('国家推荐性标准');
    expect(TIER_LABEL.national_standard.en).toMatch(/not law/);
  });

  it('formats citations the way a complaint names them', () => {
    expect(formatCitation(getCitation('cfc-2024.art56'), 'zh')).toBe('《消费金融公司管理办法》第五十六条');
    expect(formatCitation(getCitation('cfc-2024.art56'), 'zh', { withDocNumber: true })).toBe(
      '《消费金融公司管理办法》（国家金融监督管理总局令2024年第4号）第五十六条',
    );
    expect(formatCitation(getCitation('cfc-2024.art56'), 'en')).toBe('Measures for the Administration of Consumer Finance Companies, Art. 56');
    expect(formatCitation(getCitation('criminal-law.art293-1'), 'zh')).toBe('《刑法》第二百九十三条之一');
    expect(formatCitation(getCitation('criminal-law.art293-1'), 'en')).toBe('Criminal Law, Art. 293-1');
    expect(formatCitation(getCitation('psl-2025.art50.item5'), 'zh')).toBe('《治安管理处罚法》（2025年修订）第五十条第一款第（五）项');
    expect(formatCitation(getCitation('psl-2025.art50.item5'), 'en')).toBe(
      'Public Security Administration Punishments Law (2025 revision), Art. 50(1), item 5',
    );
    expect(formatCitation(getCitation('psl-2012.art42'), 'zh')).toBe('《治安管理处罚法》（2012年修正）第四十二条');
    expect(formatCitation(getCitation('gbt-45251-2025.night'), 'zh')).toBe('GB/T 45251-2025《互联网金融 个人网络消费信贷 贷后催收风控指引》');
    expect(formatCitation(getCitation('cba-2026-guideline'), 'zh')).toBe('中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》');
    expect(formatCitation(getCitation('pboc-2021-3'), 'zh', { withDocNumber: true })).toBe('中国人民银行公告〔2021〕第3号');
    expect(formatCitation(getCitation('civil-code.art1033'), 'en')).toBe('Civil Code, Art. 1033');
    expect(formatCitation(getCitation('xunxin-2013.art1'), 'en')).toMatch(/, Art\. 1\(3\)$/);
    expect(formatCitation(getCitation('zhudai-2025.item6'), 'zh', { withDocNumber: true })).toBe(
      '《关于加强商业银行互联网助贷业务管理提升金融服务质效的通知》（金规〔2025〕9号）第六项',
    );
  });

  it('reads every article label into English', () => {
    for (const c of CITATIONS) if (c.article) expect(() => articleEn(c.article!), c.id).not.toThrow();
    expect(articleEn('第十一条至第十六条')).toBe('Arts. 11–16');
    expect(articleEn('第二十八条、第二十九条')).toBe('Arts. 28, 29');
    expect(articleEn('第四十条第（三）项')).toBe('Art. 40, item 3');
    expect(articleEn('第五十条第二款')).toBe('Art. 50(2)');
    expect(articleEn('第一部分')).toBe('Part 1');
    expect(() => articleEn('Article 5')).toThrow(RangeError);
  });

  it('reads Chinese numerals', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['十', 10],
      ['十六', 16],
      ['二十', 20],
      ['五十六', 56],
      ['一百零五', 105],
      ['一百四十四', 144],
      ['二百九十三', 293],
      ['九百九十五', 995],
      ['一千零三十三', 1033],
      ['一千一百八十三', 1183],
    ];
    for (const [s, n] of cases) expect(parseChineseNumber(s), s).toBe(n);
    expect(() => parseChineseNumber('5')).toThrow(RangeError);
  });

  it('checks whether a citation is in force on a day', () => {
    const c = getCitation('psl-2012.art42');
    expect(inForceOn(c, '2025-12-31')).toBe(true);
    expect(inForceOn(c, '2026-01-01')).toBe(false);
    expect(inForceOn(getCitation('cost-disclosure-2026'), '2026-07-31')).toBe(false);
    expect(inForceOn(getCitation('cost-disclosure-2026'), '2026-08-01')).toBe(true);
  });
});

describe('layer rule', () => {
  it('src/law imports only from src/law and src/domain', () => {
    for (const name of readdirSync(here)) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      const src = readFileSync(join(here, name), 'utf8');
      for (const m of src.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        const bare = !spec.startsWith('.') && !spec.startsWith('node:');
        expect(spec.startsWith('./') || spec.startsWith('../domain/') || bare, `${name}: ${spec}`).toBe(true);
      }
    }
  });
});
