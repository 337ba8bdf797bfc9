import iconv from 'iconv-lite';
import { StreamDecoder } from '/work/main/src/import/stream.ts';
const s = '你好abc😊'.repeat(10);
for (const [name, b] of [['gb', iconv.encode(s, 'gb18030')], ['le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])]] as const) {
  const d = new StreamDecoder({ mode: 'auto' });
  let t = '';
  for (let i = 0; i < b.length; i += 3) t += d.push(b.subarray(i, i + 3));
  t += d.end();
  console.log(name, t === s, d.encoding);
}
