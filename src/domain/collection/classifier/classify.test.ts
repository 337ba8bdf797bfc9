import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABELS, type Label, type Recipient } from '../types.js';
import { CLASSIFY_WINDOW_CHARS } from '../../limits.js';
import { classifyWindow, explain, isIdentityCheck, isOwnTurn, setGating } from './classify.js';
import { classify, classifyBatch } from './model.js';
import { requiredGate } from './gate.js';
import { ALL_RULES, requiredChars } from './lexicon.js';
import { normalize } from './normalize.js';
import { loadFixture } from './fixtures.test-helper.js';

function labels(text: string, to: Recipient = 'debtor'): Label[] {
  return classify(text, to).labels;
}

/** The rules' labels alone (explain), for tests that name what a rule does. */
function rules(text: string, to: Recipient = 'debtor'): Label[] {
  return explain(text, to).labels;
}

/** The original text under the spans of one label. */
function spanTexts(text: string, label: Label, to: Recipient = 'debtor'): string[] {
  return (classify(text, to).spans[label] ?? []).map(([s, e]) => text.slice(s, e));
}

describe('collection comes first', () => {
  // r17: the statement veto outweighed an explicit request to pay; every corpus message with 账单已出 and a request to pay
  // is labelled collection, the ones that only report are not (the guide's d033).
  it('reads a bill that also asks to pay as a reminder, and a bill that only reports as ordinary (rules)', () => {
    expect(rules('【淘多多】亲爱的张三，您的账单已出，最后还款日12月5日，请您按时还款')).toEqual(['collection']);
    expect(rules('【花呗】本月账单已出，应还金额1,265.30元，还款日12月10日。')).toEqual([]);
    expect(rules('尊敬的客户，本月应还金额为100元，请务必在今日登录车1号公众号进行还款！')).toEqual(['collection']);
    expect(rules('【悟空贷】张三于3月2日申请的2000元，已过期5天，请尽快通过平台进行操作处理。')).toEqual(['collection']);
  });
  it('labels lawful reminders and overdue notices as collection only', () => {
    expect(labels('【好享借】尊敬的用户，您的借款将于明日到期，应还金额¥1,236.00，请确保绑定银行卡余额充足。')).toEqual(['collection']);
    expect(labels('【江城银行】您的信用卡欠款已逾期120天。如仍未还款，我行将依法通过诉讼途径解决。')).toEqual(['collection']);
    expect(labels('【青禾金融】您的逾期记录已报送征信，请尽快还款。')).toEqual(['collection']);
    expect(labels('老王，去年借你的两万块，你看这个月能不能先还我一半？')).toEqual(['collection']);
  });

  it('gives ordinary messages no label, however rude', () => {
    for (const text of [
      '【云江银行】您的验证码为384920，5分钟内有效，请勿泄露。',
      '【云江银行】您尾号3381的信用卡6月账单已出，本期应还¥5,102.36，到期还款日07月09日。',
      '【江城银行】您尾号0765的个人贷款本期已自动扣款2,316.55元。',
      '【快借宝】您已成功还款1,020.00元，本期账单已结清。',
      '双十一预售定金今晚24点截止，逾期未付尾款视为放弃哦～',
      '征信花了也能借！大数据不良可做，额度3-20万，当天放款',
      '【市图书馆】您借阅的图书已逾期3天，请尽快归还。',
      '【国网电力】本月电费138.60元，请及时缴纳，逾期将收取违约金。',
      '你是傻逼吗，游戏里又送人头',
      '你还欠我一顿火锅呢',
      '谁不来团建就上门抓人🤣',
      '通讯录里那个赵师傅电话发我一下',
      '妈，我网贷逾期了，要是有人打电话找你要钱，你千万别给。',
      '王经理，我这个月工资晚发，能不能宽限5天，我下周三一定把这期还上。',
      '【国家反诈中心】提醒：有不法分子冒充贷款平台客服，以注销账户影响征信为由诱导转账。',
      '【江城日报】我市公安机关打掉一个暴力催收犯罪团伙，抓获犯罪嫌疑人14名。',
    ]) {
      expect(labels(text, 'unknown'), text).toEqual([]);
    }
  });

  it('leaves genuine court notices alone but not fake ones', () => {
    expect(labels('【12368】张先生您好，(2024)浙0106民初5521号案件已于6月12日立案，请登录人民法院在线服务平台查看案件信息。')).toEqual([]);
    expect(labels('【12368】你的欠款案已立案，请马上联系执行法官 186****4432 还款，否则强制执行、司法拘留。')).toEqual([
      'collection',
      'impersonation',
      'false_legal',
    ]);
  });
});

describe('third_party', () => {
  it('follows the recipient', () => {
    expect(labels('你朋友欠钱，叫他回电', 'third_party')).toEqual(['collection', 'third_party']);
    const text = '他在我们平台的借款已逾期，请尽快还款。';
    expect(labels(text, 'third_party')).toEqual(['collection', 'third_party']);
    expect(labels(text, 'debtor')).toEqual(['collection']);
  });
  it('is read from the text when the recipient is unknown', () => {
    expect(labels('紧急联系人您好：请转告谢斌速还欠款', 'unknown')).toEqual(['collection', 'third_party']);
    expect(labels('您的借款已逾期，请尽快还款。', 'unknown')).toEqual(['collection']);
  });
  it('needs a collector behind it', () => {
    expect(labels('爸，有人给你打电话说我欠钱，你别理，那是催收。', 'third_party')).toEqual([]);
  });
});

describe('session 8 (r20): dialect insults, funeral things, slang debts', () => {
  // Written for this test; the families blind-19 and blind-20 showed (after their first sight).
  it('reads Cantonese and internet insults, funeral things as threats, 欠老子的钱 and 拿钱就跑 as debts', () => {
    expect(labels('丢雷老母，仲唔还钱？')).toEqual(expect.arrayContaining(['collection', 'insult']));
    expect(labels('辣鸡，欠的钱今天还')).toEqual(expect.arrayContaining(['collection', 'insult']));
    expect(labels('花圈我们订好了，欠款今天不到账就送到你家')).toContain('threat_violence');
    expect(labels('欠老子的钱你还敢关机')).toContain('collection');
    expect(labels('拿了钱就跑，你还算个人吗')).toContain('collection');
    // Not a debt: 还不了解 is not 还不了 (col.unable). The rules' call: since session 10 the model alone reads 了解情况 as
    // a collector's phrase and calls the whole message collection (docs/classifier.md, session 10, known errors).
    expect(explain('我还不了解情况，明天再说', 'debtor').labels).toEqual([]);
    expect(explain('我还不了解情况，明天再说', 'debtor').hits.map((h) => h.rule)).not.toContain('col.unable');
    // Funerals with no debt stay ordinary.
    expect(labels('【殡仪服务】您预订的花圈、挽联已备齐，告别仪式明日上午9:30。')).toEqual([]);
  });
});

describe('session 8 (r22): the borrower side, obscene pictures, terse demands', () => {
  // Written for this test, after blind-22's errors (its first sight was taken at 90cc148).
  it('gives the borrower\'s own report to family or police no label, and reads obscene pictures as insult', () => {
    expect(labels('爸，那些人说要去咱家闹，你别开门，我已经报警了', 'third_party')).toEqual([]);
    expect(labels('催收的人骂我，我录音了，明天去派出所报案', 'unknown')).toEqual([]);
    expect(labels('朋友说催收跟他讲"再不还就去你老家贴大字报"，我让他去报警了', 'unknown')).toEqual([]);
    // A collector threatening to call the police is not the borrower reporting: still false_legal.
    expect(explain('再不还钱我们就报警，让警察去找你', 'debtor').labels).toContain('false_legal');
    expect(labels('不雅照我们做好了，再不还就发给你通讯录')).toEqual(expect.arrayContaining(['collection', 'threat_contacts', 'insult']));
    expect(labels('逾期第60天了，还不处理？')).toContain('collection');
    expect(explain('今晚爆txl', 'debtor').labels).toEqual(['collection', 'threat_contacts']);
  });
  // One phrase per family added in r23–r27 (written for this test), with the label it must bring.
  const added: Array<[string, Label]> = [
    ['欠款不还是吧，我们的人每天都跟着你，下班注意点', 'threat_violence'],
    ['钱再不还，小心哪天被人扔到江里', 'threat_violence'],
    ['你老婆挺好看的，哪天兄弟们去陪她聊聊，欠款今天还', 'insult'],
    ['欠款还不上就买瓶百草枯吧', 'insult'],
    ['你的照片P成黄图了，今天不还就发你同学群', 'insult'],
    ['屌毛，欠嘅钱几时还？', 'insult'],
    ['欠款再拖，你那辆车开出去就回不来了', 'threat_violence'],
    ['今天不还，把你牙一颗颗敲下来', 'threat_violence'],
    ['逾期不还，今晚外访到你家，当心身体', 'threat_violence'],
    ['不还钱你就是个 loser', 'insult'],
    ['欠款还不上？你那个摊子晚上收得挺晚的吧，一个人，挺危险的', 'threat_violence'],
    ['欠款还不上？敌敌畏我替你挑好了，喝了就不用还了', 'insult'],
    ['还不了也行，今晚陪我们老板一晚，就给你延期', 'insult'],
    ['你的黑白照做好了，今天不还就发给你通讯录', 'insult'],
  ];
  it.each(added)('(r23–r27) %s → %s', (text, label) => {
    expect(labels(text)).toEqual(expect.arrayContaining(['collection', label]));
  });
  it('(r26) a phone book that "blew up" (txl全爆) is a contact threat', () => {
    expect(explain('txl全爆', 'debtor').labels).toEqual(['collection', 'threat_contacts']);
  });
});

/** Each row: the rules alone read the text (sent to the debtor) as collection with these labels. */
function rulesRead(tag: string, rows: Array<[string, Label[]]>): void {
  it.each(rows)(`(${tag}) the rules read %s → %s`, (text, want) => {
    expect(explain(text, 'debtor').labels).toEqual(expect.arrayContaining(['collection', ...want]));
  });
}

describe('session 9 (r28): coercion, euphemisms, self-harm incitement, further audiences', () => {
  // Written for this test, after blind-33 and blind-34's errors (their first sight was taken at c5baa62).
  const added: Array<[string, Label[]]> = [
    // The sender will make it happen, or threatens sex: threat_violence and insult (the labelling convention).
    ['欠款拖着不还？你不卖，我们就帮你卖，车在楼下等', ['threat_violence', 'insult']],
    ['还不上就让哥几个开心开心，欠款一笔勾销', ['threat_violence', 'insult']],
    ['欠的钱再不还，我们去你妹学校找她玩玩', ['threat_violence', 'insult']],
    // Euphemisms in scare quotes and punishment idioms.
    // (Curly or corner quotes: ASCII quotes are separators to the normaliser, gone before the rules read the text.)
    ['欠款今天不处理，晚上我们去你家跟你“聊聊”', ['threat_violence']],
    ['欠款再拖，让你长点记性', ['threat_violence']],
    ['欠我们的钱不还，拿手来抵也行', ['threat_violence']],
    // Self-harm incitement, with the collector's own chasing as the debt cue.
    ['实在还不上就从楼顶跳下去，省得我们天天催你', ['collection', 'insult']],
    ['网贷逾期了吧，一了百了多省事', ['insult']],
    ['卖个肾不就还清了', ['collection', 'insult']],
    // Further audiences.
    ['贵公司员工欠款不还，我们将函告贵公司全体股东', ['threat_contacts']],
    ['欠款再不处理，我们去你老丈人家当着全家的面说', ['threat_contacts']],
    ['今晚不还，把你的借条发到你直播间公屏上', ['threat_contacts']],
    // Letter-spaced digits are joined.
    ['逾 期 6 0 天 了 还 装 死', ['collection']],
  ];
  // The rules alone (explain), so each row names what the new families do; the model found some of them before.
  rulesRead('r28', added);
  it('(r28) gives no label to notices that list abuses, to hearsay and to banter about selling a kidney', () => {
    expect(labels('【某区公安分局】如遇催收人员辱骂、恐吓、爆通讯录等软暴力行为，请及时报警。', 'unknown')).toEqual([]);
    expect(labels('金融机构不得使用暴力、恐吓、侮辱等手段催收贷款。', 'unknown')).toEqual([]);
    expect(labels('对方打电话给我说要找人上门打断我的腿，要不要报警？', 'unknown')).toEqual([]);
    expect(labels('我闺蜜说那个催收员原话是"你不卖我们帮你卖"，太吓人了', 'unknown')).toEqual([]);
    expect(labels('想换新手机？卖肾吧哈哈，我帮你联系买家')).toEqual([]);
  });
});

describe('session 9 (r29): bank reminders, loan adverts, prize scams, the victim\'s voice, growing groups', () => {
  // Written for this test, after the first sight of a public SMS dataset (real-new6) and of blind-36.
  it('reads reminders that ask to pay, and leaves adverts, prize scams, limit raises and home photography alone', () => {
    expect(explain('您尾号1234的信用卡25日前应还人民币800元，如已还款本信息仅供参考。', 'debtor').labels).toEqual(['collection']);
    expect(explain('您的白条还差1天到最后付款日，请及时付款，以免逾期违约。', 'debtor').labels).toEqual(['collection']);
    expect(labels('我是信贷客户经理，无抵押无担保，三天批款，户籍不限，有资金需要联系我', 'unknown')).toEqual([]);
    expect(labels('XX市人民法院通知：某栏目组把您的二等奖领奖合同传到本院，请立即联系解除合同，否则起诉', 'unknown')).toEqual([]);
    expect(labels('根据您的用卡情况，您的信用卡额度临时调升至20000元，可随时还款', 'debtor')).toEqual([]);
    expect(explain('本店提供满月上门摄影服务，欢迎预约', 'unknown').labels).toEqual([]);
  });
  it('gives no label to a threat told in the victim\'s voice', () => {
    // The rules alone (the model left the second alone before r29).
    expect(explain('老板讲我再不还就去公司贴大字报', 'unknown').labels).toEqual([]);
    expect(explain('姐，他们说要上门泼油漆，你这几天别回家', 'third_party').labels).toEqual([]);
  });
  rulesRead('r29', [
    ['欠款还不上？你那破工地搬砖的一天能挣几个钱', ['insult']],
    ['欠款不还就卖血去', ['insult']],
    ['本群是你的欠款群，下周群里会加入你单位领导，欠款今天处理', ['threat_contacts']],
    ['欠款再不还，我天天去你直播间刷屏', ['threat_contacts']],
  ]);
});

