/** Builds small, realistic phone backups (SMS Backup & Restore XML, calls XML, vCard) with made-up people. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** Emoji as the app writes them: two surrogate-half character references. */
export function surrogateRefs(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) {
      const hi = Math.floor((cp - 0x10000) / 0x400) + 0xd800;
      const lo = ((cp - 0x10000) % 0x400) + 0xdc00;
      out += `&#${hi};&#${lo};`;
    } else out += esc(ch);
  }
  return out;
}

export interface SmsSpec {
  address: string;
  date: number;
  type: 1 | 2 | 3 | 4 | 5 | 6;
  body: string;
  name?: string;
}

export function smsXml(list: SmsSpec[]): string {
  const rows = list.map(
    (m) =>
      `  <sms protocol="0" address="${esc(m.address)}" date="${m.date}" type="${m.type}" subject="null" body="${surrogateRefs(m.body)}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="${m.date - 1000}" sub_id="1" readable_date="x" contact_name="${esc(m.name ?? '(Unknown)')}" />`,
  );
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore v10.20.002 on 12/06/2024 08:00:00-->\n<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n<smses count="${list.length}" backup_set="b1" backup_date="1718150400000" type="full">\n${rows.join('\n')}\n</smses>\n`;
}

export interface CallSpec {
  number: string;
  date: number;
  type: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  duration: number;
  name?: string;
}

export function callsXml(list: CallSpec[]): string {
  const rows = list.map(
    (c) => `  <call number="${esc(c.number)}" duration="${c.duration}" date="${c.date}" type="${c.type}" presentation="1" subscription_id="1" post_dial_digits="" readable_date="x" contact_name="${esc(c.name ?? '(Unknown)')}" />`,
  );
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count="${list.length}" backup_set="b1" backup_date="1718150400000" type="full">\n${rows.join('\n')}\n</calls>\n`;
}

export function vcard(people: { name: string; numbers: string[] }[]): string {
  return people.map((p) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${p.name}`, `N:${p.name};;;;`, ...p.numbers.map((n) => `TEL;TYPE=CELL:${n}`), 'END:VCARD'].join('\r\n')).join('\r\n') + '\r\n';
}

/** Beijing local time → epoch ms. */
export const bj = (y: number, mo: number, d: number, h = 12, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

/** A case: an overdue 网贷 borrower, a collector texting and calling at night, a friend reached. */
export function sampleCase() {
  const collector = '17012345678';
  const collector2 = '+86 171 2345 6789';
  const friend = '13900001111';
  const sms: SmsSpec[] = [
    { address: '95588', date: bj(2026, 6, 1, 9), type: 1, body: '【某某银行】您的验证码是382911，5分钟内有效。' },
    { address: collector, date: bj(2026, 6, 10, 9, 30), type: 1, body: '【速借花】您在速借花平台的借款已逾期15天，请今日内还款。' },
    { address: collector, date: bj(2026, 6, 11, 23, 5), type: 1, body: '再不还钱，我们就联系你通讯录里的所有人，让你身败名裂😡' },
    { address: collector2, date: bj(2026, 6, 12, 10), type: 1, body: '速借花法务部：你已涉嫌诈骗，已移交公安立案，明天上门抓人。' },
    { address: friend, date: bj(2026, 6, 12, 20), type: 1, body: '刚才有个催收打电话给我，说你欠了速借花的钱，让我转告你，怎么回事？', name: '李明' },
    { address: friend, date: bj(2026, 6, 12, 20, 5), type: 2, body: '对不起，我会处理的，你别理他们。', name: '李明' },
  ];
  const calls: CallSpec[] = [
    { number: collector, date: bj(2026, 6, 11, 8, 10), type: 1, duration: 65 },
    { number: collector, date: bj(2026, 6, 11, 9, 10), type: 1, duration: 30 },
    { number: collector, date: bj(2026, 6, 11, 10, 10), type: 1, duration: 12 },
    { number: collector, date: bj(2026, 6, 11, 11, 10), type: 1, duration: 40 },
    { number: collector, date: bj(2026, 6, 11, 22, 30), type: 3, duration: 0 },
    { number: friend, date: bj(2026, 6, 12, 19, 0), type: 2, duration: 120, name: '李明' },
  ];
  const contacts = [{ name: '李明', numbers: ['139 0000 1111'] }, { name: '王芳', numbers: ['+86 138-0000-2222', '010-12345678'] }];
  return { collector, friend, sms, calls, contacts };
}
