import { describe, expect, it } from 'vitest';
import { detectThirdPartyReport, groupCollectors, lenderMentions, matchLender, maskNumber, serviceKind, signatureClaims, type GroupingEvent, type LenderIdentity } from './collectors.js';

const day = (at: number) => new Date(at + 8 * 3600e3).toISOString().slice(0, 10);
const sms = (number: string, text: string, at = 0, labels: GroupingEvent['labels'] = ['collection']): GroupingEvent => ({ kind: 'sms', direction: 'in', at, number, text, labels });
const call = (number: string, at: number, direction = 'in'): GroupingEvent => ({ kind: 'call', direction, at, number, text: null, labels: [], callStatus: 'missed' });

describe('lender mentions', () => {
  it('reads sender tags and lender names from the text', () => {
    expect(lenderMentions('【安心消费金融】您的借款已逾期3天')).toContain('安心消费金融');
    expect(lenderMentions('您在速借花平台的借款已逾期，请尽快还款')).toContain('速借花');
  });
  it('does not take a verb phrase ending in 借/花/贷 for a lender', () => {
    expect(lenderMentions('你这种人也配借钱？赶紧还钱')).toEqual([]);
    expect(lenderMentions('钱都花了还不还')).toEqual([]);
    expect(lenderMentions('你欠快闪贷的钱什么时候还')).toContain('快闪贷');
  });
  it('fuzzy-matches a mention to a loan of the case', () => {
    const lenders = [{ loanId: 7, names: ['安心消费金融有限公司', '安心借'] }, { loanId: 8, names: ['快闪小贷'] }];
    expect(matchLender(['安心消费金融'], lenders)?.loanId).toBe(7);
    expect(matchLender(['快闪贷'], lenders)?.loanId).toBe(8);
    expect(matchLender(['顺丰速运'], lenders)).toBeNull();
  });
});

describe('collector grouping', () => {
  const lenders = [{ loanId: 1, names: ['安心消费金融'] }];
  it('groups numbers that name the same lender into one collector linked to the loan', () => {
    const g = groupCollectors(
      [sms('13800000001', '【安心消费金融】您已逾期'), sms('13800000002', '安心消费金融提醒：请今天还款'), sms('95000', '【快闪贷】请还款')],
      { contactNumbers: new Set(), lenders, tz: 'Asia/Shanghai' },
      day,
    );
    expect(g[0]).toMatchObject({ numbers: ['13800000001', '13800000002'], loanId: 1, lenderName: '安心消费金融' });
    // 快闪贷 is neither in the registry (none passed here) nor a loan of the case: unknown, never a name from the text.
    expect(g[1]).toMatchObject({ numbers: ['95000'], loanId: null, lenderName: null, lenderSource: null });
  });
  it('takes a number that calls 3 times in a day as a collector, but not a contact or a number the borrower calls', () => {
    const base = Date.UTC(2024, 5, 1, 2);
    const evs = [0, 1, 2].flatMap((i) => [call('17000000001', base + i * 60e3), call('13900000009', base + i * 60e3), call('18000000003', base + i * 60e3)]);
    evs.push(call('18000000003', base + 10e6, 'out'));
    const g = groupCollectors(evs, { contactNumbers: new Set(['13900000009']), lenders, tz: 'Asia/Shanghai' }, day);
    expect(g.map((x) => x.numbers)).toEqual([['17000000001']]);
    expect(g[0]!.reasons).toEqual(['call_pattern']);
  });
  it('does not take a friend who forwards a collector\'s message for a collector', () => {
    const g = groupCollectors([sms('13900000009', '转发：【速借花】你已逾期，再不还钱就联系你全部通讯录'), sms('17000000001', '【速借花】你已逾期')], { contactNumbers: new Set(['13900000009']), lenders, tz: 'Asia/Shanghai' }, day);
    expect(g.flatMap((x) => x.numbers)).toEqual(['17000000001']);
  });
  it('ignores ordinary messages', () => {
    expect(groupCollectors([sms('95588', '您的验证码是1234', 0, [])], { contactNumbers: new Set(), lenders, tz: 'Asia/Shanghai' }, day)).toEqual([]);
  });
});

