import { Readable } from 'node:stream';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseCallsXml } from './calls-xml.js';
import { FastPathUnsupported, FastXmlTokenizer } from './fast-xml.js';
import { parseSmsXml } from './sms-xml.js';
import { SurrogateRefFilter } from './surrogates.js';
import { chunked, collect, fixture, rng, xmlAttr } from './testing.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';

type Ev = ['open', string, Record<string, string>, number] | ['close', string, number];

/** The fast tokenizer over string chunks: its events, or the FastPathUnsupported it threw. */
function viaFast(chunks: string[]): Ev[] | FastPathUnsupported {
  const out: Ev[] = [];
  const t = new FastXmlTokenizer({
    open: (tag, depth) => out.push(['open', tag.name, { ...tag.attributes }, depth]),
    close: (name, depth) => out.push(['close', name, depth]),
  });
  try {
    for (const c of chunks) t.write(c);
    t.end();
  } catch (e) {
    if (e instanceof FastPathUnsupported) return e;
    throw e;
  }
  return out;
}

/** saxes as xml.ts runs it (strict, behind SurrogateRefFilter): its events, or the error it raised. */
function viaSaxes(chunks: string[]): Ev[] | Error {
  const out: Ev[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  const filter = new SurrogateRefFilter();
  let depth = 0;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    out.push(['open', tag.name, { ...tag.attributes }, depth]);
    depth++;
  });
  parser.on('closetag', (tag) => {
    depth--;
    out.push(['close', tag.name, depth]);
  });
  try {
    for (const c of chunks) parser.write(filter.push(c));
    parser.write(filter.end());
    parser.close();
  } catch (e) {
    return e as Error;
  }
  return out;
}

/** The fast tokenizer either agrees with saxes or declines; it never accepts what saxes rejects. */
function expectAgreement(chunks: string[]): Ev[] | FastPathUnsupported {
  const fast = viaFast(chunks);
  if (!(fast instanceof FastPathUnsupported)) expect(viaSaxes([chunks.join('')])).toEqual(fast);
  return fast;
}

function splitEvery(s: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out;
}

const doc = (inner: string) => `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1">\n${inner}\n</smses>\n`;
/** The value of attribute `a` of the first child, as the fast tokenizer reads it. */
const valueOf = (attr: string): string | FastPathUnsupported => {
  const r = viaFast([doc(`<sms a=${attr} />`)]);
  return r instanceof FastPathUnsupported ? r : (r[1] as ['open', string, Record<string, string>, number])[2].a!;
};
const accepted = (xml: string) => {
  const r = expectAgreement([xml]);
  expect(r).not.toBeInstanceOf(FastPathUnsupported);
  return r as Ev[];
};
const declined = (xml: string) => expect(viaFast([xml])).toBeInstanceOf(FastPathUnsupported);

