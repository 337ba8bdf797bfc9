/**
 * Classifier throughput: classify ≥100k generated messages on one core and print messages/second, for the
 * rules alone and for the rules + linear model (issue 11: the model may take at most 2× the rules' time).
 *
 *   npx tsx bench/classifier.ts [count]
 *
 * The messages are generated from templates with a fixed seed: about 40% ordinary (codes, statements,
 * receipts, deliveries, chat, adverts, bills), the rest collection messages of every kind, with
 * traditional characters, spaced-out characters, pinyin abbreviations and emoji mixed in.
 * Speed work that must not change results is checked with bench/classifier-identity.ts.
 */
import { availableParallelism, loadavg } from 'node:os';
import { classify, classifyRules, loadModel } from '../src/domain/collection/classifier/index.js';
import { LINEAR_MODEL } from '../src/domain/collection/classifier/linear-model.js';
import { LONG_VETO_MODEL } from '../src/domain/collection/classifier/long-veto-model.js';
import type { Recipient } from '../src/domain/collection/types.js';
import { rng } from '../src/import/testing.js';

export interface ClassifierBenchResult {
  messages: number;
  chars: number;
  /** Wall-clock seconds of the timed loop. */
  seconds: number;
  /** Messages per wall-clock second. */
  messagesPerSecond: number;
  /** User+system CPU seconds of the timed loop (one thread): less sensitive to a busy machine. */
  cpuSeconds: number;
  messagesPerCpuSecond: number;
  labelled: number;
}

const ORDINARY = [
  '【{bank}】您的验证码为{n6}，5分钟内有效，请勿泄露给他人。',
  '【{bank}】您尾号{n4}的信用卡{m}月账单已出，本期应还¥{amt}，最低还款¥{amt2}，到期还款日{m}月{d}日。',
  '【{bank}】您尾号{n4}的账户{m}月{d}日自动还款成功，扣款金额¥{amt}。',
  '【{lender}】您的借款已全部结清，感谢您的信任。',
  '【顺达快递】您的包裹已到达{place}驿站，取件码 {n1}-{n1}-{n4}，逾期将退回。',
  '【国网电力】您户号{n4}本月电费{amt2}元，请及时缴纳，逾期将收取违约金。',
  '【铁路客服】您购买的{m}月{d}日G{n4}次车票已出票，请携带身份证乘车。',
  '周末一起去{place}吃火锅吗？我请客😊',
  '催一下周报，下午三点前要交',
  '逾期也能贷！不看征信，额度1-10万，当天到账，详询{name}经理 1{n1}{n1}****{n4}',
  '【{bank}】尊敬的客户，您的信用卡可申请账单分期，12期手续费率低至0.55%/月。',
  '明天师傅上门安装空调，请保持电话畅通。',
  '【12368】您好，(2024)浙0106民初{n4}号案件已立案，请登录人民法院在线服务平台查看。',
  '今晚yq去吃饭吗',
  '妳好，明天一起喝茶嗎？',
];

const COLLECTION = [
  '【{lender}】您的借款已逾期{d}天，当前应还{amt}元，请尽快还款，以免影响您的征信。',
  '{name}，你的欠款已经逾期{d}天了，今天再不还钱，我们就联系你通讯录里的所有人。',
  '您好，您是{name}的紧急联系人，他在我平台的借款已逾期，麻烦您转告他尽快处理。',
  '再不还钱，明天我们的人就到你公司找你，当着你领导的面说清楚。',
  '老赖，还钱！你这种人渣就不配活着',
  '我们是{place}人民法院执行局的，你的案子已经立案，明天不还款直接拘留。',
  '您的借 款已逾-期，请尽 快还 款',
  '再不hk就爆txl，别怪我们',
  '你的借款已逾期，我們已將你的資料提交法院，下週開庭，不出庭直接判刑。',
  '钱不还，你全家都小心点🔪',
  '【{lender}】将于{m}月{d}日从您尾号{n4}银行卡扣款{amt}元，请于扣款日前存足款项。',
  '上次借你的{n4}块钱，方便的时候还我哈',
  '您好，我是{place}律师事务所的{name}律师，受{lender}委托处理您的欠款，请您今天回电。',
  '【通话记录】催收：你好，请问你认识{name}吗？他填的你做紧急联系人，他的借款逾期了，你能联系到他吗？',
  '尊敬的客户您好，系统显示您的借款已逾期{d}天，应还金额{amt}元。逾期将产生罚息，并可能影响您的个人征信。请您登录App尽快还款。如您已还款，请忽略本短信。如有疑问，请致电客服热线400-***-3322。',
];

