import { describe, expect, it } from 'vitest';
import { detectThirdPartyReport, groupCollectors, lenderMentions, matchLender, maskNumber, type GroupingEvent } from './collectors.js';

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
    expect(g[1]).toMatchObject({ numbers: ['95000'], loanId: null, lenderName: '快闪贷' });
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
