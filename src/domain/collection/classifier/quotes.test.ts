import { describe, expect, it } from 'vitest';
import { reportedQuotes } from './quotes.js';
import { classifyRules, explain } from './classify.js';
import { classify } from './model.js';

/** The quoted texts reportedQuotes masks. */
function reported(text: string): string[] {
  return reportedQuotes(text).map(([s, e]) => text.slice(s, e));
}

describe('reported speech (quotes.ts)', () => {
  it('finds quotations framed before or after as someone else’s words, in every kind of quotation mark', () => {
    expect(reported('【公安提醒】遇到"你不还钱就去卖肾""找人上门"等暴力催收，请立即报警')).toEqual(['你不还钱就去卖肾', '找人上门']);
    expect(reported('近期出现冒充“法院”“律师”以“网贷逾期”“征信受损”为由要求转账的诈骗')).toEqual(['法院', '律师', '网贷逾期', '征信受损']);
    expect(reported('老师，我收到的短信里说「找几个兄弟陪你玩玩」，我一个人住')).toEqual(['找几个兄弟陪你玩玩']);
    expect(reported('那个催收員在電話裡說『不還錢就去你公司』，我錄音了')).toEqual(['不還錢就去你公司']);
    expect(reported('【科普】催收说“影响子女政审”是假的')).toEqual(['影响子女政审']);
    expect(reported('我那天接到电话，对方说"你通讯录我全有，等着社死吧"，吓得我一晚没睡')).toEqual(['你通讯录我全有，等着社死吧']);
    expect(reported('朋友说催收跟他讲"再不还就去你老家贴大字报"')).toEqual(['再不还就去你老家贴大字报']);
    // Session 9: 原话是"…", a singular 他/她 as the speaker, 说要找人"…" after a comma.
    expect(reported('那个催收员原话是“你不卖我们帮你卖”，我截图了')).toEqual(['你不卖我们帮你卖']);
    expect(reported('我把录音整理了，他说「不还就去你单位」，这是人话吗')).toEqual(['不还就去你单位']);
    expect(reported('催收的今天又打电话了，说要找人"陪你玩玩"，我好怕')).toEqual(['陪你玩玩']);
    // Session 13: an anti-fraud post's 「常用话术：“…”」.
    expect(reported('【反诈宣传】骗子常用话术：“你的贷款已逾期，今天不还就通知你家人”，请注意辨别')).toEqual(['你的贷款已逾期，今天不还就通知你家人']);
    // A quotation followed by 「——今天又收到…」, and a screenshot posted online.
    expect(reported('「你再不还钱我们就爆你通讯录」——今天第三次收到这种短信了')).toEqual(['你再不还钱我们就爆你通讯录']);
    expect(reported('网友晒出截图：“你个老赖，不还钱就等着坐牢吧”')).toEqual(['你个老赖，不还钱就等着坐牢吧']);
    // Session 14: words between the verb and the quotation (说我欠的钱, 发来一张, 给我发), what was received before what
    // it said, and 「…」——这是…原话 after it.
    expect(reported('催收说我欠的钱“不还就是诈骗罪，判三年起步”，我查了下好像不是这样？')).toEqual(['不还就是诈骗罪，判三年起步']);
    expect(reported('各位，催收发来一张“逮捕令”图片，一看就是P的')).toEqual(['逮捕令']);
    expect(reported('催收给我发「明天外访人员到你单位」，我是该请假还是正常上班？')).toEqual(['明天外访人员到你单位']);
    expect(reported('今天收到花圈图片，说“下一个就寄到你家”，已经报警了')).toEqual(['下一个就寄到你家']);
    expect(reported('「你再不还我们就上门了」——这是催收今天的原话。')).toEqual(['你再不还我们就上门了']);    // Session 18 (r44): a film's lines, a diary of what was sent, a rule book, what someone said about me, a speaker
    // before a comma, a quotation that frightened.
    expect(reported('剧本杀里我演放高利贷的，台词全是“再不还钱我就卸你一条腿”，把大家吓坏了')).toEqual(['再不还钱我就卸你一条腿']);
    expect(reported('第二个月：“我们已联系您的紧急联系人。”')).toEqual(['我们已联系您的紧急联系人。']);
    expect(reported('【培训】以下话术一律禁止使用：“你家人必须替你还”')).toEqual(['你家人必须替你还']);
    expect(reported('她在家族群里说我们家“借钱不还的老赖命”，我忍很久了')).toEqual(['借钱不还的老赖命']);
    expect(reported('最近有骗子打电话给老人，说“您孙子欠了网贷，不还钱就打断他的腿”')).toEqual(['您孙子欠了网贷，不还钱就打断他的腿']);
    expect(reported('曾经每天早上被“再不还钱就上门”吓醒')).toEqual(['再不还钱就上门']);
  });

  it('leaves a collector’s own quotations alone: irony, labels, a text they wrote', () => {
    expect(reported('今天不还钱，你家孩子放学路上会"有人"接，别说我没通知你')).toEqual([]);
    expect(reported('朋友圈文案：“此人借钱不还，请大家提防”，配图已选好，你还钱就删')).toEqual([]);
    expect(reported('我们老板说"今天不还就上门"')).toEqual([]);
    expect(reported('给你家人的短信我们写好了：“您的儿子在外欠款不还，拒接电话”，今晚发送')).toEqual([]);
    expect(reported('【征信中心】您的信用已被降为“失信”等级，还款后可申请恢复。')).toEqual([]);
  });

  it('masks nothing in a call transcript, which narrates the collector\'s own words', () => {
    expect(reported('【通话记录】对方自称“XX法院立案庭张法官”：你的网贷纠纷已经转为刑事案件')).toEqual([]);
    expect(reported('对方自称“XX法院立案庭张法官”，说我的网贷纠纷已经转为刑事案件')).toEqual(['XX法院立案庭张法官']);
  });

  it('ignores a stray quotation mark and quotations too long to be one clause', () => {
    expect(reported('他说"明天再说')).toEqual([]);
    expect(reported(`催收说"${'还钱'.repeat(40)}"等`)).toEqual([]);
  });

  it('keeps the rules and the model from reading reported threats, and only those', () => {
    const notice = '【反诈中心提醒】近期有不法分子以"催收"为名发送"不还钱就P你遗照发给通讯录"等恐吓信息，请保留证据并拨打110报警';
    // Without the mask the quoted words give collection, threat_contacts and insult (the old behaviour).
    expect(explain(notice.replace(/"/g, '')).labels).toContain('threat_contacts');
    expect(classifyRules(notice, 'unknown').labels).toEqual([]);
    expect(classify(notice, 'unknown').labels).toEqual([]);
    const judgment = '法院判决书摘录：被告人多次向被害人发送"你不还钱就去陪酒""我们帮你卖"等侮辱性短信，构成寻衅滋事罪';
    expect(classify(judgment, 'unknown').labels).toEqual([]);
    // A collector's ironic quotation is still read.
    expect(classify('今天不还钱，你家孩子放学路上会"有人"接，别说我没通知你', 'debtor').labels).toContain('threat_violence');
  });

  it('keeps spans inside the text when a masked quotation precedes a label', () => {
    const text = '你不是说"下周一定还"吗？今天再不还钱，明天就去你公司找你领导';
    const r = classify(text, 'debtor');
    expect(r.labels).toContain('visit_threat');
    for (const spans of Object.values(r.spans)) for (const [s, e] of spans!) expect(e > s && s >= 0 && e <= text.length).toBe(true);
    expect((r.spans.visit_threat ?? []).map(([s, e]) => text.slice(s, e)).join('')).toContain('公司');
  });
});
