/**
 * Generates a realistic "SMS Backup & Restore" messages file for benchmarks, streaming to disk.
 * Everything is synthetic: made-up numbers (138 0013 8xxx …, 106 gateways, 95xxx), made-up names and
 * lenders, Chinese bodies (collection-style messages, bank notices, codes, chat), ~20 % with emoji written
 * as surrogate-pair character references (the app's emoji option), entities (&amp; &lt; &gt; &quot; &apos;
 * &#10;), all six sms types, ~1 % MMS with a text part, a SMIL part and a small image.
 *
 *   npx tsx bench/gen-sms.ts out.xml 100 [seed]     # ~100 MB
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { rng } from '../src/import/testing.js';

export interface GeneratedBackup {
  path: string;
  bytes: number;
  sms: number;
  mms: number;
  withEmoji: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];
const LENDERS = ['某某贷', '示例花', '速借宝', '闪电钱包', '好借来', '安心分期', '小橙钱包', '借呗呗'];
const COLLECTION = [
  '【{lender}】尊敬的{name}，您在本平台的借款已逾期{days}天，应还金额{amount}元，请于今日{hour}:00前还款，以免影响您的个人征信。',
  '【{lender}】{name}您好，您的账单已严重逾期，我司已将您的案件移交法务部门，如今日仍未处理，将启动上门核实程序。',
  '{name}，你再不还钱，我们就联系你通讯录里的所有人，让大家都知道你是老赖！',
  '你欠的{amount}元今天必须还清，不然明天去你单位找你领导谈谈。',
  '通知：{name}的欠款已逾期{days}天，你作为紧急联系人请转告他尽快还款，否则后果自负。',
  '【律师事务所】关于{name}借款纠纷一案，我所受委托将于三日内向法院提起诉讼，请知悉。回T退订',
  '最后通牒：{hour}点前不还款，我们将安排人员到你户籍地走访。',
  '你这种人也配借钱？赶紧还钱 & 别装死 <不还后果自负>',
  '【{lender}】您有一笔{amount}元的借款今日到期，请确保还款账户余额充足。',
  '{name}，我是{lender}的工作人员，工号{code}，请回电 "{number}" 处理您的逾期账单。',
];
const OTHER = [
  '【某某银行】您尾号{code4}的账户于{hour}:{min}支出人民币{amount}元，余额{amount2}元。',
  '【某某支付】验证码{code}，用于登录验证，5分钟内有效，请勿泄露给他人。',
  '【快递】您的包裹已到达小区驿站，取件码{code4}，请及时领取。',
  '晚上回家吃饭吗？我做了红烧肉',
  '好的，明天见',
  '妈，我这个月工资发了就还你',
  '会议改到下午三点，地点不变',
  '到了给我发个消息\n路上注意安全',
  '哈哈哈哈 你说得对',
  "周末一起去爬山？'老地方'集合",
];
const EMOJI = ['😊', '😂', '👍', '🙏', '😭', '😡', '❤️', '🎉', '💰', '⚠️', '👍🏽', '🇨🇳'];

function xmlEsc(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    else if (ch === '\n') out += '&#10;';
    else if (cp > 0xffff) out += `&#${ch.charCodeAt(0)};&#${ch.charCodeAt(1)};`;
    else out += ch;
  }
  return out;
}

function readable(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export async function generateSmsBackup(path: string, targetBytes: number, seed = 1): Promise<GeneratedBackup> {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const surnames = [...SURNAMES];
  const name = () => pick(surnames) + pick(GIVEN);

  const numbers: string[] = [];
  for (let i = 0; i < 400; i++) {
    const n = `138${String(int(0, 99999999)).padStart(8, '0')}`;
    numbers.push(pick(['', '+86', '+86 ', '0086']) + n);
  }
  for (let i = 0; i < 40; i++) numbers.push(`10690${String(int(0, 9999999999)).padStart(10, '0')}`);
  for (let i = 0; i < 10; i++) numbers.push(`95${int(500, 599)}`);
  const names = new Map(numbers.map((n) => [n, r() < 0.3 ? name() : '(Unknown)']));

  const fill = (t: string) =>
    t
      .replace(/\{lender\}/g, () => pick(LENDERS))
      .replace(/\{name\}/g, () => name())
      .replace(/\{days\}/g, () => String(int(1, 400)))
      .replace(/\{amount2?\}/g, () => `${int(100, 99999)}.${String(int(0, 99)).padStart(2, '0')}`)
      .replace(/\{hour\}/g, () => String(int(8, 22)))
      .replace(/\{min\}/g, () => String(int(10, 59)))
      .replace(/\{code4\}/g, () => String(int(1000, 9999)))
      .replace(/\{code\}/g, () => String(int(100000, 999999)))
      .replace(/\{number\}/g, () => pick(numbers));

  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const header =
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n" +
    '<!--File Created By SMS Backup & Restore v10.20.002 on 01/06/2024 07:42:13-->\n' +
    '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n' +
    '<smses count="0"';
  const pad = 12; // room to patch the real count in place
  let bytes = 0; // written
  let parts: string[] = [];
  let pendingBytes = 0;
  const emit = (x: string) => {
    parts.push(x);
    pendingBytes += Buffer.byteLength(x);
  };
  emit(header + ' '.repeat(pad) + `backup_set="00000000-0000-4000-8000-${String(seed).padStart(12, '0')}" backup_date="1717199000000" type="full">\n`);
  const countAt = Buffer.byteLength(header) - '0"'.length;

  let date = Date.UTC(2023, 0, 1);
  let sms = 0;
  let mms = 0;
  let withEmoji = 0;
  const flush = async (force = false) => {
    if (pendingBytes < 1 << 18 && !force) return;
    const b = Buffer.from(parts.join(''));
    parts = [];
    pendingBytes = 0;
    bytes += b.length;
    if (!out.write(b)) await once(out, 'drain');
  };

  while (bytes + pendingBytes < targetBytes) {
    date += int(1_000, 3_600_000);
    const address = pick(numbers);
    const collection = r() < 0.45;
    let body = fill(pick(collection ? COLLECTION : OTHER));
    if (r() < 0.3) body += fill(pick(collection ? COLLECTION : OTHER));
    if (r() < 0.2) {
      const e = pick(EMOJI) + (r() < 0.5 ? pick(EMOJI) : '');
      body = r() < 0.5 ? body + e : e + body;
      withEmoji++;
    }
    if (r() < 0.01) {
      mms++;
      const box = r() < 0.8 ? 1 : 2;
      const img = Buffer.alloc(int(1024, 4096));
      for (let i = 0; i < img.length; i++) img[i] = int(0, 255);
      emit(
        `  <mms date="${date}" rr="129" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="${box}" address="${xmlEsc(address)}" sub_cs="null" resp_st="null" retr_st="null" d_tm="null" text_only="0" exp="null" locked="0" m_id="null" st="null" retr_txt_cs="null" retr_txt="null" creator="com.android.mms" date_sent="0" read="1" m_size="${img.length}" rpt_a="null" ct_cls="null" pri="129" sub_id="1" tr_id="T${date.toString(16)}" resp_txt="null" ct_l="null" m_cls="personal" d_rpt="129" v="18" _id="${mms}" m_type="${box === 1 ? 132 : 128}" readable_date="${readable(date)}" contact_name="${xmlEsc(names.get(address)!)}">\n` +
        '    <parts>\n' +
        '      <part seq="-1" ct="application/smil" name="null" chset="null" cd="null" fn="null" cid="&lt;smil&gt;" cl="smil.xml" ctt_s="null" ctt_t="null" text="&lt;smil&gt;&lt;body&gt;&lt;par dur=&quot;5000ms&quot;&gt;&lt;img src=&quot;image.jpg&quot;/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;" />\n' +
        `      <part seq="0" ct="image/jpeg" name="image.jpg" chset="null" cd="null" fn="null" cid="&lt;image&gt;" cl="image.jpg" ctt_s="null" ctt_t="null" text="null" data="${img.toString('base64')}" />\n` +
        `      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cid="&lt;text_0&gt;" cl="text_0.txt" ctt_s="null" ctt_t="null" text="${xmlEsc(body)}" />\n` +
        '    </parts>\n' +
        '    <addrs>\n' +
        `      <addr address="${box === 1 ? xmlEsc(address) : 'insert-address-token'}" type="137" charset="106" />\n` +
        `      <addr address="${box === 1 ? 'insert-address-token' : xmlEsc(address)}" type="151" charset="106" />\n` +
        '    </addrs>\n' +
        '  </mms>\n',
      );
    } else {
      sms++;
      const x = r();
      const type = x < 0.7 ? 1 : x < 0.95 ? 2 : int(3, 6);
      const sent = type === 1 ? date - int(0, 5000) : 0;
      emit(`  <sms protocol="0" address="${xmlEsc(address)}" date="${date}" type="${type}" subject="null" body="${xmlEsc(body)}" toa="null" sc_toa="null" service_center="${type === 1 ? '+8613800100500' : 'null'}" read="${r() < 0.95 ? 1 : 0}" status="-1" locked="0" date_sent="${sent}" sub_id="${int(1, 2)}" readable_date="${readable(date)}" contact_name="${xmlEsc(names.get(address)!)}" />\n`);
    }
    await flush();
  }
  emit('</smses>\n');
  await flush(true);
  out.end();
  await once(out, 'finish');

  // Patch the real count into the space reserved after count="0".
  const fh = await open(path, 'r+');
  try {
    const total = String(sms + mms);
    const patch = Buffer.from(`${total}"`.padEnd(pad + 2, ' '));
    await fh.write(patch, 0, patch.length, countAt);
  } finally {
    await fh.close();
  }
  return { path, bytes, sms, mms, withEmoji };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [, , path, mb, seed] = process.argv;
  if (!path) {
    console.error('usage: tsx bench/gen-sms.ts OUT.xml [MB=100] [seed=1]');
    process.exit(2);
  }
  const t0 = performance.now();
  const g = await generateSmsBackup(path, Number(mb ?? 100) * 1e6, Number(seed ?? 1));
  console.error(
    `wrote ${(g.bytes / 1e6).toFixed(1)} MB: ${g.sms} sms, ${g.mms} mms, ${g.withEmoji} with emoji, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