describe('FastXmlTokenizer: constructs', () => {
  it('reads the declaration, comments, processing instructions, nested and self-closing elements', () => {
    const xml =
      "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore-->\n" +
      '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n<smses count="2">\n  <sms date="1" body=\'x\' />\n' +
      '  <mms date = "2" >\n    <parts><part ct="text/plain" text="hi"/></parts>\n  </mms >\n  <!-- inside -->\n</smses>\n<!-- after --><?pi after?>\n';
    expect(accepted(xml)).toEqual([
      ['open', 'smses', { count: '2' }, 0],
      ['open', 'sms', { date: '1', body: 'x' }, 1],
      ['close', 'sms', 1],
      ['open', 'mms', { date: '2' }, 1],
      ['open', 'parts', {}, 2],
      ['open', 'part', { ct: 'text/plain', text: 'hi' }, 3],
      ['close', 'part', 3],
      ['close', 'parts', 2],
      ['close', 'mms', 1],
      ['close', 'smses', 0],
    ]);
  });

  it('accepts the declarations saxes accepts for XML 1.0 and declines the others', () => {
    for (const d of ['<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" standalone="no" ?>', '<?xml  version = "1.0"\n encoding="GB18030" standalone="yes"?>']) {
      accepted(`${d}<r/>`);
    }
    for (const d of ['<?xml version="1.1"?>', '<?xml?>', '<?xml encoding="UTF-8"?>', '<?xml version="1.0"encoding="UTF-8"?>', '<?xml version="1.0" standalone="maybe"?>', '<?XML version="1.0"?>']) {
      declined(`${d}<r/>`);
    }
    declined(' <?xml version="1.0"?><r/>'); // not at the start
    declined('<!-- c --><?xml version="1.0"?><r/>');
    declined('<r/><?xml version="1.0"?>');
  });

  it('reads comments and processing instructions, and declines malformed ones', () => {
    accepted('<!----><!-- - --><!--a-b--><?pi?><?pi ?><?pi body ? > ??><r/>');
    declined('<!-- a -- b --><r/>');
    declined('<!-- a ---><r/>');
    declined('<?xml-stylesheet?><?XmL x?><r/>');
    declined('<? pi?><r/>');
  });

  it('decodes the predefined entities and character references, as saxes does', () => {
    expect(valueOf('"&amp;&lt;&gt;&quot;&apos;"')).toBe('&<>"\'');
    expect(valueOf('"&#10;&#13;&#9;&#x41;&#65;&#0065;&#x4F60;&#20320;&#x1F60A;&#128522;"')).toBe('\n\r\tAAA你你😊😊');
    expect(valueOf("'a\"b'")).toBe('a"b');
    expect(valueOf('"a\'b>c"')).toBe("a'b>c");
    for (const v of ['"&#0;"', '"&#x1;"', '"&#xFFFE;"', '"&#X41;"', '"&#x;"', '"&#;"', '"&;"', '"&foo;"', '"&AMP;"', '"&amp"', '"a&b"', '"&#x110000;"', '"&#99999999;"']) {
      expect(valueOf(v)).toBeInstanceOf(FastPathUnsupported);
      expect(viaSaxes([doc(`<sms a=${v} />`)])).toBeInstanceOf(Error);
    }
  });

  it('restores surrogate-pair references exactly as SurrogateRefFilter does', () => {
    expect(valueOf('"&#55357;&#56842;"')).toBe('😊');
    expect(valueOf('"a&#xD83D;&#xDE0A;b&#XD83D;&#XDE0A;"')).toBe('a😊b😊');
    expect(valueOf('"&#55357;"')).toBe('\uFFFD');
    expect(valueOf('"&#56842;x"')).toBe('\uFFFDx');
    expect(valueOf('"&#55357;&#55357;&#56842;"')).toBe('\uFFFD😊');
    expect(valueOf('"&#55357;&amp;"')).toBe('\uFFFD&');
    for (const v of ['"&#055357;&#56842;"', '"&#xD83D;&#x0DE0A;"', '"&#x0D83D;"']) {
      expect(valueOf(v)).toBeInstanceOf(FastPathUnsupported);
      expect(viaSaxes([doc(`<sms a=${v} />`)])).toBeInstanceOf(Error);
    }
    for (const v of ['"&#55357;&#56842;"', '"x&#55357;"', '"&#55357;&#55357;&#56842;&#56842;"']) accepted(doc(`<sms a=${v} b=${v} />`));
  });

  it('normalises literal tab, CR and LF in values to spaces (CRLF to one), as saxes does', () => {
    expect(valueOf('"a\tb\nc\r\nd\re"')).toBe('a b c d e');
    expect(valueOf('"a\r\n\r\nb&#10;"')).toBe('a  b\n');
    accepted(doc('<sms a="x\ty\r\nz"\n\tb=\'1\'\r\n/>'));
  });

  it('declines what saxes rejects or what it does not handle', () => {
    const cases = [
      '<!DOCTYPE r><r/>',
      '<r><![CDATA[x]]></r>',
      '<r>text</r>',
      '<r>&amp;</r>',
      '<r/>text',
      '<r/><r/>',
      '<r></s>',
      '<r>',
      '<r><a></r>',
      '',
      '  \n',
      '<a:b/>',
      '<é/>',
      '<r a:b="1"/>',
      '<r a="1"b="2"/>',
      '<r a="1" a="2"/>',
      '<r a/>',
      '<r a=1/>',
      '<r a="<"/>',
      '<r / >',
      '< r/>',
      '<r a="\u0001"/>',
      '<r a="\uFFFE"/>',
      '<r a="\uD800"/>',
      '<r a="\uDC00x"/>',
      '<r/>\u0000',
      '<!-- \u0001 --><r/>',
      '<?pi \uFFFF?><r/>',
      '\uFEFF<r/>',
      '<r constructor="1"/>', // saxes accepts it: declining is only slower
    ];
    for (const xml of cases) declined(xml);
  });

  it('accepts raw astral characters and other characters XML 1.0 allows', () => {
    accepted('<r a="😊 \u0085 \u2028 \uFDD0 \uFFFD \u{1FFFE} \u007F é 你"/>');
  });

  it('any split of a small document, into two or three pieces or single characters, gives the same events', () => {
    const xml =
      "<?xml version='1.0' encoding='UTF-8' ?>\n<!--c-->\n<?pi x?>\n<smses>\n <sms a=\"&#55357;&#56842;&amp;\r\nx\" b='&#10;😊'/>\n" +
      ' <mms d="1"><part t="2" /></mms >\n</smses >\n<!---->';
    const whole = accepted(xml);
    expect(viaFast(splitEvery(xml, 1))).toEqual(whole);
    for (let i = 0; i <= xml.length; i++) {
      expect(viaFast([xml.slice(0, i), xml.slice(i)])).toEqual(whole);
      for (let j = i; j <= xml.length; j += 7) expect(viaFast([xml.slice(0, i), xml.slice(i, j), xml.slice(j)])).toEqual(whole);
    }
  });

  it('reads a tag of megabytes arriving in many small chunks', () => {
    const data = 'QUJD'.repeat(1 << 18); // 1 MiB
    const xml = doc(`<mms date="1"><part ct="image/png" data="${data}" /></mms>`);
    const r = viaFast(splitEvery(xml, 1000));
    expect(r).not.toBeInstanceOf(FastPathUnsupported);
    expect((r as Ev[])[2]).toEqual(['open', 'part', { ct: 'image/png', data }, 2]);
  });

  it('learns attribute layouts per element and still reads any order or set of attributes', () => {
    const xml = doc(
      [
        '<sms a="1" b="2" c="3"/>',
        '<sms a="1" b="2" c="3"/>',
        '<sms a="1" c="3" b="2"/>',
        '<sms a="1" b="2"/>',
        '<sms a="1" b="2" c="3" d="4"/>',
        "<sms a='1' b='2' c='3'/>",
        '<sms a="1"  b="2" c="3"/>',
        '<sms a="&amp;" b="\n" c="3"/>',
        '<sms/>',
        '<sms a="1" b="2" c="3" a="4"/>',
      ].join('\n'),
    );
    // The last element repeats an attribute: saxes rejects the document, and so must the fast path.
    expect(expectAgreement([xml])).toBeInstanceOf(FastPathUnsupported);
    accepted(xml.replace(' a="4"', ''));
  });
});

