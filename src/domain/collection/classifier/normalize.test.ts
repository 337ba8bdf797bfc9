import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from './normalize.js';

/** The original text behind normalised range [s, e). */
function orig(text: string, s: number, e: number): string {
  const n = normalize(text);
  const [a, b] = toOriginal(n, s, e);
  return text.slice(a, b);
}

describe('normalize', () => {
  it('leaves plain simplified text alone, with an identity map', () => {
    const n = normalize('您的借款已逾期，请尽快还款。');
    expect(n.norm).toBe('您的借款已逾期，请尽快还款。');
    expect(n.map).toEqual([...n.norm].map((_, i) => i));
  });

  it('converts traditional to simplified, keeping positions', () => {
    const text = '聯繫你全部通訊錄，還款！';
    const n = normalize(text);
    expect(n.norm).toBe('联系你全部通讯录，还款！');
    const at = n.norm.indexOf('通讯录');
    expect(orig(text, at, at + 3)).toBe('通訊錄');
  });

  it('keeps the simplified 么 (opencc would turn it into 幺)', () => {
    expect(normalize('特么的还不还钱').norm).toBe('特么的还不还钱');
  });

  it('removes separators between Han characters and maps back over them', () => {
    for (const [text, want] of [
      ['催 收', '催收'],
      ['逾-期', '逾期'],
      ['通*讯*录', '通讯录'],
      ['上.门.通.知', '上门通知'],
      ['逾/期/通/知', '逾期通知'],
      ['律|师|函', '律师函'],
      ['催\u200b收', '催收'],
      ['还😡钱', '还钱'],
      ['狗　东　西', '狗东西'],
    ] as const) {
      const n = normalize(text);
      expect(n.norm).toBe(want);
      expect(orig(text, 0, n.norm.length)).toBe(text);
    }
  });

  it('joins letter-spaced single digits after Han, and keeps the separators of digit groups', () => {
    expect(normalize('逾 期 9 0 天').norm).toBe('逾期90天');
    expect(normalize('第 ４ ５ 天').norm).toBe('第45天');
    expect(normalize('电话 138 0013 8000').norm).toBe('电话138 0013 8000');
  });

  it('keeps separators that do not sit between Han characters', () => {
    expect(normalize('hi there').norm).toBe('hi there');
    expect(normalize('2024-06-12').norm).toBe('2024-06-12');
  });

  it('folds full-width digits and letters, lower-cases latin, keeps Chinese punctuation', () => {
    expect(normalize('欠款３,２６０.００元，ＶＩＰ！').norm).toBe('欠款3,260.00元，vip！');
    expect(normalize('还钱!!').norm).toBe('还钱！！');
    expect(normalize('1,200元').norm).toBe('1,200元');
  });

  it('folds circled letters and digits (ⓝⓜⓢⓛ, ①), keeping positions', () => {
    const n = normalize('ⓝⓜⓢⓛ还钱①天');
    expect(n.norm).toBe('nmsl还钱1天');
    expect(toOriginal(n, 0, 4)).toEqual([0, 4]);
    expect(normalize('ⒸⓃⓂ').norm).toBe('cnm');
    // Non-breaking and other hyphens split words too (逾‑期, U+2011).
    expect(normalize('逾‑期‒第―30‐天').norm).toBe('逾期第30天');
  });

  it('expands pinyin abbreviations when the message is about a debt', () => {
    expect(normalize('yq了还不hk？').norm).toBe('逾期了还不还款？');
    expect(normalize('再不hk就爆txl').norm).toBe('再不还款就爆通讯录');
    expect(normalize('欠款不处理，明天安排人sm').norm).toBe('欠款不处理，明天安排人上门');
    const text = '再不HK就爆TXL';
    const n = normalize(text);
    const at = n.norm.indexOf('通讯录');
    expect(orig(text, at, at + 3)).toBe('TXL');
    // Session 14: a push right before licenses one alone, and the space after an expansion goes before Han or a digit.
    expect(normalize('nmsl，再不hk试试').norm).toBe('nmsl，再不还款试试');
    const spaced = 'yq 30天了，明早十点sm';
    const m = normalize(spaced);
    expect(m.norm).toBe('逾期30天了，明早十点上门');
    expect(orig(spaced, 0, 4)).toBe('yq 30');
    // Session 15: 「yq」 with a count, an ordinal or a state after it needs no other debt cue.
    expect(normalize('yq超过90天 系统已报送').norm).toBe('逾期超过90天系统已报送');
    expect(normalize('yq第3天').norm).toBe('逾期第3天');
  });

  it('does not expand abbreviations in ordinary chat', () => {
    expect(normalize('今晚yq去吃火锅吗').norm).toBe('今晚yq去吃火锅吗');
    expect(normalize('yq是谁的缩写').norm).toBe('yq是谁的缩写');
    expect(normalize('下周去hk玩').norm).toBe('下周去hk玩');
    expect(normalize('发个sms给我').norm).toBe('发个sms给我');
    expect(normalize('sm已安排，明天上午到').norm).toBe('sm已安排，明天上午到');
  });

  it('undoes homophone evasions', () => {
    expect(normalize('逾q了还不还k？').norm).toBe('逾期了还不还款？');
    expect(normalize('cui收部').norm).toBe('催收部');
    const text = '逾期了还kuan啊';
    const n = normalize(text);
    expect(n.norm).toBe('逾期了还款啊');
    expect(orig(text, 3, 5)).toBe('还kuan');
    // Session 21: one whole syllable inside a cue word, before or after its Han half.
    expect(normalize('再不还钱就去ni家').norm).toBe('再不还钱就去你家');
    expect(normalize('通知你全部lian系人').norm).toBe('通知你全部联系人');
    expect(normalize('你jia里人都知道了').norm).toBe('你家里人都知道了');
    expect(normalize('等着坐lao吧，打si你').norm).toBe('等着坐牢吧，打死你');
    const spelled = '去你jia';
    expect(orig(spelled, 2, 3)).toBe('jia');
    // Not a cue word: the syllable stays as it is.
    expect(normalize('ni好呀，jia油').norm).toBe('ni好呀，jia油');
  });

  it('maps astral characters (emoji) as whole code points', () => {
    const text = '还钱🔪🔪 不然';
    const n = normalize(text);
    expect(n.map.length).toBe(n.norm.length);
    expect(n.ends[n.ends.length - 1]).toBe(text.length);
  });

  it('property: map/ends are monotone, in bounds, and cover the original', () => {
    const chars = fc.constantFrom(...'催收逾期還款通讯录 -*./|　ＡＢ１２，,！!?？yqhktxl😡🔪\u200b老赖abc'.split(''), '😡', '🔪');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 20 }), (a, b) => {
        for (const text of [a, b, a + b]) {
          const n = normalize(text);
          expect(n.map.length).toBe(n.norm.length);
          expect(n.ends.length).toBe(n.norm.length);
          for (let i = 0; i < n.norm.length; i++) {
            expect(n.map[i]!).toBeGreaterThanOrEqual(0);
            expect(n.ends[i]!).toBeGreaterThan(n.map[i]!);
            expect(n.ends[i]!).toBeLessThanOrEqual(text.length);
            if (i > 0) expect(n.map[i]!).toBeGreaterThanOrEqual(n.map[i - 1]!);
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('property: Han characters broken up by separators come back together', () => {
    const han = fc.constantFrom(...'催收逾期还款通讯录上门欠钱'.split(''));
    const sep = fc.constantFrom(' ', '-', '*', '.', '|', '/', '\u200b', '😡', '·');
    fc.assert(
      fc.property(fc.array(fc.tuple(han, fc.array(sep, { maxLength: 3 })), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.map(([h, s]) => h + s.join('')).join('');
        const hanOnly = parts.map(([h]) => h).join('');
        const n = normalize(text);
        // Separators only survive after the last Han character.
        expect(n.norm.slice(0, hanOnly.length)).toBe(hanOnly);
        expect(n.norm.slice(hanOnly.length)).toMatch(/^[\s\-*.|/·\u200b]*$/u);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('traditional 麼 (session 13)', () => {
  it('reads 什麼/怎麼/這麼 as 什么/怎么/这么, not 幺', () => {
    expect(normalize('什麼時候能還？怎麼辦？這麼多').norm).toBe('什么时候能还？怎么办？这么多');
  });
  it('keeps a Latin token named like an object property (constructor, toString, hasOwnProperty) as it is', () => {
    // Looked up as a plain property, 「constructor」 found Object's constructor and vanished from the text.
    expect(normalize('constructor 还钱').norm).toBe('constructor还钱');
    expect(normalize('toString 还款').norm).toBe('tostring还款');
    expect(normalize('hasOwnProperty 逾期').norm).toBe('hasownproperty逾期');
    // The tables' own entries still apply beside them.
    expect(normalize('constructor yq 30天').norm).toContain('逾期');
  });
});

describe('speech recognisers\' homophones (session 22)', () => {
  it('reads the lawyer, the overdue and the repayment a recogniser misspells, where the context says which word it is', () => {
    expect(normalize('我是华辰律是事务所的律是 姓钱').norm).toBe('我是华辰律师事务所的律师姓钱');
    expect(normalize('我是你这个案子的代理律是 我姓黄').norm).toBe('我是你这个案子的代理律师我姓黄');
    expect(normalize('华信律是所的张律是').norm).toBe('华信律师所的张律师');
    expect(normalize('借款已鱼期三天').norm).toBe('借款已逾期三天');
    expect(normalize('商量一个换款计划，请按时换款').norm).toBe('商量一个还款计划，请按时还款');
  });
  it('leaves 法律是, 一律是, 规律是 and a phone\'s model alone, and keeps positions', () => {
    for (const t of ['中国的法律是这样规定的', '冒充公检法的一律是诈骗', '规律是这样', '我想换款手机', '所以律是所以']) expect(normalize(t).norm).toBe(t);
    const n = normalize('华辰律是事务所');
    expect(n.map).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('what text recognition adds to a screenshot\'s message (session 23)', () => {
  it('reads a signature in round brackets at the start or end as the 【】 tag', () => {
    expect(normalize('（招商银行）您尾号1234的信用卡账单已出').norm).toBe('【招商银行】您尾号1234的信用卡账单已出');
    expect(normalize('请尽快还款(星河消费金融)').norm).toBe('请尽快还款【星河消费金融】');
    // A name whose only Han character is in Extension A (䶮, U+4DAE) is a signature too; letters alone are not.
    expect(normalize('（䶮app）您的借款已逾期').norm).toBe('【䶮app】您的借款已逾期');
    expect(normalize('（abc）您的借款已逾期').norm).toBe('(abc)您的借款已逾期');
  });
  it('keeps a case number, a part count and a bracket inside the text as they are', () => {
    expect(normalize('（2024）浙0106民初123号案件已立案').norm).toBe('(2024)浙0106民初123号案件已立案');
    expect(normalize('（1/2）您好').norm).toBe('(1/2)您好');
    expect(normalize('您好（张经理）请回电').norm).toBe('您好(张经理)请回电');
  });
  it('leaves out a time stamp glued to the start or end, and maps what is left to its place in the text', () => {
    const t = '下午3:15 你的欠款再不还，明天就去你公司找你';
    const n = normalize(t);
    expect(n.norm).toBe('你的欠款再不还，明天就去你公司找你');
    expect(orig(t, 0, 4)).toBe('你的欠款');
    expect(normalize('再不还钱后果自负 昨天 21:07').norm).toBe('再不还钱后果自负');
    expect(normalize('2024/12/3 21:07:11 【招商银行】您的账单已出').norm).toBe('【招商银行】您的账单已出');
  });
  it('keeps a deadline: a time before 前, or after 于, 今天 or a colon', () => {
    expect(normalize('9:00 前还清，否则上门').norm).toBe('9:00前还清，否则上门');
    expect(normalize('请于今天 21:00').norm).toContain('21:00');
    expect(normalize('还款截止： 18:00').norm).toContain('18:00');
    expect(normalize('下午3:15 ').norm).toContain('3:15');
  });
});

describe('line breaks (session 23)', () => {
  it('reads a line break that ends a clause without punctuation as a comma, and keeps one after punctuation', () => {
    expect(normalize('尊敬的客户\n您的借款已逾期').norm).toBe('尊敬的客户，您的借款已逾期');
    expect(normalize('尊敬的客户 \r\n您的借款已逾期').norm.replace(/ /g, '')).toBe('尊敬的客户，您的借款已逾期');
    expect(normalize('您的借款已逾期。\n请尽快还款').norm).toBe('您的借款已逾期。\n请尽快还款');
    const t = '还款\n逾期';
    expect(orig(t, 2, 3)).toBe('\n');
  });
});
