/**
 * Citation ids the PRC pack uses, with the tier and days in force of each.
 *
 * The ids and facts mirror src/law (encoded from shared/law/cn-law.md); domain code may not import src/law,
 * so they are repeated here and test/rules-law.test.ts checks every entry against the registry.
 * Only ids marked VERIFIED (primary mirror or secondary) in the reference are used.
 */
import type { CitationMeta } from '../engine.js';

export const C = {
  // A1–A3 lender regulations
  cfcArt56: 'cfc-2024.art56',
  cfcArt55: 'cfc-2024.art55',
  ccArt68: 'credit-card-2011.art68',
  ccArt70: 'credit-card-2011.art70',
  ccArt3: 'credit-card-2011.art3',
  ilArt56: 'internet-loan-2020.art56',
  ilArt34: 'internet-loan-2020.art34',
  // A7 national standard, A9 industry guideline
  gbtContacts: 'gbt-45251-2025.contacts',
  gbtNight: 'gbt-45251-2025.night',
  gbtCalls: 'gbt-45251-2025.calls',
  cbaNight: 'cba-2026-guideline.night',
  cbaAttempts: 'cba-2026-guideline.attempts',
  cbaThirdParty: 'cba-2026-guideline.third-party',
  cbaImpersonation: 'cba-2026-guideline.impersonation',
  cbaImproper: 'cba-2026-guideline.improper-means',
  cbaFalse: 'cba-2026-guideline.false-consequences',
  // B criminal law (statute) and interpretations
  crim293_1: 'criminal-law.art293-1',
  crim293: 'criminal-law.art293',
  xunxin: 'xunxin-2013.art1',
  crim253_1: 'criminal-law.art253-1',
  piCrimeArt5: 'pi-crime-2017.art5',
  crim246: 'criminal-law.art246',
  crim279: 'criminal-law.art279',
  // B5 / B6 治安管理处罚法, 2012 text (to 2025-12-31) and 2025 revision (from 2026-01-01)
  psl12Item1: 'psl-2012.art42.item1',
  psl12Item2: 'psl-2012.art42.item2',
  psl12Item5: 'psl-2012.art42.item5',
  psl12Art51: 'psl-2012.art51',
  psl25Item1: 'psl-2025.art50.item1',
  psl25Item2: 'psl-2025.art50.item2',
  psl25Item5: 'psl-2025.art50.item5',
  psl25Art62: 'psl-2025.art62',
  psl25Art56: 'psl-2025.art56',
  // C personal information and privacy
  piplArt6: 'pipl.art6',
  piplArt10: 'pipl.art10',
  civil1033: 'civil-code.art1033',
  civil1024: 'civil-code.art1024',
} as const;

/** Tier and days in force of each id above (and of the legal-line ids the loans module passes in). */
export const CN_CITATION_META: CitationMeta = {
  'cfc-2024.art56': { tier: 'regulation', effectiveFrom: '2024-04-18', effectiveTo: null },
  'cfc-2024.art55': { tier: 'regulation', effectiveFrom: '2024-04-18', effectiveTo: null },
  'credit-card-2011.art68': { tier: 'regulation', effectiveFrom: null, effectiveTo: null },
  'credit-card-2011.art70': { tier: 'regulation', effectiveFrom: null, effectiveTo: null },
  'credit-card-2011.art3': { tier: 'regulation', effectiveFrom: null, effectiveTo: null },
  'internet-loan-2020.art56': { tier: 'regulation', effectiveFrom: '2020-07-17', effectiveTo: null },
  'internet-loan-2020.art34': { tier: 'regulation', effectiveFrom: '2020-07-17', effectiveTo: null },
  'gbt-45251-2025.contacts': { tier: 'national_standard', effectiveFrom: '2025-02-28', effectiveTo: null },
  'gbt-45251-2025.night': { tier: 'national_standard', effectiveFrom: '2025-02-28', effectiveTo: null },
  'gbt-45251-2025.calls': { tier: 'national_standard', effectiveFrom: '2025-02-28', effectiveTo: null },
  'cba-2026-guideline.night': { tier: 'industry_guideline', effectiveFrom: '2026-01-30', effectiveTo: null },
  'cba-2026-guideline.attempts': { tier: 'industry_guideline', effectiveFrom: '2026-01-30', effectiveTo: null },
  'cba-2026-guideline.third-party': { tier: 'industry_guideline', effectiveFrom: '2026-01-30', effectiveTo: null },
  'cba-2026-guideline.impersonation': { tier: 'industry_guideline', effectiveFrom: '2026-01-30', effectiveTo: null },
  'cba-2026-guideline.improper-means': { tier: 'industry_guideline', effectiveFrom: '2026-01-30', effectiveTo: null },
  'cba-2026-guideline.false-consequences': { tier: 'industry_guideline', effectiveFrom: '2026-01-30', effectiveTo: null },
  'criminal-law.art293-1': { tier: 'statute', effectiveFrom: '2021-03-01', effectiveTo: null },
  'criminal-law.art293': { tier: 'statute', effectiveFrom: null, effectiveTo: null },
  'xunxin-2013.art1': { tier: 'judicial_interpretation', effectiveFrom: '2013-07-22', effectiveTo: null },
  'criminal-law.art253-1': { tier: 'statute', effectiveFrom: null, effectiveTo: null },
  'pi-crime-2017.art5': { tier: 'judicial_interpretation', effectiveFrom: null, effectiveTo: null },
  'criminal-law.art246': { tier: 'statute', effectiveFrom: null, effectiveTo: null },
  'criminal-law.art279': { tier: 'statute', effectiveFrom: null, effectiveTo: null },
  'psl-2012.art42.item1': { tier: 'statute', effectiveFrom: null, effectiveTo: '2025-12-31' },
  'psl-2012.art42.item2': { tier: 'statute', effectiveFrom: null, effectiveTo: '2025-12-31' },
  'psl-2012.art42.item5': { tier: 'statute', effectiveFrom: null, effectiveTo: '2025-12-31' },
  'psl-2012.art51': { tier: 'statute', effectiveFrom: null, effectiveTo: '2025-12-31' },
  'psl-2025.art50.item1': { tier: 'statute', effectiveFrom: '2026-01-01', effectiveTo: null },
  'psl-2025.art50.item2': { tier: 'statute', effectiveFrom: '2026-01-01', effectiveTo: null },
  'psl-2025.art50.item5': { tier: 'statute', effectiveFrom: '2026-01-01', effectiveTo: null },
  'psl-2025.art62': { tier: 'statute', effectiveFrom: '2026-01-01', effectiveTo: null },
  'psl-2025.art56': { tier: 'statute', effectiveFrom: '2026-01-01', effectiveTo: null },
  'pipl.art6': { tier: 'statute', effectiveFrom: '2021-11-01', effectiveTo: null },
  'pipl.art10': { tier: 'statute', effectiveFrom: '2021-11-01', effectiveTo: null },
  'civil-code.art1033': { tier: 'statute', effectiveFrom: '2021-01-01', effectiveTo: null },
  'civil-code.art1024': { tier: 'statute', effectiveFrom: '2021-01-01', effectiveTo: null },
};