const BANKS = ['云江银行', '北辰银行', '禾丰银行', '京北银行'];
const LENDERS = ['好享借', '快借宝', '橙子钱包', '鹿鸣消费金融', '瑞丰小贷'];
const NAMES = ['王强', '李娜', '陈刚', '赵敏', '周磊', '孙婷'];
const PLACES = ['临江', '滨江', '江东', '城南'];

export { rng };

/** Deterministic message generator (about 40% ordinary). */
export function generateMessages(count: number, seed = 42): Array<{ text: string; to: Recipient }> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const digits = (k: number): string => {
    let s = '';
    for (let i = 0; i < k; i++) s += String(Math.floor(r() * 10));
    return s;
  };
  const out: Array<{ text: string; to: Recipient }> = [];
  for (let i = 0; i < count; i++) {
    const tpl = r() < 0.4 ? pick(ORDINARY) : pick(COLLECTION);
    const text = tpl
      .replace(/\{bank\}/g, () => pick(BANKS))
      .replace(/\{lender\}/g, () => pick(LENDERS))
      .replace(/\{name\}/g, () => pick(NAMES))
      .replace(/\{place\}/g, () => pick(PLACES))
      .replace(/\{n6\}/g, () => digits(6))
      .replace(/\{n4\}/g, () => digits(4))
      .replace(/\{n1\}/g, () => digits(1))
      .replace(/\{amt\}/g, () => `${1 + Math.floor(r() * 9)},${digits(3)}.${digits(2)}`)
      .replace(/\{amt2\}/g, () => `${1 + Math.floor(r() * 900)}.${digits(2)}`)
      .replace(/\{m\}/g, () => String(1 + Math.floor(r() * 12)).padStart(2, '0'))
      .replace(/\{d\}/g, () => String(1 + Math.floor(r() * 28)));
    const to: Recipient = text.includes('紧急联系人') ? 'third_party' : r() < 0.8 ? 'debtor' : 'unknown';
    out.push({ text, to });
  }
  return out;
}

type Fn = (text: string, to?: Recipient) => { labels: readonly string[] };

/** Times fn over msgs on this thread (after a warm-up); returns wall and CPU seconds and how many got labels. */
function timeRun(fn: Fn, msgs: ReadonlyArray<{ text: string; to: Recipient }>): { seconds: number; cpuSeconds: number; labelled: number } {
  for (let i = 0; i < Math.min(20_000, msgs.length); i++) fn(msgs[i]!.text, msgs[i]!.to);
  let labelled = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const m of msgs) if (fn(m.text, m.to).labels.length > 0) labelled++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, labelled };
}

const INTERLEAVE_CHUNK = 5_000;
const INTERLEAVE_ROUNDS = 4;

/**
 * CPU µs a message of the rules alone and of the classifier, timed in alternating chunks of the same messages (which
 * one goes first turns with each chunk), median over rounds. This VM's speed changes by 20–40 % from one minute to the
 * next (docs/classifier.md, sessions 17–19), so two whole runs one after the other can differ by that much; chunks a
 * few milliseconds long, interleaved, see the same machine.
 */
