import { describe, expect, it } from 'vitest';
import { LENDER_TYPES } from '../domain/loans/types.js';
import {
  CHANNEL_IDS,
  LENDER_BRANDS,
  LENDER_ENTITIES,
  LENDER_FACT_STATUSES,
  REGISTRY_LENDER_TYPES,
  brandsOfEntity,
  findLender,
  getLenderBrand,
  getLenderEntity,
  loanLenderType,
  normalizeLenderName,
  registryCounts,
  type LenderFactStatus,
} from './lenders.js';

const entityNames = (q: string) => findLender(q).map((m) => m.entity.name);
const first = (q: string) => findLender(q)[0];

describe('normalizeLenderName', () => {
  it('folds traditional characters, full-width forms, brackets, spaces and legal-form suffixes', () => {
    expect(normalizeLenderName('招聯消費金融有限公司')).toBe('招联消费金融');
    expect(normalizeLenderName('【招联金融】')).toBe('招联金融');
    expect(normalizeLenderName('招联消费金融（中国）股份有限公司')).toBe('招联消费金融');
    expect(normalizeLenderName('中国 工商银行 股份有限公司')).toBe('中国工商银行');
    expect(normalizeLenderName('ＨＯＭＥ　ＣＲＥＤＩＴ')).toBe('homecredit');
    expect(normalizeLenderName('四川锦程消费金融有限责任公司')).toBe('四川锦程消费金融');
    expect(normalizeLenderName('兴业消费金融股份公司')).toBe('兴业消费金融');
  });
});

describe('findLender: brands', () => {
  it.each([
    ['借呗', 'cfc.ant'],
    ['花呗', 'cfc.ant'],
    ['微粒贷', 'bank.webank'],
    ['京东金条', 'mlc.jd-shengji'],
    ['美团借钱', 'mlc.meituan-sankuai'],
    ['有钱花', 'mlc.duxiaoman'],
    ['360借条', 'mlc.qifu'],
    ['分期乐', 'bank.njcb'],
    ['安逸花', 'cfc.mashang'],
    ['招联好期贷', 'cfc.zhaolian'],
    ['中邮钱包', 'cfc.zhongyou'],
    ['捷信', 'cfc.jd'],
    ['放心借', 'mlc.zhongrong'],
    ['招商银行信用卡', 'bank.cmb'],
    ['网商贷', 'bank.mybank'],
    ['拍拍贷', 'bank.aibank'],
  ])('%s → %s first', (q, id) => {
    const m = first(q);
    expect(m?.entity.id).toBe(id);
    expect(m?.how).toBe('exact');
    expect(m?.brand?.name).toBe(q);
  });

  it('a card brand is a credit_card row on the bank', () => {
    const m = first('广发信用卡')!;
    expect(m.type).toBe('credit_card');
    expect(m.entity.name).toBe('广发银行股份有限公司');
    expect(m.entity.channels).toContain('12378');
  });

  it('a multi-lender brand returns every entity it lends through, each marked, lenders before the operator', () => {
    const rows = findLender('360借条');
    const brand = getLenderBrand('brand.360jietiao');
    expect(brand.multiLender).toBe(true);
    expect(rows.map((r) => r.entity.id)).toEqual(brand.entities);
    expect(rows.every((r) => r.multiLender && r.brand?.id === 'brand.360jietiao')).toBe(true);
    expect(rows.at(-1)?.entity.type).toBe('platform');
    // A bank lending under a platform brand is still a bank row (its own regulator and channels).
    const njcb = rows.find((r) => r.entity.id === 'bank.njcb')!;
    expect(njcb.type).toBe('bank');
    expect(njcb.entity.channels).toContain('12378');
  });

  it('a single-lender brand is not marked multi-lender', () => {
    const rows = findLender('招联好期贷');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.multiLender).toBe(false);
  });
});