// A registry stand-in: what src/law's findLender knows, as the app passes it in.
const REGISTRY: Record<string, LenderIdentity> = {
  招联金融: { name: '招联金融', entityId: 'cfc.zhaolian', brandId: null, names: ['招联消费金融股份有限公司', '招联金融'] },
  '360借条': { name: '360借条', entityId: null, brandId: 'brand.360jietiao', names: ['360借条', '福州奇富网络小额贷款有限公司'] },
};
const identify = (n: string) => REGISTRY[n] ?? null;
const namesIn = (t: string) => Object.keys(REGISTRY).filter((n) => t.includes(n));
const opts = (o: Partial<Parameters<typeof groupCollectors>[1]> = {}) => ({ contactNumbers: new Set<string>(), lenders: [], tz: 'Asia/Shanghai', identify, namesIn, ...o });

describe('collectors linked to lenders honestly (issue 12 §2)', () => {
  it('takes a lender only from the registry: sentence fragments are never lender names', () => {
    const g = groupCollectors([sms('13800000001', '再不还款银行将起诉你'), sms('13800000002', '你因贷款逾期已被列入黑名单')], opts(), day);
    expect(g).toHaveLength(2);
    for (const x of g) expect(x).toMatchObject({ lenderName: null, lenderEntityId: null, lenderSource: null });
    expect(g.map((x) => x.name).join()).not.toMatch(/再不还款银行|因贷款/);
  });
  it('records authorities in signatures as claims, never as the lender', () => {
    const g = groupCollectors(
      [
        sms('13800000001', '【XX市仲裁委员会】您的借款已逾期，我委将依法裁决。', 0, ['collection', 'impersonation']),
        sms('13800000002', '【司法协作中心】您的案件已移交，请尽快处理欠款。', 0, ['collection', 'impersonation']),
        sms('13800000003', '【法务部】您的欠款已逾期90天，再不还款将起诉。'),
        sms('13800000004', '【北京XX律师事务所】关于您在360借条的欠款，我所受委托催收。', 0, ['collection', 'impersonation']),
      ],
      opts(),
      day,
    );
    const by = new Map(g.flatMap((x) => x.numbers.map((n) => [n, x])));
    expect(by.get('13800000001')).toMatchObject({ lenderName: null, claims: ['XX市仲裁委员会'] });
    expect(by.get('13800000002')).toMatchObject({ lenderName: null, claims: ['司法协作中心'] });
    expect(by.get('13800000003')).toMatchObject({ lenderName: null, claims: ['法务部'] });
    // The law firm is a claim; the brand it names is the lender (the registry knows 360借条).
    expect(by.get('13800000004')).toMatchObject({ lenderName: '360借条', lenderBrandId: 'brand.360jietiao', lenderEntityId: null, lenderSource: 'brand', claims: ['北京XX律师事务所'] });
    expect(signatureClaims('【XX市仲裁委员会】您的借款')).toEqual([{ name: 'XX市仲裁委员会', span: [0, 10] }]);
    expect(signatureClaims('【招联金融】您的借款')).toEqual([]);
  });
  it('takes a 【signature】 the registry knows for the lender and links the loan of the case by the registry names', () => {
    const g = groupCollectors(
      [sms('13800000001', '【招联金融】您的借款已逾期，请尽快还款。'), sms('13800000002', '【招联金融】逾期将影响征信')],
      opts({ lenders: [{ loanId: 4, names: ['招联消费金融股份有限公司'] }] }),
      day,
    );
    expect(g).toEqual([expect.objectContaining({ numbers: ['13800000001', '13800000002'], lenderName: '招联金融', lenderEntityId: 'cfc.zhaolian', lenderSource: 'signature', loanId: 4, claims: [] })]);
  });
  it('knows a published service number', () => {
    const base = Date.UTC(2024, 5, 1, 2);
    const svc = (n: string) => (n === '95384' ? REGISTRY['招联金融']! : null);
    const g = groupCollectors([0, 1, 2].map((i) => call('95384', base + i * 60e3)), opts({ serviceNumber: svc }), day);
    expect(g[0]).toMatchObject({ numbers: ['95384'], lenderEntityId: 'cfc.zhaolian', lenderSource: 'service_number', reasons: ['call_pattern'] });
  });
  it('does not take verification codes, salary or statement messages, or credit-repair adverts for collection', () => {
    expect(serviceKind('【建设银行】您的验证码是834121，您正在进行借款操作，切勿告知他人。')).toBe('verification_code');
    expect(serviceKind('【平安银行】您尾号6677账户10月10日代发工资收入12,000.00元，余额13,455.20元。')).toBe('salary');
    expect(serviceKind('【招商银行】您尾号1234的信用卡本期账单金额3,000.00元，最低还款300.00元，到期还款日10月05日。')).toBe('statement');
    expect(serviceKind('【借呗】您本月应还款1,200元，还款日为10月15日，请确保账户余额充足。')).toBe('statement');
    expect(serviceKind('征信修复、网贷逾期协商还款、停息挂账，专业团队帮您解决，咨询V:abc123')).toBe('advert');
    expect(serviceKind('【招商银行】您的信用卡本期账单3,000元，到期还款日10月05日，请按时还款，以免逾期影响征信。')).toBe('statement');
    expect(serviceKind('【安逸花】您的借款已逾期3天，请立即还款。')).toBeNull();
    expect(serviceKind('【招商银行】您的信用卡账单已逾期，最低还款额300元未还，请立即还款。')).toBeNull();
    expect(serviceKind('验证码都不会看？再不还钱爆你通讯录', ['collection', 'threat_contacts'])).toBeNull();
    const base = Date.UTC(2024, 5, 1, 2);
    const g = groupCollectors(
      [
        // The classifier may label a due-date reminder collection: still a statement.
        sms('95188', '【借呗】您本月应还款1,200元，还款日为10月15日，请确保账户余额充足。'),
        sms('95533', '【建设银行】您的验证码是834121。', 0, []),
        ...[0, 1, 2].map((i) => call('95533', base + i * 60e3)),
        sms('10690000', '征信修复、网贷逾期协商停催，专业团队，详询V:abc', 0, ['collection']),
        sms('13800000001', '【安逸花】您的借款已逾期3天，请立即还款。'),
      ],
      opts(),
      day,
    );
    expect(g.flatMap((x) => x.numbers)).toEqual(['13800000001']);
  });
  it('never groups a number the person marked "not a collector"', () => {
    const base = Date.UTC(2024, 5, 1, 2);
    const evs = [sms('13800000001', '您已逾期'), ...[0, 1, 2].map((i) => call('13800000001', base + i * 60e3))];
    expect(groupCollectors(evs, opts(), day)).toHaveLength(1);
    expect(groupCollectors(evs, opts({ notCollectors: new Set(['13800000001']) }), day)).toEqual([]);
  });
});

describe('third-party report detection', () => {
  it('finds a contact saying a collector called them', () => {
    const t = '刚才有个催收打电话给我，说你欠了钱，怎么回事？';
    const s = detectThirdPartyReport(t)!;
    expect(s).not.toBeNull();
    expect(t.slice(s[0], s[1])).toContain('打电话给我');
    expect(detectThirdPartyReport('给我打电话说你欠钱没还')).not.toBeNull();
  });
  it('does not fire on ordinary chat', () => {
    expect(detectThirdPartyReport('晚上给我打电话，一起吃饭')).toBeNull();
    expect(detectThirdPartyReport('妈妈让我问你周末回不回家')).toBeNull();
  });
  it('masks numbers', () => {
    expect(maskNumber('13812345678')).toBe('138****5678');
  });
});