function interleaved(msgs: ReadonlyArray<{ text: string; to: Recipient }>): { rules: number; model: number } {
  const fns: Fn[] = [classifyRules, classify];
  const rounds: Array<[number, number]> = [];
  for (let round = 0; round < INTERLEAVE_ROUNDS; round++) {
    const acc = [0, 0];
    for (let c = 0, k = round; c < msgs.length; c += INTERLEAVE_CHUNK, k++) {
      const end = Math.min(msgs.length, c + INTERLEAVE_CHUNK);
      for (let j = 0; j < 2; j++) {
        const f = (j + k) % 2;
        const fn = fns[f]!;
        const c0 = process.cpuUsage();
        for (let i = c; i < end; i++) fn(msgs[i]!.text, msgs[i]!.to);
        const d = process.cpuUsage(c0);
        acc[f]! += d.user + d.system;
      }
    }
    rounds.push([acc[0]! / msgs.length, acc[1]! / msgs.length]);
  }
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  return { rules: median(rounds.map((r) => r[0])), model: median(rounds.map((r) => r[1])) };
}

/**
 * Classify `count` generated messages on this thread with the rules alone (classifyRules, today's
 * classifier before the model) and with the classifier (rules + linear model), the same messages in the
 * same run, alternating rounds (rules, model, rules, model) so that machine load hits both alike; prints
 * both, the time ratio (target ≤ 2×) and the machine's load average. Returns the classifier's figures.
 */
export function runClassifierBench(count = 200_000, log: (line: string) => void = console.log): ClassifierBenchResult {
  const msgs = generateMessages(count);
  const chars = msgs.reduce((s, m) => s + m.text.length, 0);
  const loadMs = loadModel();
  log(`machine load average (1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} cores; model ${(LINEAR_MODEL.length / 1e6).toFixed(2)} MB + long-text veto ${(LONG_VETO_MODEL.length / 1e6).toFixed(2)} MB base64, both loaded in ${loadMs.toFixed(0)} ms`);
  const best = { rules: { seconds: Infinity, cpuSeconds: Infinity, labelled: 0 }, model: { seconds: Infinity, cpuSeconds: Infinity, labelled: 0 } };
  for (let round = 0; round < 2; round++) {
    for (const [name, fn] of [['rules', classifyRules], ['model', classify]] as const) {
      const r = timeRun(fn, msgs);
      if (r.cpuSeconds < best[name].cpuSeconds) best[name] = r;
    }
  }
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
  for (const [name, r] of [['rules only (classifyRules)', best.rules], ['rules + model (classify)', best.model]] as const) {
    log(
      `${name.padEnd(27)}: ${msgs.length} messages (${(chars / msgs.length).toFixed(1)} chars avg, ${r.labelled} labelled), one thread: ` +
        `${r.seconds.toFixed(2)} s wall = ${fmt(msgs.length / r.seconds)} msg/s; ${r.cpuSeconds.toFixed(2)} s CPU = ${fmt(msgs.length / r.cpuSeconds)} msg/s ` +
        `(${((r.cpuSeconds / msgs.length) * 1e6).toFixed(2)} µs/msg)`,
    );
  }
  log(`time per message, model / rules: ${(best.model.cpuSeconds / best.rules.cpuSeconds).toFixed(2)}× CPU, ${(best.model.seconds / best.rules.seconds).toFixed(2)}× wall (target ≤ 2×; best of 2 rounds each)`);
  const il = interleaved(msgs);
  log(
    `interleaved, chunks of ${INTERLEAVE_CHUNK.toLocaleString('en-US')} messages alternating, median of ${INTERLEAVE_ROUNDS} rounds: rules ${il.rules.toFixed(2)} µs, ` +
      `rules + model ${il.model.toFixed(2)} µs CPU a message = ${fmt(1e6 / il.model)} msg/s; ${(il.model / il.rules).toFixed(2)}× (the ratio a change of the VM's speed during the run moves least)`,
  );
  const r = best.model;
  return {
    messages: msgs.length,
    chars,
    seconds: r.seconds,
    messagesPerSecond: msgs.length / r.seconds,
    cpuSeconds: r.cpuSeconds,
    messagesPerCpuSecond: msgs.length / r.cpuSeconds,
    labelled: r.labelled,
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const n = Number(process.argv[2] ?? 200_000);
  runClassifierBench(Number.isFinite(n) && n > 0 ? n : 200_000);
}