describe('findLender: names, short names, aliases and forms', () => {
  it('registered names in traditional characters, with or without suffixes', () => {
    expect(first('招聯消費金融有限公司')?.entity.id).toBe('cfc.zhaolian');
    expect(first('招联消费金融股份有限公司')?.entity.id).toBe('cfc.zhaolian');
    expect(first('馬上消費金融股份有限公司')?.entity.id).toBe('cfc.mashang');
    expect(first('深圳前海微眾銀行股份有限公司')?.entity.id).toBe('bank.webank');
    expect(first('中國建設銀行')?.entity.id).toBe('bank.ccb');
  });

  it('full-width and bracketed signatures', () => {
    expect(first('【招联金融】')?.entity.id).toBe('cfc.zhaolian');
    expect(first('［中邮消费金融］')?.entity.id).toBe('cfc.zhongyou');
    expect(first('ＨＯＭＥ ＣＲＥＤＩＴ')?.entity.id).toBe('cfc.jd');
    expect(first('３６０借条')?.brand?.id).toBe('brand.360jietiao');
  });

  it('short names and known aliases (former names)', () => {
    expect(first('招行')?.entity.id).toBe('bank.cmb');
    expect(first('微众')?.entity.id).toBe('bank.webank');
    expect(first('捷信消费金融有限公司')?.entity.id).toBe('cfc.jd');
    expect(first('苏宁消费金融有限公司')?.entity.id).toBe('cfc.nanyin-bnp');
    expect(first('福州三六零网络小额贷款有限公司')?.entity.id).toBe('mlc.qifu');
    expect(first('包银消费金融')?.entity.id).toBe('cfc.mengshang');
    expect(first('陆金所')?.brand?.id).toBe('brand.pingan-puhui');
  });

  it('a registry name inside a longer name matches, exact matches rank first', () => {
    expect(first('招联金融客服中心')?.entity.id).toBe('cfc.zhaolian');
    expect(first('招联金融客服中心')?.how).toBe('partial');
    expect(first('借呗逾期')?.brand?.id).toBe('brand.jiebei');
    const rows = findLender('平安银行');
    expect(rows[0]?.entity.id).toBe('bank.pab');
    expect(rows[0]?.how).toBe('exact');
  });

  it('a common word listed as exact-only matches only on its own', () => {
    expect(first('马上')?.entity.id).toBe('cfc.mashang');
    expect(findLender('马上还款')).toEqual([]);
  });
});

describe('findLender: not lenders', () => {
  it.each([
    '再不还款银行',
    '因贷款',
    '仲裁委员会',
    '某某市仲裁委员会',
    '司法协作中心',
    '法务中心',
    '人民法院',
    '北京市朝阳区人民法院',
    '公安',
    '公安局',
    '财产保全通知',
    '调解中心',
    '律师事务所',
    '中国互联网金融协会',
    '银行',
    '消费金融',
    '信用卡中心',
    '贷款',
    '',
    '  ',
    '某',
  ])('%j → []', (q) => {
    expect(findLender(q)).toEqual([]);
  });
});