// ---- whole parses: fast path with fallback against saxes only ----

interface Outcome {
  records: ImportRecord[];
  error: string | null;
}

async function settle(gen: AsyncIterable<ImportRecord>): Promise<Outcome> {
  const records: ImportRecord[] = [];
  try {
    for await (const r of gen) records.push(r);
  } catch (e) {
    if (!(e instanceof ImportFormatError)) throw e;
    return { records, error: e.message };
  }
  return { records, error: null };
}

type Parser = (input: ImportInput, opts: ParseOptions) => AsyncGenerator<ImportRecord>;

/**
 * saxes only, and fast with reopen: the same records and the same error. The re-read has the same chunks
 * (as a file opened again has): where saxes reports some errors, e.g. text outside the root, depends on
 * chunk ends. With other chunks, the records and the error message less its position still agree.
 */
async function expectSameParse(parse: Parser, bytes: Buffer, chunk: number): Promise<{ reopened: number; outcome: Outcome }> {
  const file = 'backup.xml';
  const saxesOnly = await settle(parse(chunked(bytes, chunk), { file }));
  let reopened = 0;
  const withReopen = (reChunk: number) =>
    settle(
      parse(chunked(bytes, chunk), {
        file,
        reopen: () => {
          reopened++;
          return chunked(bytes, reChunk);
        },
      }),
    );
  const fast = await withReopen(chunk);
  expect(fast).toEqual(saxesOnly);
  expect(reopened).toBeLessThanOrEqual(1);
  const other = await withReopen(chunk * 3 + 1);
  const unplaced = (o: Outcome) => ({ records: o.records, error: o.error?.replace(/^[^:]*:\d+:\d+: /, '') ?? null });
  expect(unplaced(other)).toEqual(unplaced(saxesOnly));
  return { reopened: reopened > 0 ? 1 : 0, outcome: fast };
}

