import { describe, expect, it } from 'vitest';
import { demandInText, latestDemand } from './demands.js';

describe('the demand in collectors\' messages', () => {
  it('reads the amount owed', () => {
    expect(demandInText('【速借花】您的欠款共计12,345.67元已逾期30天，请今日处理')).toBe(1_234_567);
    expect(demandInText('您在我司的借款应还金额为 8000 元，逾期将上报')).toBe(800_000);
    expect(demandInText('您当前逾期金额：￥5,200.5元')).toBe(520_050);
    expect(demandInText('拖欠本息合计9999块')).toBe(999_900);
  });
  it('ignores amounts that are not what is owed', () => {
    expect(demandInText('您有一笔 500 元的优惠券待领取')).toBeNull();
    expect(demandInText('违约金200元')).toBeNull();
    expect(demandInText('您已欠款多日。请联系 95188 处理，金额 300 元')).toBeNull();
  });
  it('takes the latest message that names one', () => {
    const d = latestDemand([
      { id: 1, at: 1000, text: '欠款共计10000元' },
      { id: 2, at: 3000, text: '请尽快处理' },
      { id: 3, at: 2000, text: '欠款共计10500元' },
    ]);
    expect(d).toEqual({ amountFen: 1_050_000, eventId: 3, at: 2000 });
    expect(latestDemand([])).toBeNull();
  });
});