describe('registry data', () => {
  const STATUSES = new Set<LenderFactStatus>(LENDER_FACT_STATUSES);
  const TYPES = new Set(REGISTRY_LENDER_TYPES);
  const checkFact = (where: string, f: { source: string; status: LenderFactStatus }) => {
    expect(f.source.trim(), `${where}: source`).not.toBe('');
    expect(STATUSES.has(f.status), `${where}: status ${f.status}`).toBe(true);
  };

  it('has at least 150 brands and entities, covering the consumer finance companies', () => {
    const c = registryCounts();
    expect(c.brands + c.entities).toBeGreaterThanOrEqual(150);
    expect(c.entitiesByType.consumer_finance).toBeGreaterThanOrEqual(30);
    expect(c.entitiesByType.internet_bank).toBeGreaterThanOrEqual(19);
  });

  it('ids are unique and well formed', () => {
    const ids = [...LENDER_ENTITIES.map((e) => e.id), ...LENDER_BRANDS.map((b) => b.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of LENDER_ENTITIES) expect(e.id).toMatch(/^(cfc|bank|mlc|guar|plat)\.[a-z0-9-]+$/);
    for (const b of LENDER_BRANDS) expect(b.id).toMatch(/^brand\.[a-z0-9-]+$/);
  });

  it('no two entities share a registered name, and no name is both a brand and an entity of another kind by accident', () => {
    const names = LENDER_ENTITIES.map((e) => normalizeLenderName(e.name));
    expect(new Set(names).size).toBe(names.length);
    const brandNames = LENDER_BRANDS.map((b) => normalizeLenderName(b.name));
    expect(new Set(brandNames).size).toBe(brandNames.length);
  });

  it('a name (registered, short or alias) never points at two entities, and a name shared by a brand and an entity is one the brand lends through', () => {
    const byKey = new Map<string, Set<string>>();
    const add = (name: string, id: string) => {
      const k = normalizeLenderName(name);
      if (!byKey.has(k)) byKey.set(k, new Set());
      byKey.get(k)!.add(id);
    };
    for (const e of LENDER_ENTITIES) for (const n of [e.name, ...e.shortNames, ...(e.aliases ?? []), ...(e.exactOnly ?? [])]) add(n, e.id);
    for (const b of LENDER_BRANDS) for (const n of [b.name, ...(b.aliases ?? []), ...(b.exactOnly ?? [])]) add(n, b.id);
    for (const [key, ids] of byKey) {
      if (ids.size < 2) continue;
      const entities = [...ids].filter((id) => !id.startsWith('brand.'));
      const brands = [...ids].filter((id) => id.startsWith('brand.'));
      expect(entities.length, `${key}: ${[...ids].join(', ')}`).toBeLessThanOrEqual(1);
      expect(brands.length, `${key}: ${[...ids].join(', ')}`).toBeLessThanOrEqual(1);
      if (entities.length && brands.length) expect(getLenderBrand(brands[0]!).entities, key).toContain(entities[0]);
    }
  });

  it('every entity has a type, channels, regulator and province, each fact with source and status', () => {
    for (const e of LENDER_ENTITIES) {
      expect(TYPES.has(e.type), `${e.id} type`).toBe(true);
      expect(e.name.trim()).not.toBe('');
      checkFact(`${e.id}`, e);
      checkFact(`${e.id} regulator`, e.regulator);
      checkFact(`${e.id} province`, e.province);
      expect(e.regulator.value.trim()).not.toBe('');
      expect(e.province.value.trim()).not.toBe('');
      expect(e.channels.length, `${e.id} channels`).toBeGreaterThan(0);
      for (const ch of e.channels) expect(CHANNEL_IDS.has(ch), `${e.id} channel ${ch}`).toBe(true);
      for (const n of e.serviceNumbers) {
        checkFact(`${e.id} number ${n.number}`, n);
        expect(n.number).toMatch(/^[0-9][0-9-]{4,}$/);
      }
      // The loan model's type exists for every registry type.
      expect(LENDER_TYPES).toContain(loanLenderType(e.type));
    }
  });

  it('every brand points at existing entities, with source and status', () => {
    for (const b of LENDER_BRANDS) {
      checkFact(b.id, b);
      expect(b.entities.length, `${b.id} entities`).toBeGreaterThan(0);
      expect(new Set(b.entities).size, `${b.id} duplicate entities`).toBe(b.entities.length);
      for (const id of b.entities) expect(() => getLenderEntity(id), `${b.id} → ${id}`).not.toThrow();
      if (b.type) expect(TYPES.has(b.type), `${b.id} type`).toBe(true);
      if (b.entities.length > 1) expect(b.multiLender, `${b.id} has several entities but is not marked multiLender`).toBe(true);
      for (const n of b.serviceNumbers ?? []) checkFact(`${b.id} number ${n.number}`, n);
    }
  });

  it('regulators follow the type: NFRA for banks and consumer finance, the local regulator for microloan and guarantee companies', () => {
    for (const e of LENDER_ENTITIES) {
      if (['bank', 'internet_bank', 'consumer_finance', 'credit_card'].includes(e.type)) {
        expect(e.regulator.value, e.id).toMatch(/^国家金融监督管理总局/);
        expect(e.channels, e.id).toContain('12378');
      }
      if (e.type === 'microloan' || e.type === 'guarantee') {
        expect(e.regulator.value, e.id).toMatch(/地方金融管理局$/);
        expect(e.channels, e.id).toContain('local_regulator');
      }
    }
  });

  it('nothing from the authors\' knowledge alone is marked verified', () => {
    const all = [
      ...LENDER_ENTITIES.flatMap((e) => [e, e.regulator, e.province, ...e.serviceNumbers]),
      ...LENDER_BRANDS.flatMap((b) => [b, ...(b.serviceNumbers ?? [])]),
    ];
    for (const f of all) if (f.source.startsWith("authors' knowledge")) expect(f.status).toBe('unverified');
  });

  it('every entity is reachable by its registered name, and brandsOfEntity is consistent', () => {
    for (const e of LENDER_ENTITIES) {
      expect(entityNames(e.name)[0], e.id).toBe(e.name);
      for (const b of brandsOfEntity(e.id)) expect(b.entities).toContain(e.id);
    }
  });
});