describe('parseXmlStream with reopen: the fast path, and saxes where it declines', () => {
  it('reads the samples without reopening', async () => {
    for (const [parse, name] of [
      [parseSmsXml, 'sms-sample.xml'],
      [parseCallsXml, 'calls-sample.xml'],
    ] as const) {
      for (const chunk of [1, 7, 64, 1 << 16]) {
        const r = await expectSameParse(parse, fixture(name), chunk);
        expect(r.reopened).toBe(0);
        expect(r.outcome.error).toBeNull();
      }
    }
  });

  it('re-reads with saxes where it declines, skipping the records it already yielded', async () => {
    const sample = fixture('sms-sample.xml').toString('utf8');
    const late = sample.replace('</smses>', '<!DOCTYPE x></smses>');
    for (const chunk of [16, 256]) {
      const r = await expectSameParse(parseSmsXml, Buffer.from(late), chunk);
      expect(r.reopened).toBe(1);
      expect(r.outcome.error).toMatch(/malformed XML.*doctype/);
      expect(r.outcome.records.length).toBe(10);
    }
    // CDATA in an mms: saxes accepts it (the handler ignores text), the fast path does not handle it.
    const cdata = sample.replace('<parts>', '<parts><![CDATA[ignored]]>');
    const r = await expectSameParse(parseSmsXml, Buffer.from(cdata), 100);
    expect(r.reopened).toBe(1);
    expect(r.outcome.error).toBeNull();
    expect(r.outcome.records.map((x) => (x.type === 'event' ? x.event.position : -1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, -1, 8]);
  });

  it('counts attachments among the records it skips after a re-read', async () => {
    const sample = fixture('sms-sample.xml').toString('utf8');
    const second = sample.lastIndexOf('<parts>');
    const xml = Buffer.from(sample.slice(0, second) + '<parts><![CDATA[x]]>' + sample.slice(second + '<parts>'.length));
    const seen: ImportRecord[] = [];
    let seenAtReopen = -1;
    const opts = {
      file: 'x.xml',
      reopen: () => {
        seenAtReopen = seen.length;
        return chunked(xml, 64);
      },
    };
    for await (const r of parseSmsXml(chunked(xml, 64), opts)) seen.push(r);
    expect(seenAtReopen).toBe(9); // 7 sms, the first mms and its attachment, from the fast path
    expect(seen).toEqual(await collect(parseSmsXml(chunked(xml, 64), { file: 'x.xml' })));
  });

  it('closes the first stream when it re-reads, and still streams with back-pressure', async () => {
    const xml = fixture('sms-sample.xml').toString('utf8').replace('</smses>', '<!DOCTYPE x></smses>');
    const first = Readable.from(chunked(xml, 32));
    const r = await settle(parseSmsXml(first, { file: 'x.xml', reopen: () => Readable.from(chunked(xml, 32)) }));
    expect(r.error).toMatch(/doctype/);
    expect(first.destroyed).toBe(true);

    const big = Buffer.from(doc(Array.from({ length: 2000 }, (_, i) => `<sms address="1" date="${i + 1}" type="1" body="x" />`).join('\n')));
    let pulled = 0;
    async function* counting() {
      for await (const c of chunked(big, 1024)) {
        pulled++;
        yield c;
      }
    }
    const gen = parseSmsXml(counting(), { file: 'x.xml', reopen: () => chunked(big, 1024) });
    await gen.next();
    expect(pulled).toBeLessThan(5);
    await gen.return(undefined);
  });

  it("gives a handler's error with saxes's line and column", async () => {
    const sample = fixture('calls-sample.xml').toString('utf8');
    const bad = sample.replace('date="1718000500000"', 'date="soon"');
    const r = await expectSameParse(parseCallsXml, Buffer.from(bad), 64);
    expect(r.reopened).toBe(1);
    expect(r.outcome.error).toMatch(/:10:\d+: <call> lacks|<call> 缺少/);
    expect(r.outcome.records).toHaveLength(5);
  });

  it('gives the wrong-root and truncation errors of saxes', async () => {
    const calls = fixture('calls-sample.xml');
    expect((await expectSameParse(parseSmsXml, calls, 50)).outcome.error).toMatch(/<smses>/);
    const sms = fixture('sms-sample.xml');
    expect((await expectSameParse(parseSmsXml, sms.subarray(0, 3000), 50)).outcome.error).toMatch(/incomplete|malformed/);
    expect((await expectSameParse(parseSmsXml, Buffer.alloc(0), 50)).outcome.error).toMatch(/empty/);
  });

  it('reports progress that never goes back, across the re-read', async () => {
    const body = '测试'.repeat(200);
    const el = (i: number) => `<sms address="13800138000" date="${1718100000000 + i}" type="1" body="${body}" />`;
    const xml = Buffer.from(doc(Array.from({ length: 1500 }, (_, i) => el(i)).join('\n') + '<![CDATA[x]]>'));
    const seen: number[] = [];
    let reopened = 0;
    const opts = {
      file: 'x.xml',
      onProgress: (p: { bytesRead: number }) => seen.push(p.bytesRead),
      reopen: () => {
        reopened++;
        return chunked(xml, 4096);
      },
    };
    const r = await settle(parseSmsXml(chunked(xml, 4096), opts));
    expect(reopened).toBe(1);
    expect(r.error).toBeNull();
    expect(r.records).toHaveLength(1500);
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.at(-1)).toBe(xml.length);
  });
});

