/**
 * Citation ids the PRC pack uses (ids only: their tier, status and days in force come from src/law through the law
 * view, CaseData.law). test/rules-law.test.ts checks that each exists in src/law and may be shown.
 */

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
  /** 民法典 第一千零三十三条（一）: harassment by phone, SMS or IM (from 2021-01-01). */
  civil1033Item1: 'civil-code.art1033.item1',
  civil1024: 'civil-code.art1024',
} as const;