describe('session 9 (r30): group admins, law firms to their clients, anti-fraud headers, comments and phone rounds', () => {
  // Written for this test, after blind-37 and blind-38's errors (their first sight was taken at 557499a).
  it('gives no label to a group admin, a law firm writing to its client, the police acknowledging a report', () => {
    expect(explain('刚才群里发“老赖曝光”图片的人已经被我移出群了，大家注意信息安全', 'unknown').labels).toEqual([]);
    expect(explain('【某律师事务所】您委托我所办理的借款纠纷案材料已提交法院，开庭时间另行通知。', 'debtor').labels).toEqual([]);
    expect(explain('【国家反诈中心】警惕冒充法院、律师催收网贷逾期的诈骗电话，切勿转账。', 'unknown').labels).toEqual([]);
  });
  it('(r31) gives no label to a loan advert, and still reads a reminder that offers help with 资金周转', () => {
    expect(explain('您好，我们是做信用贷款的，不需要抵押，有资金需求请联系我', 'unknown').labels).toEqual([]);
    expect(explain('您的借款已逾期，如资金周转困难可以协商，请今天还款', 'debtor').labels).toContain('collection');
  });
  it('still reads a fake collector who signs as an anti-fraud centre', () => {
    expect(explain('【反诈中心】你的网贷逾期不还已被列为诈骗嫌疑，请立即还款。', 'debtor').labels).toContain('collection');
  });
  rulesRead('r30', [
    ['欠款不还，我就在你每个视频底下评论你欠钱', ['threat_contacts']],
    ['欠款不还，我们天天给你奶奶打电话', ['threat_contacts']],
    ['你作为配偶须承担全部还款责任，欠款今天处理', ['false_legal']],
    ['欠款逾期，系统已限制您购买高铁车票', ['false_legal']],
  ]);
});

describe('threat_contacts', () => {
  // Session 8 (r19): phrasings blind-19 missed, rewritten here. The rules alone, so the test names what they do.
  it('reads talking to the family or the boss on a visit, company-wide notices and wider disclosure to a third party', () => {
    expect(rules('这周我们的人去你老家，正好跟叔叔阿姨当面聊聊你欠款的事。')).toContain('threat_contacts');
    expect(rules('欠款再拖，我们就去找你爹唠唠。')).toContain('threat_contacts');
    expect(rules('逾期不处理，下周将在全公司通报你的欠款情况。')).toContain('threat_contacts');
    expect(rules('再不还钱，我们就去你们镇上宣传宣传。')).toContain('threat_contacts');
    expect(rules('您儿子的欠款再不处理，我们只能联系您和您家亲戚了。', 'third_party')).toContain('threat_contacts');
    expect(rules('贵公司员工欠款逾期，本周不处理将把材料发给贵公司管理层。', 'third_party')).toContain('threat_contacts');
    expect(rules('他欠钱不还，以后我每天都会在群里说一遍。', 'third_party')).toContain('threat_contacts');
    // Not a contact threat: a visit with nobody to tell, and an advert's leaflets.
    expect(rules('明天外访人员上门核实，请保持电话畅通。')).not.toContain('threat_contacts');
    expect(rules('欢迎到店领取宣传单，还款可享优惠。')).not.toContain('threat_contacts');
  });

  it('fires on threats and announcements to tell contacts, and on publicising', () => {
    expect(labels('再不还款，我们就联系你通讯录里的所有人。')).toContain('threat_contacts');
    expect(labels('如今日仍未还款，我司将联系您的紧急联系人了解情况。')).toContain('threat_contacts');
    expect(labels('不还钱就把你的欠款信息发到你们公司群里。')).toContain('threat_contacts');
    expect(labels('已经给你紧急联系人打过电话了，你自己看着办吧。')).toContain('threat_contacts');
  });
  // The guide's call settled 2026-12: contacts already told, nothing more threatened, is collection only; any hint of
  // escalation makes it threat_contacts. Checked on the rules (explain); the model may still add the label on its own.
  it('rules: contacts already told is collection only, unless more is hinted', () => {
    expect(rules('我们已经联系过你的紧急联系人了，请尽快还款。')).toEqual(['collection']);
    expect(rules('我们已经通知你家人了，请尽快处理欠款')).toEqual(['collection']);
    expect(rules('你欠款的事我们以经给你紧急联系人打过电话了，你自己看着办。')).toContain('threat_contacts');
    expect(rules('我们已经联系过你爸妈了，再不还就联系你同事')).toContain('threat_contacts');
    expect(rules('再不还款，我们就通知你家人')).toContain('threat_contacts');
  });
  // Session 8 (r21): reports told with a past time and a done verb, or as what a relative already knows; and the model
  // may not add the label to a report the rules read as one.
  it('a report in the past ("上周…打过电话了", "你爸已经知道了") is collection only, in the rules and with the model', () => {
    for (const t of ['上周给你表弟打过电话了，他说帮你转达。今天联系我们协商还款方案。', '你欠钱的事你爸已经知道了，今天能还多少？']) {
      expect(explain(t, 'debtor').labels, t).toEqual(['collection']);
      expect(classify(t, 'debtor').labels, t).toEqual(['collection']);
    }
    expect(explain('你爸已经知道你欠钱的事了，这还没完。', 'debtor').labels).toContain('threat_contacts');
    expect(explain('欠款今天不处理，明天就给你表弟打电话', 'debtor').labels).toContain('threat_contacts');
  });
  // Until session 7 a report with no other cue was collection with no span at all: the dropped contact-threat hits
  // were its only evidence.
  it('rules: a report that contacts were told, and nothing else, is explained by its own words', () => {
    const text = '你的事已经告诉你们领导了';
    const c = explain(text, 'debtor');
    expect(c.labels).toEqual(['collection']);
    expect(c.spans.collection!.length).toBeGreaterThan(0);
    expect(c.spans.collection!.map(([s, e]) => text.slice(s, e)).join('')).toContain('领导');
  });
  it('does not fire on negations or vague wording', () => {
    expect(labels('您好，我们不会联系您的家人，请您放心，只是希望您能尽快还款。')).toEqual(['collection']);
    expect(labels('我们是正规机构，不会爆通讯录，请尽快还款。')).toEqual(['collection']);
    expect(labels('请尽快还款，以免我们需要通过其他途径与您取得联系。')).toEqual(['collection']);
  });
  it('does not treat a shaming post itself as a threat', () => {
    expect(labels('【曝光】各位亲友请注意，张建国在我平台借款15,000元逾期不还，请各位转告其尽快还款。', 'third_party')).toEqual([
      'collection',
      'third_party',
    ]);
  });
});

describe('visit_threat', () => {
  it('fires on visits, polite or not', () => {
    expect(labels('我司将安排外访人员于近期上门核实情况，请您提前做好准备，尽快还款。')).toContain('visit_threat');
    expect(labels('欠款不处理，明天安排人sm')).toContain('visit_threat');
    expect(labels('还钱的事，我们现在就在你公司前台，你是自己下来还是我们上去找你？')).toContain('visit_threat');
  });
  it('does not fire on negations, office invitations or sending to a group', () => {
    expect(labels('您好，我们不会上门，只是希望您能尽快还款。')).toEqual(['collection']);
    expect(labels('您的借款已逾期，欢迎您到我司线下服务网点当面协商还款事宜。')).toEqual(['collection']);
    expect(labels('不还钱就把你的欠款信息发到你们公司群里。')).not.toContain('visit_threat');
  });
});

describe('threat_violence, insult', () => {
  it('separates threats of harm from curses', () => {
    expect(labels('再不还钱，小心你的腿。')).toEqual(['collection', 'threat_violence']);
    expect(labels('再拖着不还，打断你的狗腿')).toEqual(['collection', 'threat_violence', 'insult']);
    expect(labels('欠钱不还出门就该被车撞')).toEqual(['collection', 'insult']);
    expect(labels('你再不还款，后果自负。')).toEqual(['collection']);
  });
  it('reads knife emoji as a threat', () => {
    const text = '🔪🔪🔪 还钱';
    expect(labels(text)).toContain('threat_violence');
    expect(labels(text)).toContain('collection');
    expect(spanTexts(text, 'threat_violence')).toEqual(['🔪🔪🔪']);
  });
  // The session-4 and -5 models also called this an insult (an it.fails until then); the session-6 model does not.
  it('does not call a knife emoji demand an insult', () => {
    expect(labels('🔪🔪🔪 还钱')).toEqual(['collection', 'threat_violence']);
  });
  it('a bare demand is collection only: too short for the model to add a threat or an insult', () => {
    for (const t of ['还钱', '钱呢？', '还钱吧']) expect(labels(t)).toEqual(['collection']);
  });
  it('treats 老赖 as abuse only when it is abuse', () => {
    expect(labels('老赖，还钱！')).toEqual(['collection', 'insult']);
    expect(labels('不还钱会被列为老赖，子女不能上好学校')).toEqual(['collection', 'false_legal']);
    expect(labels('看到一个新闻，某法院一天曝光了50多个老赖', 'unknown')).toEqual([]);
  });
  it('reads pinyin insults', () => {
    expect(labels('sb，赶紧还钱')).toEqual(['collection', 'insult']);
    expect(labels('nmsl，钱什么时候还')).toEqual(['collection', 'insult']);
  });
  it('does not call moral pressure an insult', () => {
    expect(labels('欠钱还钱天经地义，你借的时候怎么说的？')).toEqual(['collection']);
  });
});

describe('impersonation, false_legal', () => {
  it('separates a lender saying it may sue from a claimed lawyer', () => {
    expect(labels('您的欠款长期未还，我司将考虑委托律师向法院起诉，请慎重对待。')).toEqual(['collection']);
    expect(labels('您好，我是金诚律师事务所的张律师，受快借宝委托处理您的欠款，请您今天回电。')).toEqual(['collection', 'impersonation']);
    expect(labels('我是好享借法务部的王经理，你的借款已经逾期，再不处理我们将移交诉讼。')).toEqual(['collection']);
  });
  it('flags false legal consequences but not lawful ones', () => {
    expect(labels('你的欠款案子已经立案了，等着收传票吧')).toEqual(['collection', 'false_legal']);
    expect(labels('你这是恶意透支，已经构成信用卡诈骗罪，要坐牢的')).toEqual(['collection', 'false_legal']);
    expect(labels('你不还钱我们就起诉你，判决之后还不履行的话，法院可以把你列入失信名单。')).toEqual(['collection']);
    expect(labels('逾期不会坐牢，但会影响征信，请您尽快处理。')).toEqual(['collection']);
  });
  it('labels statements about the police as false_legal, not impersonation', () => {
    expect(labels('你的欠款已移交公安机关处理，请配合调查。')).toEqual(['collection', 'false_legal']);
  });
});

describe('evasions', () => {
  it('sees through spacing, symbols, pinyin and traditional characters', () => {
    expect(labels('您的借 款已逾-期，请尽 快还 款')).toEqual(['collection']);
    expect(labels('yq了还不hk？赶紧处理')).toEqual(['collection']);
    expect(labels('【橙子錢包】您的借款已逾期7天，應還金額1,080.00元，請盡快還款。')).toEqual(['collection']);
    expect(labels('狗 东 西，还钱')).toEqual(['collection', 'insult']);
    expect(labels('〖催 收 部〗最后通牒：今天18点前不还款，将启动上门程序。')).toEqual(['collection', 'visit_threat']);
    expect(labels('逾q了还不还k？你是不打算处理了吗')).toEqual(['collection']);
  });
});

describe('spans', () => {
  it('point into the original text through removed separators', () => {
    const text = '再不还钱就 爆 你 通*讯*录';
    expect(spanTexts(text, 'threat_contacts').join('')).toContain('爆 你 通*讯*录');
  });
  it('point into the original text through traditional characters', () => {
    const text = '欠錢不還是吧？聯繫你全部通訊錄';
    expect(spanTexts(text, 'threat_contacts').join('')).toContain('通訊錄');
    expect(spanTexts(text, 'collection').join('')).toMatch(/不還/);
  });
  it('point into the original text through pinyin', () => {
    const text = '再不HK就爆TXL了';
    expect(spanTexts(text, 'threat_contacts')).toEqual(['爆TXL']);
  });
  it('exist for every label, in LABELS order, inside the text, sorted and disjoint', () => {
    const msgs = loadFixture();
    for (const m of msgs) {
      const c = classify(m.text, m.to);
      const order = c.labels.map((l) => LABELS.indexOf(l));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(Object.keys(c.spans).sort()).toEqual([...c.labels].sort());
      for (const l of c.labels) {
        const spans = c.spans[l]!;
        expect(spans.length, `${m.id} ${l}`).toBeGreaterThan(0);
        let last = -1;
        for (const [s, e] of spans) {
          expect(s).toBeGreaterThan(last);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(m.text.length);
          last = e;
        }
      }
    }
  });
});