// ---- properties ----

const unit = fc.constantFrom('a', ' ', '你', '&', '<', '>', '"', "'", '\n', '\r\n', '\r', '\t', '😊', '👍🏽', '#', ';', '5', 'é', '\u0085');
const text = fc.array(unit, { maxLength: 12 }).map((a) => a.join(''));
type Style = 'app' | 'raw' | 'hex';
const style = fc.constantFrom<Style>('app', 'raw', 'hex');

/** Attribute escaping in three styles: the app's (emoji as surrogate-pair references), raw whitespace and astral, hex references. */
function esc(s: string, how: Style, quote: string): string {
  if (how === 'app') {
    let out = '';
    for (const ch of xmlAttr(s)) out += ch.codePointAt(0)! > 0xffff ? `&#${ch.charCodeAt(0)};&#${ch.charCodeAt(1)};` : ch;
    return out;
  }
  const q = quote === '"' ? '&quot;' : '&apos;';
  let out = '';
  for (const ch of s) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === quote) out += q;
    else if (how === 'hex' && ch.codePointAt(0)! > 0x7f) out += `&#x${ch.codePointAt(0)!.toString(16)};`;
    else out += ch;
  }
  return out;
}

const attrs = (pairs: Array<[string, string]>, how: Style, quote: string, sep: string) =>
  pairs.map(([k, v]) => `${sep}${k}=${quote}${esc(v, how, quote)}${quote}`).join('');

const smsEl = fc
  .record({
    address: fc.constantFrom('13800138000', '+86 138 0013 8001', 'BANK', ''),
    date: fc.nat({ max: 2e12 }),
    type: fc.integer({ min: 0, max: 7 }),
    body: text,
    name: fc.option(text, { nil: undefined }),
    subject: fc.option(text, { nil: undefined }),
  })
  .map((a) => (how: Style, quote: string, sep: string) => {
    const pairs: Array<[string, string]> = [['protocol', '0'], ['address', a.address], ['date', String(a.date)], ['type', String(a.type)]];
    if (a.subject !== undefined) pairs.push(['subject', a.subject]);
    pairs.push(['body', a.body], ['read', '1']);
    if (a.name !== undefined) pairs.push(['contact_name', a.name]);
    return `<sms${attrs(pairs, how, quote, sep)} />`;
  });
const mmsEl = fc
  .record({ date: fc.nat({ max: 2e12 }), box: fc.integer({ min: 1, max: 2 }), text, data: fc.uint8Array({ maxLength: 20 }) })
  .map((a) => (how: Style, quote: string, sep: string) =>
    `<mms${attrs([['date', String(a.date)], ['msg_box', String(a.box)], ['address', '13800138006']], how, quote, sep)}><parts>` +
    `<part${attrs([['ct', 'text/plain'], ['text', a.text]], how, quote, sep)} />` +
    `<part${attrs([['ct', 'image/png'], ['data', Buffer.from(a.data).toString('base64')]], how, quote, sep)} />` +
    `</parts><addrs><addr${attrs([['address', '13800138006'], ['type', '137']], how, quote, sep)} /></addrs></mms>`,
  );
const callEl = fc
  .record({ number: fc.constantFrom('13800138000', '-2', '', '95588'), date: fc.nat({ max: 2e12 }), type: fc.integer({ min: 1, max: 7 }), duration: fc.nat({ max: 5000 }), name: text })
  .map((a) => (how: Style, quote: string, sep: string) =>
    `<call${attrs([['number', a.number], ['duration', String(a.duration)], ['date', String(a.date)], ['type', String(a.type)], ['presentation', '1'], ['contact_name', a.name]], how, quote, sep)} />`,
  );