describe('determinism and engine', () => {
  it('gives the same answer every time and in batches', () => {
    const msgs = loadFixture().slice(0, 120);
    const once = msgs.map((m) => classify(m.text, m.to));
    const twice = msgs.map((m) => classify(m.text, m.to));
    expect(twice).toEqual(once);
    expect(classifyBatch(msgs.map((m) => ({ text: m.text, to: m.to })))).toEqual(once);
    const reversed = [...msgs].reverse().map((m) => classify(m.text, m.to)).reverse();
    expect(reversed).toEqual(once);
  });

  /** Texts that exercise the rules: the fixtures, and random strings of the lexicon's own words. */
  const lexiconWords = [...new Set(ALL_RULES.flatMap((r) => r.re.source.match(/[\u4e00-\u9fff]{1,6}/g) ?? []))].sort();
  const noise = ['，', '。', '！', ' ', '-', '你', '您', '不会', '没有', '已经', '【', '】', '12368', '🔪', 'yq', 'HK', '1,000元', '還', '通*讯*录'];
  const wordTexts = fc.array(fc.oneof(fc.constantFrom(...lexiconWords), fc.constantFrom(...noise)), { minLength: 1, maxLength: 14 }).map((a) => a.join(''));

  it('never changes a result by gating rules', () => {
    const check = (text: string, to: Recipient, id: string): void => {
      setGating(true);
      const a = explain(text, to);
      setGating(false);
      const b = explain(text, to);
      setGating(true);
      expect(a.labels, id).toEqual(b.labels);
      expect(a.spans, id).toEqual(b.spans);
    };
    try {
      for (const m of loadFixture()) check(m.text, m.to, m.id);
      fc.assert(
        fc.property(wordTexts, fc.constantFrom<Recipient>('debtor', 'third_party', 'unknown'), (text, to) => check(text, to, text)),
        { numRuns: 3000, seed: 7 },
      );
    } finally {
      setGating(true);
    }
  });

  it('gates are met by every match of their rule', () => {
    expect(requiredChars('爆(?:你)?通讯录')).toBe('爆');
    expect(['上登', '门登']).toContain(requiredChars('上门(?!服务)|登门'));
    expect(requiredChars('(?:你|您)?[^，。]{0,4}')).toBe('');
    expect(requiredGate('(?:你|您)?[^，。]{0,4}')).toEqual([]);
    // Two clauses for a sequence of two required parts; the pair is cut to its rarest two characters.
    expect(requiredGate('(?:请|务必)[^，。]{0,8}?(?:还款|结清)')).toEqual([[['结清', '还款'], ['务必', '请']]]);
    expect(requiredGate('老赖|老濑')).toEqual([[['老濑', '老赖']]]);
    expect(requiredGate('还\\n钱').flat(2).join('')).not.toContain('n');
    expect(() => requiredGate('(还)\\1')).toThrow();
    const meets = (norm: string, units: string[][][]): boolean =>
      units.length === 0 || units.some((clauses) => clauses.every((clause) => clause.some((f) => norm.includes(f))));
    const texts = loadFixture().map((m) => normalize(m.text).norm);
    fc.assert(
      fc.property(wordTexts, (t) => {
        texts.push(normalize(t).norm);
      }),
      { numRuns: 3000, seed: 11 },
    );
    for (const r of ALL_RULES) {
      for (const n of texts) {
        r.re.lastIndex = 0;
        const hit = r.re.exec(n);
        r.re.lastIndex = 0;
        if (hit === null || hit[0].length === 0) continue;
        if (r.gate !== '') expect([...r.gate].some((g) => n.includes(g)), `${r.id} char gate on ${n}`).toBe(true);
        expect(meets(n, r.units), `${r.id} gate on ${n}`).toBe(true);
      }
    }
  });

  it('never throws and keeps spans in bounds on arbitrary input', () => {
    const pieces = fc.constantFrom('还钱', '逾期', '爆通讯录', '上门', '老赖', '🔪', '還款', 'yq', 'HK', ' ', '-', '，', '我们不会', '法院', '律师');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(pieces, { maxLength: 20 }).map((a) => a.join(''))),
        fc.constantFrom<Recipient>('debtor', 'third_party', 'unknown'),
        (text, to) => {
          const c = classify(text, to);
          if (c.labels.length > 0) expect(c.labels[0]).toBe('collection');
          for (const l of c.labels) {
            for (const [s, e] of c.spans[l]!) {
              expect(s).toBeGreaterThanOrEqual(0);
              expect(e).toBeLessThanOrEqual(text.length);
              expect(e).toBeGreaterThan(s);
            }
          }
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('long messages are classified on a bounded window', () => {
  const threat = '你再不还钱就爆你通讯录，上门找你家人！';
  const filler = '今天天气不错，我们下午去公园散步吧。';

  it('classifies a 300k-character message on its first CLASSIFY_WINDOW_CHARS characters', () => {
    const text = (threat + filler.repeat(50)).padEnd(300_000, threat);
    expect(text.length).toBe(300_000);
    const c = classify(text, 'debtor');
    expect(c.labels).toEqual(expect.arrayContaining(['collection', 'threat_contacts', 'visit_threat']));
    for (const spans of Object.values(c.spans)) for (const [, e] of spans!) expect(e).toBeLessThanOrEqual(CLASSIFY_WINDOW_CHARS);
    // The same as classifying the window alone: nothing beyond it is read.
    expect(c).toEqual(classify(text.slice(0, CLASSIFY_WINDOW_CHARS), 'debtor'));
    expect(explain(text).norm.length).toBeLessThanOrEqual(CLASSIFY_WINDOW_CHARS);
  });

  // The result is the window's result, whatever follows it. (Until session 7 this asserted that the window of
  // repeated chat has no label at all; that is a property of the model's everyday-chat errors, measured on
  // written-9 in heldout.test.ts, not of the window.)
  it('reads nothing beyond the window', () => {
    const text = filler.repeat(Math.ceil(CLASSIFY_WINDOW_CHARS / filler.length) + 1) + threat.repeat(1000);
    expect(classify(text, 'debtor')).toEqual(classify(classifyWindow(text), 'debtor'));
    expect(classify(text, 'debtor').labels).not.toContain('threat_contacts');
    expect(classify(text.slice(CLASSIFY_WINDOW_CHARS), 'debtor').labels).toEqual(expect.arrayContaining(['collection', 'threat_contacts']));
  });

  it('does not cut a surrogate pair at the edge', () => {
    const text = 'a'.repeat(CLASSIFY_WINDOW_CHARS - 1) + '🔪'.repeat(10);
    expect(classifyWindow(text)).toBe('a'.repeat(CLASSIFY_WINDOW_CHARS - 1));
    expect(classifyWindow('short')).toBe('short');
  });

  it('merges thousands of spans into sorted, disjoint ones', () => {
    const text = (threat + '🔪 ').repeat(Math.floor(CLASSIFY_WINDOW_CHARS / (threat.length + 3)));
    const c = classify(text, 'debtor');
    expect(c.labels).toContain('threat_violence');
    for (const spans of Object.values(c.spans)) {
      expect(spans!.length).toBeGreaterThan(100);
      for (let k = 1; k < spans!.length; k++) expect(spans![k]![0]).toBeGreaterThan(spans![k - 1]![1]);
    }
  });

  it('handles adversarial long inputs (repeated digits, one unbroken run, many emoji) without error', () => {
    for (const text of ['1'.repeat(1_000_000), 'a'.repeat(1_000_000), '🔪💣🐶'.repeat(300_000), 'yq hk txl '.repeat(100_000), '還錢'.repeat(500_000)]) {
      const c = classify(text, 'debtor');
      for (const spans of Object.values(c.spans)) for (const [, e] of spans!) expect(e).toBeLessThanOrEqual(CLASSIFY_WINDOW_CHARS);
    }
  });
});

describe('session 10 (r32): funeral things sent, violence words the rules missed', () => {
  // Written for this test, after blind-42's and blind-43's errors (both scored at first sight first).
  it('reads funeral things sent to the debtor, or made out in their name, as collection and a threat on their own', () => {
    expect(labels('快递给你寄了点冥币，先拿着花，不够再说')).toEqual(expect.arrayContaining(['collection', 'threat_violence']));
    expect(labels('给你家寄了一个小礼物，打开看看，白色的挽联，上面写的是你的名字')).toEqual(expect.arrayContaining(['collection', 'threat_violence']));
    // A family funeral stays ordinary.
    expect(labels('舅舅的葬礼你能回来吗？挽联上你的名字我先写上了')).toEqual([]);
    expect(labels('老人家寿衣尺码报一下，我们下午送到家里，节哀顺变')).toEqual([]);
  });
  it('finds slaps, bought knives, windows "not wanted", walking home alone, hardship and a child\'s school hour', () => {
    expect(rules('欠款今天不还，明天去你公司门口当着你同事面扇你几个耳光')).toContain('threat_violence');
    expect(rules('今天不还钱，我们的人已经买好刀了')).toContain('threat_violence');
    expect(rules('再不还钱，你家窗户也别想要了')).toContain('threat_violence');
    expect(rules('逾期这么久还不处理，晚上别一个人回家')).toContain('threat_violence');
    expect(rules('欠的钱今天不到账，你就等着吃点苦头')).toContain('threat_violence');
    expect(rules('你女儿在实验小学吧，欠款再不处理，下午四点半放学我们在门口等')).toContain('threat_violence');
    // 再躲 is the pressure of someone chasing a debt.
    expect(rules('你个瘪犊子，再躲看我不削你')).toEqual(expect.arrayContaining(['collection', 'threat_violence', 'insult']));
  });
});

describe('session 10 (r33): acid and red oil, 要点脸, bathhouse work, ride bans, NT$', () => {
  // Written for this test, after blind-44's errors (scored at first sight first).
  it('reads the forms blind-44 showed', () => {
    expect(rules('再不还钱我泼你一脸硫酸')).toEqual(expect.arrayContaining(['collection', 'threat_violence']));
    expect(rules('借钱唔还，听日再唔还就上你屋企门口淋红油')).toContain('threat_violence');
    expect(rules('微信转账1元，备注：还钱。不然下次转的就是你的丧葬费')).toContain('threat_violence');
    expect(rules('欠的钱你说下周还，上周你也这么说，你要点脸行不行')).toContain('insult');
    expect(rules('去洗浴中心上班吧，欠我们的八千一个月就还清了')).toContain('insult');
    expect(rules('卖肾吧，一个肾四万，够你还了')).toEqual(expect.arrayContaining(['collection', 'insult']));
    expect(rules('您因网贷逾期已被纳入铁路限制乘车名单，请尽快结清欠款')).toContain('false_legal');
  });
  it('does not read New Taiwan dollars as the slang insult nt', () => {
    expect(rules('【钱小二】您的借款已逾期7天，应还金额NT$15,600，请尽速缴款。')).not.toContain('insult');
    expect(rules('欠钱不还，你是不是nt')).toContain('insult');
  });
});

describe('session 10 (r34): warnings, news and the borrower\'s own voice stay ordinary', () => {
  // Written for this test, after blind-46's errors (scored at first sight first).
  it('gives no label to an anti-fraud notice, a news report on a case, or the borrower telling family and friends', () => {
    expect(rules('【XX市公安局】近期有不法分子冒充法院、律师事务所发送“传票”，声称网贷逾期将“立案”“坐牢”“上门抓人”，均为诈骗，请勿轻信转账。', 'unknown')).toEqual([]);
    expect(rules('据报道，某催收公司员工向借款人发送P成遗照的图片，并称“不还钱就寄花圈到你家”，目前涉案人员已被警方刑事拘留。', 'unknown')).toEqual([]);
    expect(rules('妈我跟你说，如果有人说是法院的，让你替我还钱，千万别转，都是骗子', 'unknown')).toEqual([]);
    expect(rules('兄弟，催收的给我发了好多辱骂短信，说我是老赖、让我去死，我真的快撑不住了', 'unknown')).toEqual([]);
    expect(rules('你再不回我消息我就去你家楼下蹲你了😂 生日快乐！', 'unknown')).toEqual([]);
  });
  it('still reads a collector who quotes the law or jokes before a threat', () => {
    expect(rules('别以为是诈骗，你的网贷逾期已经立案，明天民警上门', 'unknown')).toContain('collection');
    expect(rules('开个玩笑哈，要是哪天你家着火了可别说是我们干的 赶紧还钱', 'unknown')).toContain('collection');
  });
});

describe('session 10 (r35): more violence words; bulletins, complaints, payoffs and masked case numbers', () => {
  // Written for this test, after blind-47's and blind-48's errors (both scored at first sight first).
  it('finds smashed doors, "no guarantee of outside staff", bags in the river, 动起手, 什么叫疼, legs "still of use"', () => {
    expect(rules('我在你家楼下等了三个小时了，欠的钱再不还，我就上去砸门了。')).toContain('threat_violence');
    expect(rules('【泰丰小贷】客户您好，鉴于您长期拖欠，我司无法保证相关外部人员的行为，请您保障自身及家人安全，尽快结清。')).toContain('threat_violence');
    expect(rules('欠的钱还不还？老子叫人过来把你娃儿的书包都给你扔河里去')).toContain('threat_violence');
    expect(rules('欠款今天不处理，动起手来谁也不好看')).toContain('threat_violence');
    expect(rules('欠的钱不还，今晚让你知道什么叫疼')).toContain('threat_violence');
    expect(rules('钱呢？那你那两条腿还有用吗？你好好想想')).toContain('threat_violence');
    expect(rules('再让我打三遍电话不接，欠款还不还，手是不是不想要了')).toContain('threat_violence');
  });
  it('gives no label to a police bulletin, a complaint to a regulator, hearsay, a payoff notice, a court notice with a masked case number', () => {
    expect(rules('警方通报：男子因催收时威胁借款人"知道你女儿在哪上学"，被依法行政拘留10日。', 'unknown')).toEqual([]);
    expect(rules('【投诉内容】催收员在电话中称"你这种人就该去坐台"，并威胁将我的照片发给我所有亲友，请求监管部门处理。', 'unknown')).toEqual([]);
    expect(rules('她今天哭着跟我说，催收的让她去陪酒还钱，我已经陪她去派出所了', 'unknown')).toEqual([]);
    expect(rules('【小米金融】尊敬的用户，您的借款已于今日还清，期待再次为您服务。')).toEqual([]);
    expect(rules('【南山区人民法院】您好，您有一份（2026）粤0305民初2xxx号案件的诉讼材料，请登录"粤公正"小程序查收，或拨打12368咨询。', 'unknown')).toEqual([]);
  });
});

describe('session 11 (r36): the borrower asking for time on a call', () => {
  // Written for this test, after blind-58's errors (scored at first sight first).
  it('gives the borrower\'s own spoken turns no label, and keeps a collector giving time collection', () => {
    expect(rules('求求你了 再给我三天 就三天 我老家的钱到了马上还', 'unknown')).toEqual([]);
    expect(rules('我唔係唔還 我而家真係冇錢 你畀多兩個禮拜我啦 唔該你', 'unknown')).toEqual([]);
    expect(rules('大哥你再给我两个月，工资一到账就还', 'unknown')).toEqual([]);
    // The collector's side: time given to 你, or money to be paid back to 我.
    expect(rules('给你三天时间，钱还不上我们就按流程处理你的欠款', 'debtor')).toContain('collection');
    expect(rules('你说钱到了马上还我，三天了钱呢？', 'debtor')).toContain('collection');
  });
});

describe('session 12 (r37): counter-evidence that is a condition, an offer, or the lender\'s own bill', () => {
  // Written for this test. A receipt word inside a condition or an offer is not a receipt; a private lender's own rent
  // or school fees are why he asks for his money, not a bill the message reports.
  it('keeps pre-debit reminders and settlement offers collection', () => {
    expect(rules('请于明日中午12:00前存入本期应还金额，如明日扣款成功，视为按时还款。如已存入请忽略。', 'debtor')).toContain('collection');
    expect(rules('您目前欠款8,600元，现可申请减免，还4,000元即可结清，我司提供结清证明。', 'debtor')).toContain('collection');
  });
  it('keeps a private lender who names his own bills collection', () => {
    expect(rules('老同学，借你的那六千块这周能还我吗，我也要交房租了', 'debtor')).toContain('collection');
    expect(rules('欠我的那五千块，我要交房租了', 'debtor')).toContain('collection');
  });
  it('reads 日你 after a day word as a date, not a curse', () => {
    // 「截止今日你已逾期」 is a template's date; 「日你妈」 stays an insult.
    expect(rules('【某某贷】截止今日你已逾期第5天，逾期费用为30元，请尽快还款。', 'debtor')).toEqual(['collection']);
    expect(rules('还款日你必须把钱准备好，别再拖了', 'debtor')).not.toContain('insult');
    expect(rules('欠钱不还，日你妈的', 'debtor')).toContain('insult');
  });
  it('reads 转达 as 转告: a robot call asking whoever answers to pass the reminder on', () => {
    expect(rules('这里是某某贷，XXX有一笔贷款即将到期，如您不是他本人，请代为转达，谢谢。', 'unknown')).toContain('third_party');
    expect(rules('他在我们平台的借款已逾期，烦请转达他尽快处理。', 'unknown')).toContain('third_party');
    expect(rules('王老师不幸去世，请转达我们的哀思。', 'unknown')).toEqual([]);
  });
  it('does not read the reader being asked to contact their own people as a threat to tell them', () => {
    expect(rules('账号已锁定，请联系您的紧急联系人进行解锁。', 'unknown')).toEqual([]);
    expect(rules('您的贷款已逾期5天，如有困难请联系客户经理协商还款方案。', 'debtor')).toEqual(['collection']);
    // The sender acting stays a threat: 我们可以找…, 将联系…
    expect(rules('您要是暂时还不上，我们可以找村支书帮忙协调', 'debtor')).toContain('threat_contacts');
    expect(rules('今天再不还款，我们将联系您的紧急联系人', 'debtor')).toContain('threat_contacts');
  });
  it('still lets a receipt and a bill turn the rules away', () => {
    expect(rules('您尾号0021的借款已于今日扣款成功，感谢您的按时还款。', 'debtor')).toEqual([]);
    expect(rules('本月房租2,300元，请于5日前转账，谢谢。', 'debtor')).toEqual([]);
  });
});

describe('session 13 (r38): safety services, borrowed things, status strings and questions', () => {
  // Written for this test, after real round 14's first sight (check-in apps, an equipment-lending system, app status).
  it('gives no label to a check-in or safety service that will contact the emergency contact', () => {
    expect(rules('您已超过48小时未签到，系统将通知您的紧急联系人，请尽快打开App报平安。', 'unknown')).toEqual([]);
    expect(rules('为了确认您的安全，我们正在联系您的紧急联系人。', 'unknown')).toEqual([]);
    expect(rules('检测到您可能摔倒了，如60秒内无响应将自动拨打紧急联系人电话。', 'unknown')).toEqual([]);
  });
  it('keeps a lender that names the emergency contact collection, care words or not', () => {
    expect(rules('您的借款已逾期7天，为保障您的信用安全，请今日内还款，否则我们将通知您的紧急联系人。', 'debtor')).toContain('threat_contacts');
    expect(rules('今天再不还款，我们将联系您的紧急联系人', 'debtor')).toContain('threat_contacts');
  });
  it('gives no label to things borrowed or rented, and keeps money lent collection', () => {
    expect(rules('您借用的实验室设备已逾期2天，请尽快归还至设备管理处。', 'unknown')).toEqual([]);
    expect(rules('您的借用已逾期3天，请立即归还，否则将影响信用评分', 'unknown')).toEqual([]);
    expect(rules('您的借款已逾期3天，请立即还款，否则将影响信用评分', 'debtor')).toContain('collection');
  });
  it('gives no label to the borrower\'s own tagged turn, and reads a transcript with the collector\'s side as usual', () => {
    expect(rules('【通话记录】借款人：我知道我逾期了，你们别天天打了，下个月一定还', 'unknown')).toEqual([]);
    expect(rules('我：你们再打我家人电话我就报警了', 'unknown')).toEqual([]);
    expect(rules('【通话记录】借款人：我真没钱。催收员：没钱？明天不还我就去你公司找你领导', 'debtor')).toContain('visit_threat');
    // A collector's form with the borrower's name after the tag is not a turn, nor is a tag followed by another speaker's.
    expect(isOwnTurn(normalize('【外访登记】借款人：邹某 外访地址：某县某村 外访时间：12月12日').norm)).toBe(false);
    expect(isOwnTurn(normalize('借款人：我没钱。对方：那你去借啊').norm)).toBe(false);
    expect(isOwnTurn(normalize('借款人：我没钱，下个月还').norm)).toBe(true);
  });
  it('reads funding the account to avoid being overdue, and paying once overdue, as a request to pay', () => {
    expect(rules('为避免逾期，请提前充值！', 'debtor')).toContain('collection');
    expect(rules('提醒您请及时通过App自助充值，避免超期产生更多费用。', 'debtor')).toContain('collection');
    expect(rules('您已逾期，请于今日付款至指定账户。', 'debtor')).toContain('collection');
    // Topping up a phone, or paying for an order, is not.
    expect(rules('您的话费余额不足10元，请及时充值。', 'unknown')).toEqual([]);
    expect(rules('您的订单已提交，请于30分钟内付款。', 'unknown')).toEqual([]);
  });
  it('reads an agent\'s 还进来/处理进来 and an offer to negotiate as collection, not a report or an advert', () => {
    expect(rules('想办法在周一之前把1000块钱处理进来，好吧？', 'debtor')).toContain('collection');
    expect(rules('那如果明天您没有还进来的话，后续就不好说了', 'debtor')).toContain('collection');
    expect(rules('实在不行，我给你减免可以吧？', 'debtor')).toContain('collection');
    expect(rules('【债务优化】信用卡逾期、网贷还不上？专业团队帮您申请停息分期，不成功不收费。', 'unknown')).toEqual([]);
    expect(rules('您的信用卡年费已经帮您减免了，今年不用交', 'debtor')).toEqual([]);
  });
  it('reads a traditional-character private lender as its simplified twin (什麼 was 什幺)', () => {
    expect(rules('請問妳上次借的五百塊什麼時候能還？', 'debtor')).toContain('collection');
  });
  it('settles a collector\'s identity check and another non-collector\'s turn as ordinary, and not a demand', () => {
    expect(rules('【通话记录】催收员：喂，您好，请问是孙某某先生本人吗？', 'debtor')).toEqual([]);
    expect(rules('【通话记录】催收员：阿姨您好，请问您认识孙丽吗？', 'third_party')).toEqual([]);
    expect(rules('【通话记录】接听人：他已经三年没回来过了，我们也联系不上他，你们别再打了。', 'unknown')).toEqual([]);
    expect(isIdentityCheck(normalize('你是不是不想还了？').norm)).toBe(false);
    expect(rules('你是张三吗？你欠的钱什么时候还', 'debtor')).toContain('collection');
  });
  it('turns away a company\'s trade debt and keeps one person\'s 货款 collection', () => {
    expect(rules('老刘啊，钢材那笔货款拖了快俩月了，你们老板到底啥意思，给个准话。', 'unknown')).toEqual([]);
    expect(rules('Hi Jason，附件是Q3 invoice，payment term是net 60，目前已经overdue两周了，please advise.', 'unknown')).toEqual([]);
    expect(rules('我那二十万的货款你拖了半年了，今天能不能给个说法？', 'debtor')).toContain('collection');
  });
  it('gives no label to borrowers\' posts: 催收天天打电话, 骂我是老赖, 去哪投诉, a friend who borrowed', () => {
    expect(rules('借了两个平台周转，现在每天都是催收电话，他们骂我是老赖，我真不是故意不还', 'unknown')).toEqual([]);
    expect(rules('我是紧急联系人，我朋友借钱不还，催收天天打我电话，我有没有义务替他还？', 'unknown')).toEqual([]);
    expect(rules('客服你好，我想申请延期还款，我最近住院了，有诊断证明。', 'unknown')).toEqual([]);
  });
  it('reads the rest of blind-71 and blind-72\'s errors as the guide does (round 3)', () => {
    // A collector's call opener with the agent's number, and a check that the borrower can talk: no push to repay.
    expect(rules('催收员：请问是王先生吗 我是速达钱包的工作人员 工号3107', 'debtor')).toEqual([]);
    expect(rules('催收员：好的，您的身份已经核实了，请问现在方便通话吗？', 'debtor')).toEqual([]);
    expect(rules('你好，我是某某钱包的工作人员，你欠的钱什么时候还', 'debtor')).toContain('collection');
    // Other people's tagged turns: a former wife, a debt-relief salesman.
    expect(rules('前妻：我们离婚两年了，他的事你们别来找我', 'unknown')).toEqual([]);
    expect(rules('借款人：cnm你们天天打电话烦不烦', 'unknown')).toEqual([]);
    // A pre-debit notice asking to keep the balance is a request to pay; a payment already made is not.
    expect(rules('【某某贷】系统将于今日18:00再次发起扣款，请保持尾号0375银行卡余额不少于¥1,560.00。', 'debtor')).toContain('collection');
    expect(rules('【某某花】还款到账通知：您于今日14:22还款¥856.00已入账。', 'debtor')).toEqual([]);
    expect(rules('请于今日24:00前还款。', 'debtor')).toContain('collection');
    expect(rules('扣款失败：您的银行卡余额不足，本期未能扣款成功，请及时充值或更换还款卡后手动还款。', 'debtor')).toContain('collection');
    // A private lender asking about 你上次借的; the borrower's transfer that repays it is not collection.
    expect(rules('你上次借的五百块什么时候能还？我下周要交学费了', 'debtor')).toContain('collection');
    expect(rules('微信转账 ¥500 备注：还你上次借的钱', 'unknown')).toEqual([]);
    // A company's trade debt, a work deadline, a borrower's post, a family rumour.
    expect(rules('我们公司被一个客户拖欠货款半年了，老板让我写催款函，有模板吗？', 'unknown')).toEqual([]);
    expect(rules('这个bug逾期两天了，今天必须修掉', 'unknown')).toEqual([]);
    expect(rules('欠了某某贷6k，逾期两个月，催收天天说要爆通讯录，大家有啥办法吗', 'unknown')).toEqual([]);
  });
  it('reads blind-70 and blind-74\'s errors as the guide does (round 4)', () => {
    // A relative in hospital is not a threat of violence; a collector's threat to put you there still is.
    expect(rules('姐，妈住院的钱我出一半，剩下你看着办吧，别老指望我。', 'unknown')).toEqual([]);
    expect(rules('你借我的两千五都半年了，我妈住院要用钱，你能不能先还我一千', 'debtor')).toEqual(['collection']);
    expect(rules('钱再不还，让你住院', 'debtor')).toContain('threat_violence');
    // Lovers' quarrels, a mountain-safety service, company receivables, a receipt, a one-word reply.
    expect(rules('你个渣男，劈腿还有脸发朋友圈？我明天就去你公司让大家看看你什么德行', 'unknown')).toEqual([]);
    expect(rules('【登山报备】您登记的行程已超过预计下山时间2小时，如未回复，我们将联系您的紧急联系人并通知救援队。', 'unknown')).toEqual([]);
    expect(rules('兄弟，你们公司那笔加工费到底给不给了？月底前给个准话。', 'unknown')).toEqual([]);
    expect(rules('【某某金融】您的逾期欠款已于今日全部结清，征信将按规定更新。', 'debtor')).toEqual([]);
    expect(rules('已还', 'unknown')).toEqual([]);
    // Borrowers asking what to do; a collector's call opener for a 回访.
    expect(rules('男朋友借了网贷不还，催收把我的照片发到了我们公司群里，我应该找谁维权？', 'unknown')).toEqual([]);
    expect(rules('有人知道“某某法务”是什么机构吗？发短信说是受法院委托，让我今天必须结清', 'unknown')).toEqual([]);
    expect(rules('客服，我申请协商还款，能不能免掉罚息，本金我分6期还', 'unknown')).toEqual([]);
    expect(rules('【通话记录】催收员：您好，我们这边做个简单的回访，请问您现在方便接电话吗？', 'debtor')).toEqual([]);
    // Still collection: the contract's own words, 执行程序, a collector's 要不要.
    expect(rules('根据合同约定，逾期将按日收取违约金，请尽早还款。', 'debtor')).toContain('collection');
    expect(rules('你的案件已进入强制执行程序，请于今日16时前联系执行法官缴清欠款，逾期将司法拘留。', 'debtor')).toContain('collection');
    expect(rules('你是党员吧？欠款再不还，你们支部书记那边我们要不要也汇报一下？', 'debtor')).toContain('collection');
  });
  it('gives every rule its own id (features, voidBy and traces name rules by id)', () => {
    // Session 14 had two rules named veto.service for a while.
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  });
  it('reads session 14\'s errors as the guide does (r39, rounds 2–5)', () => {
    // Look-alikes: news and TV, trade debts, funeral trades, movers, health wearables, a meal owed, lovers, a borrower's
    // bracketed turn and promise, a family asking for time, a debt-relief advert, an identity check that apologises.
    expect(rules('【新闻】多名借款人投诉，催收人员群发其通讯录，监管部门已约谈相关平台。', 'unknown')).toEqual([]);
    expect(rules('电视剧第12集：讨债公司的人堵在男主家门口泼红油漆，这段拍得太压抑了', 'unknown')).toEqual([]);
    expect(rules('催款函：贵司于去年采购的包装材料货款已逾期30天，请于10个工作日内支付。', 'unknown')).toEqual([]);
    expect(rules('寿衣店：老人家的寿衣已经做好了，您什么时候方便来取', 'unknown')).toEqual([]);
    expect(rules('喂 你好 我是搬家公司的 我们已经在你单位门口了 东西从哪个门搬', 'unknown')).toEqual([]);
    expect(rules('【运动手环】检测到您睡眠中血氧偏低，建议就医；已为您开启紧急联系人通知功能。', 'unknown')).toEqual([]);
    expect(rules('你欠我的那顿烤肉什么时候兑现？拖了三个月了老赖', 'unknown')).toEqual([]);
    expect(rules('你抢我男朋友的事，我会让全公司都知道的，你等着。', 'unknown')).toEqual([]);
    expect(rules('（借款人）我下周三发工资，能不能先还一半？', 'unknown')).toEqual([]);
    expect(rules('我在外面借钱的事你先别告诉妈，我下个月就能还上。', 'third_party')).toEqual([]);
    expect(rules('我爸过世了 他欠的钱我们会想办法 请给我们一点时间', 'unknown')).toEqual([]);
    expect(rules('逾期不可怕。专业法务团队帮您跟银行谈判，减免罚息。', 'unknown')).toEqual([]);
    expect(rules('【通话记录】催收员：喂，你好，打扰了，请问是刘女士吗？', 'debtor')).toEqual([]);
    // Round 5: a borrower quoting a call they transcribed, asking where to complain; trade 进度款; a loan refused.
    expect(rules('我把催收的通话录音转成文字了：“你今天不还，明天你单位所有人都会知道你是老赖”。这个录音能当证据吗？', 'unknown')).toEqual([]);
    expect(rules('【截图】催收员:你今天不还明天就给你通讯录所有人发短信 我:我已经在协商了——请问这种我能投诉到哪里', 'unknown')).toEqual([]);
    expect(rules('李总您好，装修工程款的第二笔进度款什么时候能打过来？工人工资等着发。', 'unknown')).toEqual([]);
    expect(rules('借款失败：很抱歉地通知您，您提交的借款申请没有通过审批，请您保持良好的还款记录。', 'debtor')).toEqual([]);
    // Collection: abbreviations, the address book called, props mailed (no visit), an exit ban, a co-defendant contact.
    expect(rules('再不hk 明天上午开始打你txl', 'debtor')).toEqual(['collection', 'threat_contacts']);
    expect(rules('寄了个花圈到你店里 记得签收', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('您的借款已逾期，名单已报送至出入境管理部门，您将无法办理护照出境', 'debtor')).toEqual(['collection', 'false_legal']);
    expect(rules('你作为紧急联系人，如果不配合，我们将把你列为共同被告一起起诉', 'third_party')).toEqual(['collection', 'third_party', 'false_legal']);
    expect(rules('催 收 部 通 知 ： 今 日 必 还', 'debtor')).toEqual(['collection']);
    expect(rules('老铁 那六百块 手头宽裕了记得转我', 'debtor')).toEqual(['collection']);
    expect(rules('冥币给你烧好了，快递明天到，签收一下。', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('欠钱的孙子，环钱！', 'debtor')).toContain('collection');
    // Still collection where the look-alike words meet a debt: a collector's 电视剧, 小三, 保单贷款, 男主人.
    expect(rules('你这些借口编得比电视剧还精彩，今天必须还款', 'debtor')).toContain('collection');
    expect(rules('您的朋友陈某在我司的保单贷款逾期，他填写了您为联系人，请您方便时提醒他。', 'third_party')).toContain('collection');
    expect(rules('邻居你好，对门那家的男主人欠我们平台钱，你帮忙带个话', 'third_party')).toContain('collection');
  });
  it('reads session 15\'s errors as the guide does (r40)', () => {
    // Money laid out for the reader is a private loan, even beside a bill word (学费, 房租).
    expect(rules('上个月帮你垫付的学费2800，这周能转我吗', 'debtor')).toEqual(['collection']);
    // 「yq」 with a count or a state after it is 逾期 without another debt word.
    expect(rules('yq 45天 已转外访组', 'debtor')).toContain('collection');
    // A health check's report that mentions the emergency contact is not a threat to contacts.
    expect(rules('【社区医院】您的体检报告有一项危急值，我们将联系您的紧急联系人，请尽快回电。', 'unknown')).toEqual([]);
    // 让你生不如死 is a threat of violence.
    expect(rules('欠的钱再不还，我们让你生不如死', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('这次肠胃炎疼得我生不如死', 'unknown')).toEqual([]);
    // The family's safety as the price of paying.
    expect(rules('你欠的钱今天不处理，想让你爸妈平平安安的就自己掂量', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('逾期的事再拖下去，你家人的安全我们可没法保证', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('出门在外，想让家人平安就少熬夜', 'unknown')).toEqual([]);
    // The sender will make it happen (the batch conventions): selling the debtor's organs or the debtor, for them.
    expect(rules('这笔钱再拖，我们就替你把肾卖了抵账', 'debtor')).toEqual(['collection', 'threat_violence', 'insult']);
    // Funeral props, then where they are sent.
    expect(rules('寿衣今天下午给你快递过去了 记得签收', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('奶奶的寿衣明天送到家里', 'unknown')).toEqual([]);
    // The field team coming to the reader, with no debt word; a company's own field team is not.
    expect(rules('后天外访专员去你单位', 'debtor')).toEqual(['collection', 'visit_threat']);
    expect(rules('外勤人员明天到你们厂里调试机器，麻烦安排个人对接', 'unknown')).toEqual([]);
  });
  it('reads session 16\'s errors as the guide does (r41)', () => {
    // Formal notices of sending to the contacts are a threat to contacts; a report of it (已…发送了) or a news story is not.
    expect(rules('【快分期】您已逾期9天，若今日仍未处理，系统将向您填写的紧急联系人发送还款提醒。', 'debtor')).toEqual(['collection', 'threat_contacts']);
    expect(rules('【快分期】系统已于昨日向您填写的紧急联系人发送了还款提醒，请尽快处理欠款。', 'debtor')).toEqual(['collection']);
    // A long quarrel with a pressure word and two kinds of rude words is not collection; a long notice that names the debt is.
    expect(
      rules('你是不是有病？快递放门口你自己不看，非说我没送到，还给我打差评，我跑一天挣那点钱被你扣光了，你良心被狗吃了吧，傻逼一个，有本事别让我在小区碰到你，再碰到我就让整个业主群的人都看看你什么德性，你自己掂量。', 'unknown'),
    ).toEqual([]);
    // An app's banner, the template's own anti-fraud line, asking whether something happened: no label of their own.
    expect(rules('【快分期】您的借款已逾期3天，点击App首页横幅可申请延期还款，请勿向个人账户转账，谨防诈骗。', 'debtor')).toEqual(['collection']);
    // A caller opening with the body they claim to be from.
    expect(rules('检察院的，你欠的网贷已经立案了，今天不还明天就批捕', 'debtor')).toEqual(['collection', 'impersonation', 'false_legal']);
    // Cantonese: telling the family.
    expect(rules('再唔还钱，我就话畀你屋企人知', 'debtor')).toEqual(['collection', 'threat_contacts']);
    // 川渝 and Cantonese insults; an obscene edited picture.
    expect(rules('瓜皮，欠的钱还不还', 'debtor')).toEqual(['collection', 'insult']);
    expect(rules('欠钱不还就把你照片p成小姐发你朋友圈', 'debtor')).toContain('insult');
    // Templates: funding the account, an instalment due today, a reminder, interest waived to settle.
    expect(rules('【快分期】您本期明天扣款，请保证卡内余额。', 'debtor')).toEqual(['collection']);
    expect(rules('【快分期】第2期待还¥512.00，今天截止', 'debtor')).toEqual(['collection']);
    expect(rules('您好，这里是快分期，提醒您按时还款', 'debtor')).toEqual(['collection']);
    expect(rules('本金5000，罚息全免了，今天能结清吗', 'debtor')).toEqual(['collection']);
    // Someone else's lender or borrower, an invitation home: not the reader's debt, not a visit.
    expect(rules('那个借你钱的朋友又打电话来了，你回他一下吧', 'unknown')).toEqual([]);
    expect(rules('表哥，那三万块说好年底还的，你这周末来家里吃个饭，我们当面说说', 'debtor')).toEqual(['collection']);
  });
  it('reads session 16\'s long-text errors as the guide does (r42)', () => {
    // The sender will talk to the relatives; the reader asked to tell them, or a report of having told them, is not that.
    expect(rules('欠的钱再拖，我们就去你老家跟你爸妈好好聊聊', 'debtor')).toEqual(['collection', 'threat_contacts', 'visit_threat']);
    expect(rules('你弟欠我们的钱一直不还，你跟你爸说一声，让他尽快处理', 'third_party')).not.toContain('threat_contacts');
    expect(rules('已经跟你房东说了，周一来修热水器', 'unknown')).toEqual([]);
    // The debt made known: everyone who knows the reader, in front of the whole factory, one contact after another.
    expect(rules('你的欠款信息马上上传，到时候所有认识你的人都能查到', 'debtor')).toContain('threat_contacts');
    expect(rules('欠款再不处理，明天去你厂里，当着全厂的面把账算清楚', 'debtor')).toContain('threat_contacts');
    expect(rules('你朋友欠的钱再不还，我们就一个一个找到你们这些联系人', 'third_party')).toContain('threat_contacts');
    // In front of the reader's child or spouse, the writers and the guide read a visit, not a threat to contacts.
    expect(rules('明天我去你家找你，当着嫂子的面把欠的账对一对', 'debtor')).not.toContain('threat_contacts');
  });
  it('reads session 17\'s errors as the guide does (r43)', () => {
    // A report dated with 已于 is not a threat to contacts ("Settled 2026-12"); the same sending promised is.
    expect(rules('【快分期】因您逾期未还，我司已于今日致电您的紧急联系人。请您尽快还款。', 'debtor')).toEqual(['collection']);
    expect(rules('【快分期】如3日内仍未还款，我们将按照借款协议约定，与您的父母及其他亲属沟通还款事宜。', 'debtor')).toEqual(['collection', 'threat_contacts']);
    expect(rules('您的账单已逾期，建议您跟家人沟通一下还款的事', 'debtor')).not.toContain('threat_contacts');
    // Harm veiled in a polite letter: safety not guaranteed, another debtor's injury, an "accident" to avoid.
    expect(rules('欠款今天必须处理，否则我不保证你的安全', 'debtor')).toContain('threat_violence');
    expect(rules('您的欠款已逾期三个月。外访组说话做事比较冲，之前有个客户跟他们起了冲突，胳膊骨折住了半个月院。', 'debtor')).toContain('threat_violence');
    expect(rules('您的账户已移交特别处理组，请确保家中老人、孩子不在场，以免沟通过程中发生误伤。如需取消，请于24小时内还款。', 'debtor')).toContain('threat_violence');
    expect(rules('冬季路面结冰，请老人出门注意防滑，以免摔倒受伤。', 'unknown')).toEqual([]);
    // The sender's sexual threat: threat_violence and insult.
    expect(rules('欠的钱不还，兄弟几个轮流陪你过夜，算是利息', 'debtor')).toEqual(['collection', 'threat_violence', 'insult']);
    // A private lender asking for money back; a borrowed book or charger is not a debt.
    expect(rules('兄弟 上次借你那五千 月底能回我不？', 'debtor')).toEqual(['collection']);
    expect(rules('借你的充电宝记得还我哈', 'debtor')).toEqual([]);
    // Going to where the debtor is to find them is a visit; dinner with a friend is not.
    expect(rules('钱你不还，我就请假去你上班的那个厂里找你', 'debtor')).toContain('visit_threat');
    expect(rules('明天我去你单位找你吃饭，你几点下班？', 'unknown')).toEqual([]);
    // English mixed in: a lawyer's introduction, contacts to be told.
    expect(rules("Hi 冯先生，I'm Lawyer Zhang from 恒达律所，您的账户逾期欠款RMB 5,630，请尽快联系我。", 'debtor')).toContain('impersonation');
    expect(rules('Your loan is 45 days overdue. 如本周五前未还款，we will reach out to your emergency contacts.', 'debtor')).toContain('threat_contacts');
    // The debt carried to more people in a letter's own terms (r43, second round); a reminder already sent (发送过) is a report.
    expect(rules('欠款再不处理，明天执行法官到你单位宣读裁定，若不想在同事面前难堪，请立即还款。', 'debtor')).toContain('threat_contacts');
    expect(rules('您的欠款已逾期，72小时后同步至公示平台，届时您的亲友、同事均可查询到您的记录。请尽快还款。', 'debtor')).toContain('threat_contacts');
    expect(rules('【快分期】您的借款已逾期20天，我司已于本周一按照您授权的信息，向您的紧急联系人发送过一次还款提醒短信。请尽快还款。', 'debtor')).toEqual(['collection']);
    // A long family message about a funeral or a hospital bill has threat words and no collection word: not collection
    // (blind-114's; the naive-Bayes fallback called them collection).
    expect(rules('三姑，奶奶的丧事大家商量了一下，花圈和冥币我跟小军去买，寿衣奶奶生前自己准备好了，放在大衣柜最上面。棺材镇上老张家已经订了，钱我先垫上，到时候几家再平摊，你不用操心。奶奶走得很安详，临走前还念叨你，说你小时候最黏她。出殡定在后天早上六点，你和姑父明天下午能到就行。', 'unknown')).toEqual([]);
    expect(rules('姐，爸这次住院一共花了四万二，医保报了两万六，剩下一万六。我出八千，你出八千，行吗？不够的我再想办法，你别跟姐夫吵，这是咱们当儿女应该的，钱的事别影响了一家人的感情。出院以后爸就住我那儿吧，我离医院近，复查方便。', 'unknown')).toEqual([]);
    // Round 3: the next visit promised, the door opened by force, posters where the debtor lives.
    expect(rules('你爸妈住的那个村我们已经去过一次了，下次去就不是聊天了。还钱。', 'debtor')).toContain('visit_threat');
    expect(rules('欠款今晚不还，门要是不开，我们就自己想办法开', 'debtor')).toContain('threat_violence');
    expect(rules('您的欠款逾期已超半年，本周六前仍联系不上您，我们将在您居住的小区各单元门口张贴催收公告。', 'debtor')).toContain('visit_threat');
  });
  it('reads session 18\'s errors as the guide does (r44)', () => {
    // A film review, a diary of what collectors sent, a rule book: the threats are quoted, nobody is collecting.
    expect(rules('【影评】这部片子后劲很大。男主是个刚入行的催收员，后来他在电话里吼“不还钱就去你老家给你爸妈送花圈”。演员演得很克制，8.5分。', 'unknown')).toEqual([]);
    expect(rules('记录一下这半年。第一个月：“您的账单已逾期，请尽快还款。”第三个月：“再不还钱明天去你单位。”现在我已经和平台协商好了。', 'unknown')).toEqual([]);
    expect(rules('【合规培训】以下话术一律禁止使用：“再不还钱我们就去你家”“你的通讯录我们已经导出”。请大家严格执行。', 'unknown')).toEqual([]);
    // A joke in scare quotes: a treat owed among friends.
    expect(rules('老四你打牌输了还欠我们一人一杯奶茶，别想赖账啊，下午五点前不请，我们就组团去你宿舍“上门催收”', 'unknown')).toEqual([]);
    // A lawyer's letter about copyright or a labour dispute is not a collector's; one about a loan still is.
    expect(rules('致某网店运营方：本所受某设计工作室委托，就贵方未经授权使用其原创插画一事致函。请于七日内下架相关商品，否则将依法提起诉讼。——某律师事务所', 'unknown')).toEqual([]);
    expect(rules('致张某：本所受某消费金融公司委托，就您借款逾期一事致函。请于七日内还清欠款，否则将依法提起诉讼。——某律师事务所', 'debtor')).toContain('collection');
    // A borrower writing to the bank, and a lawyer writing to a client.
    expect(rules('尊敬的客服您好，我叫王丽，在贵行信用卡逾期两个月了，欠款八千。我不是故意拖欠，请问能不能办理分期？', 'unknown')).toEqual([]);
    expect(rules('李先生，我是您委托的赵律师。关于您被网贷平台起诉的案子，开庭前请把还款流水整理一份发我。', 'unknown')).toEqual([]);
    // Harm told as an idiom (the body, the family, an organ) is a threat of violence.
    expect(rules('你转告他，月底前再不还钱，他那双手以后还能不能拿筷子，我可不敢保证', 'third_party')).toContain('threat_violence');
    expect(rules('欠的四万再拖，别逼我们对你家人下手', 'debtor')).toContain('threat_violence');
    expect(rules('钱不到，上一个不还钱的现在还拄着拐，你自己想想', 'debtor')).toContain('threat_violence');
    expect(rules('还不上就带你去黑诊所摘一个，欠款两万一分不能少', 'debtor')).toContain('threat_violence');
    // Who hears next, the whole building, English.
    expect(rules('你父亲那边已经打过了，欠款再不处理，接下来还会有谁接到电话你自己掂量', 'debtor')).toContain('threat_contacts');
    expect(rules('房东您好，您的租客欠我司借款逾期半年，明天我们在楼道里贴催收通知，到时候整栋楼都会知道。', 'third_party')).toContain('threat_contacts');
    // Going to the debtor's workplace.
    expect(rules('欠我们的三千块明天中午前不还，下午我就去你上班的那家店问问你老板', 'debtor')).toContain('visit_threat');
    // Round 2 (blind-124): gamers' trash talk, news and a borrower's post that quote a threat, a sexual threat made by
    // a website, organs the sender can sell, arrest in front of colleagues, English.
    expect(rules('cnm的打野，全场零助攻还在公屏说我菜，排位再让我碰到你，我上门弄死你', 'unknown')).toEqual([]);
    expect(rules('【港聞】男子欠財務公司兩萬元，收數人曾致電恐嚇“唔還錢就上嚟搵你老婆仔女”，警方已列作刑事毀壞案處理。', 'unknown')).toEqual([]);
    expect(rules('你不还钱是吧，那我们就把你的号码挂到那种网站上，说你提供特殊服务', 'debtor')).toContain('threat_violence');
    expect(rules('没钱就去卖肾，我们有渠道，欠款两万下周必须结清', 'debtor')).toContain('threat_violence');
    expect(rules('你的欠款案子已经移交派出所，民警会去你单位找你，到时候你在同事面前被带走，可别怪我们', 'debtor')).toContain('threat_contacts');
    expect(rules('Your loan is overdue 30 days，tomorrow 我们会直接去你office找你', 'debtor')).toContain('visit_threat');
    // Round 3 (blind-126): Hong Kong and Taiwan news (「【本報訊】」), a book's lender's catchphrase, a former collector's
    // account, a lawyer's letter about wages, a mother's 「你妈的意思是」 (not a curse).
    expect(rules('【本報訊】一名男子因欠下財務公司債務，住所大門連日被淋紅油及貼上寫有「欠債還錢」的字條。警方表示已接獲報案，暫未有人被捕。', 'unknown')).toEqual([]);
    expect(rules('书评：这部小说写小镇的民间借贷，放债人老周的口头禅是“欠债还钱，不还拿命抵”，但全书他一次手都没动过。', 'unknown')).toEqual([]);
    expect(rules('【律师函】致某装饰公司：本所受贵司前员工刘某委托，就贵司拖欠其三个月工资一事致函，请于十日内依法支付。', 'unknown')).toEqual([]);
    expect(rules('上回借的三万还没还，我没好意思提。你妈的意思是这回不借了，你觉得呢？', 'unknown')).not.toContain('insult');
    // Round 4 (blind-128): a borrower asking for time, a repayment plan changed.
    expect(rules('客服你好，我是米粒贷的用户张晓。我这个月因为住院没办法按时还款，想申请延期一个月，出院后第一时间处理。', 'unknown')).toEqual([]);
    expect(rules('【花花借】您的还款计划已调整成功：原剩余欠款9,600元，将按12期、每期800元偿还，首期还款日为4月15日。', 'debtor')).toEqual([]);
  });
  it('does not read the reader being asked, with words between, to contact their own people as a threat', () => {
    expect(rules('如果你愿意，也请马上联系你的紧急联系人。', 'unknown')).toEqual([]);
  });
  it('gives no label to a borrower asking whether what collectors said is lawful', () => {
    expect(rules('兄弟们，催收打电话说再不还就要上门，这算不算违法啊？', 'unknown')).toEqual([]);
  });
  it('reads blind-141\'s errors as the guide does (r46)', () => {
    // A past private loan, and asking to repay some of it; 「能借我三千块吗」 is the borrower asking.
    expect(rules('小王，我是你三舅，你借我的那两万块钱，你舅妈天天跟我吵，这个月能不能想办法还点', 'debtor')).toEqual(['collection']);
    expect(rules('兄弟能借我三千块吗，下个月还你', 'unknown')).toEqual([]);
    // A past loan named without 你 is a debt cue, too weak alone (blind-141's 「兄弟，借我的三千块上次说发工资还…记得哦」 is
    // still missed by rules and model).
    expect(explain('兄弟，借我的三千块上次说发工资还，今天15号了哈，记得哦', 'debtor').hits.map((h) => h.rule)).toContain('col.private_loan');
    // 还款提醒 as a header is the taxonomy's lawful reminder; inside a sentence or a setting it is not.
    expect(rules('【青柠贷】本期还款提醒：应还¥1,088.20，还款日3月25日，可在APP一键还款。', 'debtor')).toEqual(['collection']);
    expect(rules('【北辰银行】您的信用卡已成功设置还款提醒，将在每期到期前3天短信提醒您。', 'debtor')).toEqual([]);
    // Hearsay about someone else's debt, and a borrower's complaint quoting a threat.
    expect(rules('听说小张借了好几个网贷，现在天天有人打电话到他家，他爸都气住院了', 'debtor')).toEqual([]);
    expect(rules('投诉：你们平台的催收员说要去我老家泼油漆，我已经录音了，请你们给个说法！', 'unknown')).toEqual([]);
    // Contacts already sent a notice, with nothing more: collection only (the guide's settled rule, 2026-12).
    expect(rules('关于你在乐米借的逾期账款，我们这边已按流程给你的紧急联系人发送了提醒短信，请知悉。', 'debtor')).toEqual(['collection']);
    expect(rules('逾期再不处理，我们将给你的紧急联系人发送催收短信。', 'debtor')).toContain('threat_contacts');
  });
  it('reads blind-144\'s implicit messages as the guide does, and not their look-alikes (r47)', () => {
    // Shame without a swear word is an insult in a collection message; alone it is nothing.
    expect(rules('借了钱就玩消失，脸都不要了，欠款今天必须还', 'debtor')).toEqual(['collection', 'insult']);
    expect(rules('做人做到你这份上，亲戚都躲着你，欠的钱什么时候还？', 'debtor')).toEqual(['collection', 'insult']);
    expect(rules('拖家带口还借网贷的，脸都不要了。', 'unknown')).toEqual([]);
    // Asking the debtor to do the sums is no insult; a promise of something other than money is no debt.
    expect(rules('欠款拖着不还，你自己算不算一下利息？', 'debtor')).not.toContain('insult');
    expect(rules('你答应给我寄的明信片还没收到呢', 'unknown')).toEqual([]);
    // A promised payment chased, a friend's gentle ask with a debt, Shanghainese 侬 and 伐.
    expect(rules('您昨天承诺的800元到现在还没到账，请今天下午处理。', 'debtor')).toEqual(['collection']);
    expect(rules('老同学，之前垫的房租钱2400，你手头宽裕了再转我', 'debtor')).toEqual(['collection']);
    expect(rules('那份合同你方便时转我就行', 'unknown')).toEqual([]);
    expect(rules('月底前把账平了，财务要对账', 'unknown')).toEqual([]);
    expect(rules('侬欠的钞票到底还伐？', 'debtor')).toEqual(['collection']);
    // Knocking at the door, and a relative's workplace number: a visit and a threat to contacts.
    expect(rules('你欠的钱拖了半年，这几天我们一直敲门没人开，躲是躲不掉的', 'debtor')).toContain('visit_threat');
    expect(rules('你爸单位的电话我们早就有了，欠款再不处理别怪我们', 'debtor')).toContain('threat_contacts');
    // What is pushed to a place is sent there, not a visit; 能不能 asks, it does not threaten the child.
    expect(rules('你的欠款信息已推送到你户籍地派出所，请尽快还款', 'debtor')).not.toContain('visit_threat');
    expect(rules('哥，那一万块我孩子下学期学费要用，月底前能不能先还我一半', 'debtor')).toEqual(['collection']);
    // A due date today with a nudge about the credit score is a reminder; the score alone is not.
    expect(rules('今天是还款日哦，¥212.30 别忘了，按时还款信用分涨涨涨～', 'debtor')).toEqual(['collection']);
    expect(rules('恭喜！您的信用分已提升，按时还款可获得更多额度', 'debtor')).toEqual([]);
    // Short real collector lines the rules missed (the real training split's out-of-fold errors): arrest, and the job.
    expect(rules('欠款再不还，等着被抓吧', 'debtor')).toEqual(['collection', 'false_legal']);
    expect(rules('再不还钱就让你丢掉饭碗', 'debtor')).toEqual(['collection', 'threat_contacts']);
    // r48, blind-146 (after it was scored once): a demand as a question.
    expect(rules('那八千块你看年前能不能还上？我这边也急用', 'debtor')).toEqual(['collection']);
    expect(rules('你那六百多还打算拖到什么时候？', 'debtor')).toEqual(['collection']);
    // r48, blind-145 (after it was scored once): an invitation to the whole address book is no threat to contacts; a debt voids that.
    expect(rules('下个月结婚啦！从明天开始，你通讯录里每个人都会收到我们的电子请柬', 'debtor')).toEqual([]);
    expect(rules('欠款再不还，你通讯录里每个人都会收到你的欠款通知', 'debtor')).toContain('threat_contacts');
  });
  it('reads blind-150\'s address-book messages as the guide does, and not their look-alikes (r49)', () => {
    // An app asking for the address book, a friend finder and an HR form are no hold on the contacts…
    expect(rules('「花鸭借钱」请求获取"通讯录"权限，以便您选择紧急联系人。我们承诺未经您同意不会联系您的通讯录好友。', 'unknown')).toEqual([]);
    // (The rules gave the friend finder nothing before either; the model read it as a collector's: the veto is its feature.)
    expect(explain('【抖音】你的好友"大鹏"通过手机通讯录找到了你，是否回关？', 'unknown').hits.map((h) => h.rule)).toContain('veto.contacts_ordinary');
    expect(rules('行政通知：请全体员工于12月15日前更新紧急联系人姓名和电话，以便发生意外时公司能及时联系家属。', 'unknown')).toEqual([]);
    // …but a collector's hold on them still is, and the contacts the borrower filled in are not a form to fill.
    expect(rules('我们已经获取了你的通讯录，今天不还就挨个打', 'debtor')).toContain('threat_contacts');
    expect(rules('你授权过的通讯录，现在派上用场了，今天是最后期限', 'debtor')).toContain('collection');
    expect(rules('您好，如今日仍未处理，我司将按合同约定联系您填写的紧急联系人核实情况。', 'debtor')).toEqual(['collection', 'threat_contacts']);
    expect(rules('请更新紧急联系人，否则我们只能联系你的家人和单位', 'debtor')).toContain('threat_contacts');
    // 曾 reports what was done (the guide's settled rule, 2026-12); an accident in a 'when' clause threatens nobody.
    expect(rules('【安易贷】您的借款已逾期，我们曾于12月3日致电您的紧急联系人询问您的联系方式，请您尽快回电处理。', 'debtor')).toEqual(['collection']);
    expect(rules('欠款不还，出了意外别怪我们', 'debtor')).toContain('threat_violence');
    // A former spouse or a girlfriend is someone to tell; 出门看着点 is a veiled threat in a demand.
    expect(rules('你前妻的电话我们也有了，想让她知道你现在这副样子吗？', 'debtor')).toEqual(['collection', 'threat_contacts']);
    expect(rules('处理还是不处理，一句话。不处理，出门看着点。', 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(rules('出门看着点路，下雨地滑', 'unknown')).toEqual([]);
    expect(rules('借我的两万什么时候还？再拖我就把借条发给你现女友', 'debtor')).toContain('threat_contacts');
    // The borrower owning the debt to a contact is not collecting it.
    const owning = '姐，我当时借款填了你做紧急联系人，钱的事我自己会解决';
    expect(rules(owning, 'third_party')).toEqual([]);
    expect(explain(owning, 'third_party').hits.map((h) => h.rule)).toContain('veto.debtor');
  });
  it('reads blind-152\'s call transcripts as the guide does, and not their look-alikes (r50)', () => {
    // A recogniser's 律是 is still a lawyer speaking.
    expect(rules('喂您好 我是瑞和律是事务所的 受托处理您女儿的欠款事宜 麻烦您转告她尽快联系我们', 'third_party')).toContain('impersonation');
    // The borrower's turn first does not make the collector's turn after it the borrower's (turns separated by spaces).
    expect(rules('客户：我真的现在拿不出来 催收：拿不出来 你借的时候咋拿得出手呢 你就是个废物 几千块钱都还不上', 'debtor')).toEqual(['collection', 'insult']);
    expect(rules('客户：我下周三发工资，到时候一定还', 'debtor')).toEqual([]);
    // A scam aimed at the reader collects no debt of theirs; a collector's fake police with the debt still does.
    expect(rules('喂你好 你的信用卡被人盗刷了 这边是银联中心 为了保护你的资金 你需要把钱转到安全账户', 'debtor')).toEqual([]);
    expect(rules('【公安部刑侦局】您的身份信息涉及一起网贷诈骗案件，请配合将欠款转入"资金核查账户"，否则将对您发布网上追逃。', 'debtor')).toContain('collection');
    // 「不保证…会干出什么事来」 is a veiled threat in a demand.
    const veiled = '欠款今天再不还，我不保证我手下那几个小伙子会干出什么事来';
    expect(rules(veiled, 'debtor')).toEqual(['collection', 'threat_violence']);
    expect(explain(veiled, 'debtor').hits.map((h) => h.rule)).toContain('viol.careful');
  });
  it('turns away blind-153\'s ordinary calls: the court to the plaintiff, the borrower\'s own call, a paid debt, a credit offer (r51)', () => {
    expect(rules('您好 我是朝阳区人民法院立案庭的工作人员 您起诉王某的那个民间借贷纠纷已经立案了 案号我发短信给您 缴费通知也会一起发 您在网上缴就行', 'debtor')).toEqual([]);
    expect(rules('喂刘经理 我是欠你们钱的那个孙浩 我现在找到工作了 下个月十号发工资 能不能先还两千', 'unknown')).toEqual([]);
    // (The rules gave this nothing before either; the model read it as collection: the veto is its feature.)
    expect(explain('你爸那个农商行的贷款到期了 我们已经还上了 你不用管', 'debtor').hits.map((h) => h.rule)).toContain('veto.no_need');
    expect(rules('先生您好 这边是光大银行信用卡中心 可以给您办理一个分期现金 额度二十万 利率很低 您需要吗', 'debtor')).toEqual([]);
    expect(rules('这里是最高人民法院 你涉嫌一起非法集资案件 名下账户将被冻结 现在给你转接到办案民警', 'debtor')).toEqual([]);
    // …but a sneer, a jump 「下来就不用还了」 and an overdue card's relief offer are still collection.
    expect(rules('tmd 电话拉黑是吧 钱不用还了？', 'debtor')).toContain('collection');
    expect(rules('您好，您的卡片已逾期，目前可以申请个性化分期，手续费打八折，您看需要吗？', 'debtor')).toEqual(['collection']);
    expect(rules('我们将依法起诉您，请您今天之内处理欠款', 'debtor')).toContain('collection');
  });
  it('reads blind-154\'s calls as the guide does, and not their look-alikes (r52)', () => {
    // The lender's invitation to come and settle is collection (d104); a reminder to fund the bound card too.
    expect(rules('欢迎您到我们公司的线下服务网点来当面协商 地址是金水路280号 您带上身份证就行', 'debtor')).toEqual(['collection']);
    expect(rules('喂，您好。这边是青藤借 您明天有一期还款1350块，您记得提前存到绑定的银行卡里哈', 'debtor')).toEqual(['collection']);
    expect(rules('这个月的房贷还了吗？记得存钱到工资卡里', 'unknown')).toEqual([]);
    // Guarding the door is a visit; someone else's door in a story is not the reader's.
    expect(rules('你不还我就天天守你家门口你出门一次我收拾你一次你看着办', 'debtor')).toContain('visit_threat');
    // A broadcast on the local TV is a collector's threat, not the news; the news still turns a quote away.
    expect(rules('你不还也行 我们已经在做你的失信材料了 做好了你的照片名字就会在你们当地电视台滚动播放', 'debtor')).toContain('collection');
    expect(rules('电视台曝光：催收员一天打上百个电话，“你不还，你全家都别想安生”', 'unknown')).toEqual([]);
    // A son's lost phone asking for money is a scam; 贼娃子 is an insult.
    expect(rules('喂 妈 我是你儿子啊 我手机丢了 这是同学的号码 我这边出了点事 急需两万块 你先打到这个卡上 别告诉爸', 'debtor')).toEqual([]);
    expect(rules('老子跟你讲最后一遍 钱不还 你那只手就别要了 个贼娃子', 'debtor')).toContain('insult');
  });
  it('turns away blind-155\'s ordinary calls: courts and lawyers that only inform, legal aid, campus-loan scams (r53)', () => {
    expect(rules('喂您好 我是宝安法院速裁庭的书记员 金满仓起诉您的借款合同纠纷目前在诉前调解阶段 调解员会联系您 您也可以在人民法院在线服务小程序上查看', 'debtor')).toEqual([]);
    expect(rules('您好这里是江北区人民法院执行局 您作为被执行人的案件已经执行完毕 限制消费令已经解除 您可以在中国执行信息公开网上查询', 'debtor')).toEqual([]);
    expect(rules('喂张总 我是李律师 您委托我们起诉的那个欠款案子法院已经立案了 下周三开庭 您这边需要准备一下借条原件', 'debtor')).toEqual([]);
    expect(rules('喂你好 我是法律援助中心的 您申请的法律援助已经批下来了 关于您被起诉的借款案件 我们会指派律师跟您联系', 'debtor')).toEqual([]);
    expect(rules('我是银保监会的工作人员 你之前在大学期间注册过校园贷 现在要清理 如果不处理会影响你的征信', 'debtor')).toEqual([]);
    // …but a collector's false claim that sends the reader to look, and a court that demands payment, are still collection.
    expect(rules('已列入失信被执行人名单，你自己去中国执行信息公开网看吧（还没看到是因为系统延迟）。', 'debtor')).toContain('false_legal');
    expect(rules('【12368】你因拖欠网贷已被起诉，请立即联系138****5560还款', 'debtor')).toContain('collection');
    expect(rules('村支书您好，你们村的杨二伟欠我们平台的钱，我们下周派人过来，到时候在村口广播里说一说，麻烦配合一下。', 'third_party')).toContain('threat_contacts');
  });
  it('reads real lenders\' reminder templates as collection, and still turns away adverts and statements (r45)', () => {
    // Contact and opt-out lines (详询, 拒收请回复R) no longer turn a reminder away.
    expect(rules('【mo9】江湖救急用户，您的借款已过还款期，应还金额{0}元。为避免影响您的个人信用，请收到短信后立刻前往江湖救急页面完成还款或申请续期。详询: 02180163503', 'debtor')).toEqual(['collection']);
    expect(rules('尊敬的客户，您的电单车融资租赁业务本月应还金额为{0}元，请务必在今日登录车1号公众号进行还款！详询020-89851216 【车1号】', 'debtor')).toEqual(['collection']);
    // …but an advert with them still gets nothing, and neither does a statement that only reports the bill.
    expect(rules('信用卡還不上？協商分期找我們，最长可分60期，免息免手续费，不成功全额退款。拒收請回覆 TD。', 'unknown')).toEqual([]);
    expect(rules('新品上市，全场八折，详询4008-123-456，拒收请回复R', 'unknown')).toEqual([]);
    expect(rules('【北辰银行】您的信用卡12月账单已出，本期应还¥3,268.40，到期还款日01月08日。', 'debtor')).toEqual([]);
    // A deadline before the app, a date to pay after the bill, a failed debit to top up, the short template forms.
    expect(rules('请在本月{}日前登录网站或打开仁仁分期APP还款，逾期将产生滞纳金。客服小妹：{}', 'debtor')).toEqual(['collection']);
    expect(rules('尊敬的用户：您的第${yearmonth}期账单金额为${account}元，请于${date}前付款。如已付款，无需理会。', 'debtor')).toEqual(['collection']);
    expect(rules('【招联金融】您今天应还1352.29元扣款失败，请17点前补足招商银行3683卡余额。', 'debtor')).toEqual(['collection']);
    expect(rules('【花呗】本月还款日07月15日，账单156.60元，戳链接还款，已还忽略', 'debtor')).toEqual(['collection']);
    // Coming to collect is collection and a visit.
    expect(rules('近期会到你家里收款', 'third_party')).toEqual(['collection', 'third_party', 'visit_threat']);
  });
});

describe('session 23 (r54): blind-157\'s calls, and what text recognition does to a screenshot', () => {
  it('reads a failed debit with a request to fund the account, an agreed plan\'s first instalment, a field visit and the door (r54)', () => {
    expect(rules('坐席：喂 您好 是郭先生吗 客户：嗯 坐席：我这边是海尔消费金融的 您那个冰箱的分期付款这个月还没扣款成功 卡里余额不足 金额是四百一十二块 麻烦您今天存一下钱 我们晚上八点再扣一次', 'debtor')).toContain('collection');
    expect(rules('坐席：这边可以给您做一个停息挂账 剩余的一万零四百分二十四期 每期四百三十多 好的 那您下个月八号开始记得按期还', 'debtor')).toContain('collection');
    expect(rules('喂 我们俩现在就站在你们那个筒子楼三楼 三零二是吧 灯亮着呢 别装不在家 出来把账对一下 欠的钱今天必须还', 'debtor')).toContain('visit_threat');
    expect(rules('您这个借款六十三天没还款了 这周四周五会有同事去您合同上留的那个住址走一趟', 'debtor')).toContain('visit_threat');
    // A parent's reminder about a mortgage and a uniform-maker's home fitting are not.
    expect(rules('儿子，你房贷记得按时还，别影响征信', 'unknown')).toEqual([]);
    expect(rules('喂您好 我是您孩子学校那个校服定做的 您家孩子的尺寸报一下 要是不知道我们可以上门量', 'debtor')).toEqual([]);
  });
  it('reads a recogniser\'s 派出锁, a 征信管理中心 claim, 烂仔 and a threat to a hand (r54)', () => {
    expect(rules('喂 你是覃志强吧 我是你老家城北派出锁的 有个借贷公司来所里报案了 说你借钱不还 你今天要是不把钱还上 明天我们就派人到你家里带你回来', 'debtor')).toContain('impersonation');
    expect(rules('您好，这里是征信管理中心，您的逾期记录需要您联系债权方处理，否则将正式上报。', 'debtor')).toContain('impersonation');
    expect(rules('你听好了你这个烂仔 欠钱今日内唔还 明天就上门', 'debtor')).toContain('insult');
    expect(rules('你帮我给你侄子带句话 他欠我们那四万块钱拖了八个月了 月底之前再看不到钱 他那只拿钱的手以后就别想再用了', 'third_party')).toContain('threat_violence');
  });
  it('does not read 你妈的电话 as an insult nor 是不是你出事了 as a threat (r54)', () => {
    const r = rules('就刚才 你妈的电话我们已经打过了 老太太在电话那边一直问是不是你出事了 你还不处理的话 下一个我们就打给你姐', 'debtor');
    expect(r).toContain('collection');
    expect(r).not.toContain('insult');
    expect(r).not.toContain('threat_violence');
    expect(rules('你妈的，还钱', 'debtor')).toContain('insult');
  });
  it('turns away a debit that has not gone through as a receipt only when it has (r54)', () => {
    expect(rules('【星河消费金融】您的借款本期扣款成功，金额412.00元。', 'debtor')).toEqual([]);
  });
  it('turns away the police and a bank following up the reader\'s own report, and a court calling a witness or a plaintiff (r54)', () => {
    expect(rules('喂 你好 我是城关派出所的民警 你昨天报警说接到威胁电话的那个事 我们已经登记了 如果他们再打来你记得录音 然后马上打一一零', 'debtor')).toEqual([]);
    expect(rules('喂 您好 这边是工商银行个人金融部 您前两天打电话提的那个征信异议 就是那笔您说不是您本人办的信用卡 我们已经提交核查了', 'debtor')).toEqual([]);
    expect(rules('喂你好 我是市中级人民法院民二庭的 你是我们这边一个合同案件的证人 就是你同事那个案子 下礼拜二需要你出庭作证', 'debtor')).toEqual([]);
    expect(rules('你好 这里是杭州市西湖区人民法院 我是立案庭的 你提交的那个起诉材料里面少了一份证据目录 麻烦你三天之内通过网上立案系统补交一下', 'debtor')).toEqual([]);
    // A guarantor is not a witness, and a collector's "you will be summoned as a witness" over a debt is still collection.
    expect(rules('您作为保证人，借款人 周斌 已逾期，依据担保合同您需承担连带保证责任，请于10日内代为清偿。', 'third_party')).toContain('collection');
  });
  it('reads a signature in round brackets and a glued time stamp as text recognition gives them (r54)', () => {
    expect(rules('（借款人）我下周三发工资，能不能先还一半？', 'unknown')).toEqual([]);
    expect(rules('下午3:15 你的欠款再不还，明天就去你公司找你', 'debtor')).toEqual(rules('你的欠款再不还，明天就去你公司找你', 'debtor'));
  });
});

describe('session 23 (r55): blind-161\'s general mix', () => {
  it('reads a call to a contact\'s phone, posters in the village, shame before workmates and a contact called a guarantor (r55)', () => {
    expect(rules('hk了没？没hk今晚cs就打你紧急联系人电话了', 'debtor')).toContain('threat_contacts');
    const v = rules('今天不还，明天你们村里每根电线杆上都会贴上你的照片。', 'debtor');
    expect(v).toContain('visit_threat');
    expect(v).toContain('threat_contacts');
    expect(rules('老赖！我们已经查到你在哪个工地干活了，兄弟们明天过去，让你当着工友的面好好丢丢人', 'debtor')).toContain('threat_contacts');
    expect(rules('你好，你是谭海燕的妈妈吧？她在我们平台借的钱逾期了，法律上紧急联系人就是担保人。', 'third_party')).toContain('false_legal');
    expect(rules('我是民警，你欠花生借的钱今天还不上，我们就去你单位把你带回所里', 'debtor')).toContain('false_legal');
    expect(rules('法院执行局的，你欠的钱今天不到账，明天上午我们跟法警一起去你家里执行', 'debtor')).toContain('impersonation');
  });
  it('reads 老不死 and 是个什么东西 as insults, and not 住院费 as a threat nor 我所有 as a law firm (r55)', () => {
    expect(rules('你这个老不死的，你儿子欠我们三万块，你替他还不还？', 'third_party')).toContain('insult');
    expect(rules('你要是不替她还，我们就把她的事发到你们村的群里，让大家都知道她是个什么东西。', 'third_party')).toContain('insult');
    expect(rules('小周啊，你上回借叔的三千块钱，叔最近要交你婶子的住院费，你手头宽裕了就先还点吧', 'debtor')).not.toContain('threat_violence');
    expect(rules('各位亲友：本人杨帆之前借给冉小东两万块，他现在拉黑了我所有联系方式，谁能联系到他，麻烦让他回个话。', 'third_party')).not.toContain('impersonation');
  });
  it('reads a relative asked to pay as false_legal only when a duty is claimed (r55)', () => {
    expect(rules('你这个老不死的，你儿子欠我们三万块，你替他还不还？', 'third_party')).not.toContain('false_legal');
    expect(rules('你爸妈作为你的直系亲属要替你还款，这是法律规定的，不还我们就起诉他们。', 'debtor')).toContain('false_legal');
  });
});

describe('session 23 (r56): blind-160\'s calls', () => {
  it('turns away what is overdue but owes no lender, tradesmen at the door, and a genuine court\'s or the police\'s warnings (r56)', () => {
    expect(rules('你好,我们这边是社区卫生服务中心的,您家孩子的疫苗接种已经逾期两周了麻烦您尽快带孩子过来补种', 'debtor')).toEqual([]);
    expect(rules('喂你好 我们是宽带安装的 师傅已经到你们楼下了 你家是几楼', 'debtor')).toEqual([]);
    expect(rules('喂你好 是刘伟吗 我这边是南山区人民法院的书记员 你有一起金融借款合同纠纷的案子已经立案了 起诉状副本和传票我们通过邮寄送达 你注意查收 有疑问可以打一二三六八核实 法院不会通过电话让你转任何钱', 'debtor')).toEqual([]);
    expect(rules('喂你好，这里是福田区人民法院，我是执行局的书记员，你之前申请执行的那个案子，被执行人已经把钱打到法院账户了', 'debtor')).toEqual([]);
    // …but a fake court that demands money is still collection.
    expect(rules('我是南山区人民法院的 你的借款案子已经立案 今天下午五点前还款 可以打12368核实', 'debtor')).toContain('collection');
  });
  it('reads an insult after the borrower\'s 没有, but not 你不是废物 nor 那个是骗子 (r56)', () => {
    expect(rules('男：钱呢 客户：我真的没有 男：没有你去卖血啊 废物 我告诉你啊', 'debtor')).toContain('insult');
    expect(rules('你是不是脑子有病，逾期了还不知道还', 'debtor')).toContain('insult');
    expect(rules('你欠的钱我们会再跟你谈 你不是废物 好好想想办法还', 'debtor')).not.toContain('insult');
  });
  it('reads 班群, a court coming to seal the house, 直接转执行, a contact told he is the guarantor, and 跟我借的那五万 (r56)', () => {
    expect(rules('喂,你是吴丹的同学吧她借了我们平台的钱,现在逾期了你们班群我们也有你跟她说再不联系我们,我们就在你们班群里说这个事', 'third_party')).toContain('threat_contacts');
    expect(rules('我跟你说，我们已经申请了财产保全，欠款再不还下周法院就过来查封你那套房子', 'debtor')).toContain('visit_threat');
    expect(rules('您好 我是法院诉前调解中心的调解员 关于闪借宝起诉您的借款纠纷 您今天先转两千 不然明天就直接转执行了', 'debtor')).toContain('false_legal');
    expect(rules('你好 你是刘强的朋友吧 他在我们这借了钱 把你填的是担保人 他不还按规定要从你这边扣 你最好让他赶紧还', 'third_party')).toContain('false_legal');
    expect(rules('喂小黄 我是老郑 年初你说做生意周转跟我借的那五万 说好半年 这都十个月了 你好歹给我个说法', 'debtor')).toContain('collection');
  });
  it('does not read 人品差到家了 as a visit nor the speaker\'s own trouble as a threat (r56)', () => {
    expect(rules('你们都是江涛的朋友吧。这个人就是个骗子。借了钱就躲起来。人品差到家了。叫他赶紧把钱还了', 'third_party')).not.toContain('visit_threat');
    expect(rules('喂你好 我是你的老同学啊 我这边出了点事在派出所 急需两万块钱交保证金 你先借我 明天还你', 'debtor')).not.toContain('threat_violence');
  });
});

describe('session 23 (r58): blind-164\'s hard near-twins', () => {
  it('reads a demand at the end, a first part to pay, a deposit into the repayment account and 狗命 (r58)', () => {
    expect(rules('🔪🩸 ¥3200 今晚还', 'unknown')).toContain('collection');
    expect(rules('李女士，可以的，先还500我这边给您备注，剩下的分三期每期1,200，您看行吗？', 'debtor')).toContain('collection');
    expect(rules('【生源地助学贷款】您的国家助学贷款本年度应还本息¥2,136.00，请于12月20日前存入还款账户，逾期将影响个人信用。', 'debtor')).toContain('collection');
    expect(rules('再不hk，小心你的狗命', 'debtor')).toContain('insult');
    expect(rules('经侦大队的。你借款的平台把你告了，要么今天来队里做笔录，要么今天把钱还清', 'debtor')).toContain('impersonation');
  });
  it('turns away the borrower\'s own first part, a drama and a romance (r58)', () => {
    expect(rules('王经理，我不是不想还，厂里停工两个月了，能不能帮我申请个分期，每个月先还500？', 'unknown')).toEqual([]);
    expect(rules('昨晚那集催债的直接把他腿打断了，太狠了，这剧尺度有点大啊', 'unknown')).toEqual([]);
    expect(rules('你就是个骗子，骗了我三年感情，以后别再联系我了。', 'debtor')).toEqual([]);
  });
  it('does not read a contact told he owes nothing as a false claim, nor the borrower\'s question as a visit (r58)', () => {
    expect(rules('您只是紧急联系人，不承担还款责任，这点您放心。只是麻烦您转告他，他在云杉分期的欠款再不处理会影响他自己的征信。', 'third_party')).not.toContain('false_legal');
    expect(rules('【通话记录】借款人：你们是不是要上门？催收员：我们不上门的，就是提醒您尽快处理，您看这个月能先还多少？', 'debtor')).not.toContain('visit_threat');
  });
});

describe('session 24 (r59): blind-168\'s hard near-twins', () => {
  it('reads what a lender will do otherwise, and a debt to talk over, as collection (r59)', () => {
    expect(rules('下周五发了工资一定要还上，不然我们还是会打给你爸妈。', 'debtor')).toEqual(['collection', 'threat_contacts']);
    expect(rules('我是正衡律所的王律师，你那笔借款的事咱们好好商量一下，别闹到法院去。', 'debtor')).toEqual(['collection', 'impersonation']);
  });
  it('does not read a negated telling as a threat to the contacts, but still reads 要不要告诉她 (r59)', () => {
    expect(rules('你不还，你的紧急联系人没有义务替你还，我们也不会找他要钱，只是你自己的征信会受影响。', 'debtor')).not.toContain('threat_contacts');
    expect(rules('你手机里那个“老婆”是谁？要不要告诉她你欠了我们两万？', 'debtor')).toContain('threat_contacts');
  });
  it('reads contacts told, the verb before the person, as a report: collection only (r59)', () => {
    expect(rules('你的欠款我们已经告诉过你堂哥了，他说会劝劝你，今天给个还款时间吧。', 'debtor')).toEqual(['collection']);
    expect(classify('你的欠款我们已经告诉过你堂哥了，他说会劝劝你，今天给个还款时间吧。', 'debtor').labels).not.toContain('threat_contacts');
  });
  it('reads a call\'s collector turns whatever the borrower promises in between (r59)', () => {
    // The borrower's promise (veto.debtor) is the other side's turn; a space before a tag is how a recogniser splits turns.
    expect(rules('【通话记录】借款人：别来我家，我月底一定还。 催收员：行，月底见不到钱，我们就去你家门口等着。', 'debtor')).toEqual(['collection', 'visit_threat']);
    // A collector's tag is not a report that someone called (veto.report).
    expect(rules('【通话记录】催收员：你表姐说她不管。借款人：本来就不关她的事。催收员：好，那我今晚挨个打给你其他亲戚，看谁管。', 'debtor')).toContain('collection');
    // Without a collector's turn the borrower's own words stay the borrower's.
    expect(rules('【通话记录】借款人：我月底一定还，别再打了。', 'debtor')).toEqual([]);
  });
});

describe('session 24 (r60): blind-172\'s single call turns', () => {
  it('reads an agent pressing for the day or a first part (col.when_repay), not the borrower asking (r60)', () => {
    const hit = (t: string, rule: string): boolean => explain(t, 'debtor').hits.some((h) => h.rule === rule);
    expect(hit('宽限几天可以，但你得给我个准话，到底哪一天能还上？', 'col.when_repay')).toBe(true);
    expect(hit('实在周转不开的话，找朋友周转一下，先把这一期的还上。', 'col.when_repay')).toBe(true);
    expect(hit('您月底前还上就可以结清。', 'col.when_repay')).toBe(true);
    expect(hit('我也想早点还，可我什么时候能还上我自己都不知道', 'col.when_repay')).toBe(false);
    expect(hit('能不能先还一部分，剩下的下个月还？', 'col.when_repay')).toBe(false);
    // The borrower paying at once is the borrower's voice (veto.debtor).
    expect(hit('我下午就去还，这次绝对不拖了', 'veto.debtor')).toBe(true);
    expect(rules('我下午就去还，这次绝对不拖了', 'unknown')).toEqual([]);
  });
  it('does not read the reader at their own workplace, an idiom or a report as a visit (r60)', () => {
    expect(rules('不还钱，我们就让你在你们单位待不下去，领导同事都会知道。', 'debtor')).not.toContain('visit_threat');
    expect(rules('不还钱，我们就让你在你们单位待不下去，领导同事都会知道。', 'debtor')).not.toContain('threat_violence');
    expect(rules('欠钱不还，你这人真是丢人丢到家，你爸妈知道吗？', 'debtor')).not.toContain('visit_threat');
    expect(rules('你欠钱的事我们已经反映到你们居委会了，下一步就是小区里贴公告。', 'debtor')).not.toContain('visit_threat');
    // Still a visit: our people at the reader's compound, for the reader (「帮你在你们小区…」).
    expect(rules('不还钱是吧，我们明天就帮你在你们小区门口拉个横幅宣传宣传。', 'debtor')).toContain('visit_threat');
  });
  it('does not read 没出什么事 as a threat (r60)', () => {
    expect(rules('阿姨您别担心，没出什么事，就是您儿子在我们平台的借款逾期了，麻烦提醒他处理一下。', 'third_party')).not.toContain('threat_violence');
  });
});