const layout = fc.record({ how: style, quote: fc.constantFrom('"', "'"), sep: fc.constantFrom(' ', ' ', '\n   ', '\t'), between: fc.constantFrom('\n  ', '', '\r\n', '\n<!-- c -->\n') });
const smsDoc = fc.tuple(fc.array(fc.oneof({ weight: 4, arbitrary: smsEl }, { weight: 1, arbitrary: mmsEl }), { maxLength: 6 }), layout).map(([els, l]) =>
  `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore-->\n<smses count="${els.length}">` +
  els.map((e) => l.between + e(l.how, l.quote, l.sep)).join('') +
  '\n</smses>\n',
);
const callsDoc = fc.tuple(fc.array(callEl, { maxLength: 6 }), layout).map(
  ([els, l]) => `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count="${els.length}">` + els.map((e) => l.between + e(l.how, l.quote, l.sep)).join('') + '\n</calls>\n',
);

const SNIPPETS = [
  '<', '>', '"', "'", '&', '/', '=', ' ', '\n', '\r', '&amp;', '&#10;', '&#55357;', '&#56842;', '&#xD83D;', '&#55357;&#56842;', '&#0;', '&#x1;', '&#X41;',
  '&#65;', '&foo;', '&#x110000;', '\u0000', '\u0001', '\uFFFE', '\uD83D', '\uDE0A', '\uFEFF', '<!DOCTYPE smses>', '<![CDATA[x]]>', '<!-- c -->',
  '<!-- a -- b -->', '<?pi x?>', '<?xml version="1.0"?>', ']]>', 'text', '</sms>', '<sms date="1"/>', '</smses>', '<smses>', ' a="1"', ' date="2"', ' date="x"', '</mms>',
];

/** String mutations: insert a snippet, delete a range, truncate. */
const mutations = fc.array(
  fc.oneof(
    fc.tuple(fc.constant('ins' as const), fc.nat(), fc.constantFrom(...SNIPPETS)),
    fc.tuple(fc.constant('del' as const), fc.nat(), fc.integer({ min: 1, max: 8 })),
    fc.tuple(fc.constant('cut' as const), fc.nat(), fc.constant(0)),
  ),
  { maxLength: 3 },
);

function mutate(s: string, ms: ReadonlyArray<readonly ['ins', number, string] | readonly ['del' | 'cut', number, number]>): string {
  for (const [op, at, x] of ms) {
    const p = at % (s.length + 1);
    if (op === 'ins') s = s.slice(0, p) + x + s.slice(p);
    else if (op === 'del') s = s.slice(0, p) + s.slice(p + x);
    else s = s.slice(0, p);
  }
  return s;
}

/** Random chunk sizes from a seed (string chunks: a pair may be split in two, as with string input). */
function randomChunks(s: string, seed: number, max: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const n = 1 + Math.floor(r() * max);
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out;
}

describe('properties', () => {
  it('the fast tokenizer never completes a document saxes rejects, and otherwise gives the same events', () => {
    fc.assert(
      fc.property(fc.oneof(smsDoc, callsDoc), mutations, fc.integer(), fc.integer({ min: 1, max: 200 }), (xml, ms, seed, max) => {
        const mutated = mutate(xml, ms);
        const fast = viaFast(randomChunks(mutated, seed, max));
        if (!(fast instanceof FastPathUnsupported)) expect(viaSaxes([mutated])).toEqual(fast);
        if (ms.length === 0) expect(fast).not.toBeInstanceOf(FastPathUnsupported);
      }),
      { numRuns: 1500 },
    );
  });

  it('generated backups, valid or mutated: the fast path with fallback gives exactly what saxes alone gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(smsDoc.map((x) => [parseSmsXml, x] as const), callsDoc.map((x) => [parseCallsXml, x] as const)),
        mutations,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'del', 'ins')), { maxLength: 2 }),
        fc.integer({ min: 1, max: 120 }),
        async ([parse, xml], ms, byteMs, chunk) => {
          let b = Buffer.from(mutate(xml, ms));
          for (const [pos, byte, op] of byteMs) {
            const p = pos % (b.length + 1);
            if (op === 'set' && p < b.length) b[p] = byte;
            else if (op === 'del') b = Buffer.concat([b.subarray(0, p), b.subarray(p + 1)]);
            else b = Buffer.concat([b.subarray(0, p), Buffer.from([byte]), b.subarray(p)]);
          }
          const r = await expectSameParse(parse, b, chunk);
          if (ms.length === 0 && byteMs.length === 0) expect(r.reopened).toBe(0);
        },
      ),
      { numRuns: 600 },
    );
  });
});
