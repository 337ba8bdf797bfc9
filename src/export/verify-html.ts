/**
 * verify.html: one offline page that checks a bundle in the browser (no network; WebCrypto for SHA-256,
 * DecompressionStream('deflate-raw') for deflated zip entries).
 *
 * The checking code is VERIFY_CORE_JS: plain browser JavaScript that defines `HuxunVerify` and touches no DOM,
 * so tests run it under Node (which has crypto.subtle, Blob, Response and DecompressionStream) against real bundles.
 * It must stay in step with src/domain/evidence (canonical form, record rules) — tests check both agree.
 * Written without backquotes or dollar-brace so that it can live in a template string.
 */

export const VERIFY_CORE_JS = String.raw`
var HuxunVerify = (function () {
  'use strict';
  var GENESIS = '0000000000000000000000000000000000000000000000000000000000000000';
  var HEX64 = /^[0-9a-f]{64}$/;
  var KIND = /^[a-z][a-z0-9_]{0,31}$/;
  var SOURCE = /^(user|import|contact:.+)$/;
  var LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  var RECORD_KEYS = ['seq', 'kind', 'at_received', 'payload', 'prev_hash', 'hash', 'redacted'];
  var enc = new TextEncoder();

  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  function sha256(data) {
    if (typeof data === 'string') data = enc.encode(data);
    return crypto.subtle.digest('SHA-256', data).then(hex);
  }
  function isInt(v) { return typeof v === 'number' && Number.isSafeInteger(v); }
  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

  // Canonical JSON (RFC 8785 subset), identical to src/domain/evidence/canonical.ts for parsed JSON.
  function canon(v) {
    if (v === null) return 'null';
    var t = typeof v;
    if (t === 'boolean') return v ? 'true' : 'false';
    if (t === 'number') {
      if (!isFinite(v)) throw new Error('non-finite number');
      return Object.is(v, -0) ? '0' : String(v);
    }
    if (t === 'string') {
      if (LONE.test(v)) throw new Error('lone surrogate');
      return JSON.stringify(v);
    }
    if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
    if (t !== 'object') throw new Error('not JSON');
    var keys = Object.keys(v).filter(function (k) { return v[k] !== undefined; }).sort();
    return '{' + keys.map(function (k) { return canon(k) + ':' + canon(v[k]); }).join(',') + '}';
  }

  function Bad(reason, message) { this.reason = reason; this.message = message; }

  function checkShape(r) {
    if (!isObj(r)) throw new Bad('malformed', 'a record must be a JSON object');
    Object.keys(r).forEach(function (k) { if (RECORD_KEYS.indexOf(k) < 0) throw new Bad('malformed', 'unknown field "' + k + '"'); });
    if (!isInt(r.seq) || r.seq < 1) throw new Bad('malformed', 'seq must be an integer >= 1');
    if (typeof r.kind !== 'string' || !KIND.test(r.kind)) throw new Bad('malformed', 'kind must be a lower-case identifier');
    if (!isInt(r.at_received) || r.at_received < 0) throw new Bad('malformed', 'at_received must be epoch milliseconds');
    if (typeof r.prev_hash !== 'string' || !HEX64.test(r.prev_hash)) throw new Bad('malformed', 'prev_hash must be 64 lower-case hex digits');
    if (typeof r.hash !== 'string' || !HEX64.test(r.hash)) throw new Bad('malformed', 'hash must be 64 lower-case hex digits');
    if (r.redacted !== undefined && r.redacted !== true) throw new Bad('malformed', 'redacted must be true when present');
    if (!('payload' in r)) throw new Bad('malformed', 'payload is missing');
    if (!r.redacted) checkPayload(r.kind, r.payload, r.seq);
  }

  function checkPayload(kind, p, seq) {
    if (kind === 'attachment') {
      if (!isObj(p)) throw new Bad('bad_payload', 'attachment payload must be an object');
      if (typeof p.sha256 !== 'string' || !HEX64.test(p.sha256)) throw new Bad('bad_payload', 'attachment sha256 must be 64 lower-case hex digits');
      if (!isInt(p.size) || p.size < 0) throw new Bad('bad_payload', 'attachment size must be a byte count');
      if (typeof p.mime !== 'string' || !p.mime) throw new Bad('bad_payload', 'attachment mime must be a non-empty string');
      if (typeof p.name !== 'string') throw new Bad('bad_payload', 'attachment name must be a string');
      if (typeof p.source !== 'string' || !SOURCE.test(p.source)) throw new Bad('bad_payload', 'attachment source must be user, import or contact:<id>');
      if (!(p.claimed_at === null || typeof p.claimed_at === 'string' || isInt(p.claimed_at))) throw new Bad('bad_payload', 'attachment claimed_at must be epoch ms, a string or null');
      if (p.event_seq !== undefined && (!isInt(p.event_seq) || p.event_seq < 1 || p.event_seq >= seq)) throw new Bad('bad_payload', 'attachment event_seq must name an earlier record');
    } else if (kind === 'correction') {
      if (!isObj(p)) throw new Bad('bad_payload', 'correction payload must be an object');
      if (!isInt(p.corrects)) throw new Bad('bad_payload', 'correction must name the seq it corrects');
      if (!('replacement' in p)) throw new Bad('bad_payload', 'correction must carry a replacement payload');
      if (typeof p.reason !== 'string') throw new Bad('bad_payload', 'correction reason must be a string');
    } else if (kind === 'tombstone') {
      if (!isObj(p)) throw new Bad('bad_payload', 'tombstone payload must be an object');
      if (!isInt(p.removes)) throw new Bad('bad_payload', 'tombstone must name the seq it removes');
      if (typeof p.reason !== 'string') throw new Bad('bad_payload', 'tombstone reason must be a string');
    }
  }

  // Verifies records.jsonl text. Result as verifyChainText in src/domain/evidence/chain.ts, plus the live attachments.
  async function verifyChainText(text, opts) {
    opts = opts || {};
    var prev = GENESIS, index = 0, redacted = 0, targets = [], attachments = [];
    function fail(reason, message, seq) { return { ok: false, index: index, seq: seq === undefined ? null : seq, reason: reason, message: message }; }
    if (text.length > 0) {
      var body = text.charAt(text.length - 1) === '\n' ? text.slice(0, -1) : text;
      var lines = body.split('\n');
      for (var i = 0; i < lines.length; i++) {
        var line = lines[i], r;
        try { r = JSON.parse(line); } catch (e) { return fail('bad_json', 'the line is not valid JSON'); }
        var seqGuess = isObj(r) && isInt(r.seq) ? r.seq : null;
        try {
          checkShape(r);
          if (canon(r) !== line) throw new Bad('not_canonical', 'the line is not in canonical form (changed bytes or spacing)');
        } catch (e) {
          if (e instanceof Bad) return fail(e.reason, e.message, seqGuess);
          return fail('malformed', String(e && e.message), seqGuess);
        }
        if (r.seq !== index + 1) return fail('seq_mismatch', 'record at position ' + (index + 1) + ' has seq ' + r.seq + ': a record was removed, inserted or moved', r.seq);
        if (r.prev_hash !== prev) return fail('prev_hash_mismatch', 'record ' + r.seq + ' does not point to the hash of record ' + (r.seq - 1), r.seq);
        if (r.redacted) {
          if (!opts.allowRedacted) return fail('redacted_not_allowed', 'record ' + r.seq + ' is redacted', r.seq);
          redacted++;
        } else {
          var bodyText = canon({ seq: r.seq, kind: r.kind, at_received: r.at_received, payload: r.payload, prev_hash: r.prev_hash });
          if ((await sha256(prev + bodyText)) !== r.hash) return fail('hash_mismatch', 'record ' + r.seq + "'s content does not match its hash: it was changed", r.seq);
        }
        if (r.kind === 'correction' || r.kind === 'tombstone') {
          var ref = isObj(r.payload) ? (r.kind === 'correction' ? r.payload.corrects : r.payload.removes) : undefined;
          var t = isInt(ref) && ref >= 1 && ref < r.seq ? targets[ref - 1] : undefined;
          if (!r.redacted) {
            if (!t) return fail('bad_reference', 'record ' + r.seq + ' (' + r.kind + ') names record ' + ref + ', which is not an earlier record', r.seq);
            if (t.kind === 'tombstone' || (r.kind === 'correction' && t.kind === 'correction')) return fail('bad_reference', 'record ' + r.seq + ' (' + r.kind + ') may not name record ' + ref + ' (' + t.kind + ')', r.seq);
            if (t.removed) return fail('bad_reference', 'record ' + r.seq + ' names record ' + ref + ', which was already deleted', r.seq);
          }
          // The current view, as src/domain/evidence/view.ts reads it (also for redacted records: masking leaves numbers and hashes alone).
          if (t && !t.removed) {
            if (r.kind === 'tombstone') t.removed = true;
            else if (t.attachment) {
              var rp = r.payload.replacement;
              t.attachment = isObj(rp) && typeof rp.sha256 === 'string' ? { seq: t.attachment.seq, sha256: rp.sha256, name: String(rp.name || ''), size: rp.size } : null;
            }
          }
        }
        var target = { kind: r.kind, removed: false };
        if (r.kind === 'attachment' && isObj(r.payload) && typeof r.payload.sha256 === 'string') target.attachment = { seq: r.seq, sha256: r.payload.sha256, name: String(r.payload.name || ''), size: r.payload.size };
        targets.push(target);
        prev = r.hash;
        index++;
      }
      if (text.charAt(text.length - 1) !== '\n') { index--; return fail('malformed', 'records.jsonl must end with a newline', index + 1); }
    }
    if (opts.expectedCount !== undefined && opts.expectedCount !== index) return fail('count_mismatch', 'the chain has ' + index + ' records, ' + opts.expectedCount + ' expected', null);
    if (opts.expectedHead !== undefined && opts.expectedHead !== prev) return fail('head_mismatch', 'the chain ends in ' + prev + ', not in the expected head ' + opts.expectedHead, index || null);
    var seen = {};
    targets.forEach(function (t) {
      if (t.attachment && !t.removed && !seen[t.attachment.sha256]) { seen[t.attachment.sha256] = 1; attachments.push(t.attachment); }
    });
    return { ok: true, count: index, head: prev, redacted: redacted, attachments: attachments };
  }

  function parseManifest(text) {
    var out = [], lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (var i = 0; i < lines.length; i++) {
      var m = /^([0-9a-f]{64}) [ *](.+)$/.exec(lines[i]);
      if (!m) return { ok: false, line: i + 1 };
      out.push({ hash: m[1], path: m[2] });
    }
    return { ok: true, entries: out };
  }

  // ---- zip reading (stored and deflate, zip64), over a Blob/File ----
  function u16(d, o) { return d.getUint16(o, true); }
  function u32(d, o) { return d.getUint32(o, true); }
  function u64(d, o) { return d.getUint32(o, true) + d.getUint32(o + 4, true) * 4294967296; }
  async function bytesOf(blob, a, b) { return new DataView(await blob.slice(a, b).arrayBuffer()); }

  async function readZip(blob) {
    var size = blob.size, tailStart = Math.max(0, size - 65557);
    var tail = await bytesOf(blob, tailStart, size), eocd = -1;
    for (var i = tail.byteLength - 22; i >= 0; i--) if (u32(tail, i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
    var count = u16(tail, eocd + 10), cdSize = u32(tail, eocd + 12), cdOff = u32(tail, eocd + 16);
    if ((count === 0xffff || cdOff === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && u32(tail, eocd - 20) === 0x07064b50) {
      var z64off = u64(tail, eocd - 20 + 8);
      var z = await bytesOf(blob, z64off, z64off + 56);
      if (u32(z, 0) !== 0x06064b50) throw new Error('bad zip64 end record');
      count = u64(z, 32); cdSize = u64(z, 40); cdOff = u64(z, 48);
    }
    var cd = await bytesOf(blob, cdOff, cdOff + cdSize), p = 0, entries = [];
    var dec = new TextDecoder('utf-8', { fatal: true });
    for (var n = 0; n < count; n++) {
      if (u32(cd, p) !== 0x02014b50) throw new Error('bad central directory entry ' + n);
      var method = u16(cd, p + 10), comp = u32(cd, p + 20), uncomp = u32(cd, p + 24);
      var nl = u16(cd, p + 28), xl = u16(cd, p + 30), cl = u16(cd, p + 32), off = u32(cd, p + 42);
      var name = dec.decode(new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nl));
      var x = p + 46 + nl, xe = x + xl;
      while (x + 4 <= xe) {
        var id = u16(cd, x), len = u16(cd, x + 2), q = x + 4;
        if (id === 1) {
          if (uncomp === 0xffffffff) { uncomp = u64(cd, q); q += 8; }
          if (comp === 0xffffffff) { comp = u64(cd, q); q += 8; }
          if (off === 0xffffffff) { off = u64(cd, q); q += 8; }
        }
        x += 4 + len;
      }
      entries.push({ name: name, method: method, comp: comp, size: uncomp, offset: off });
      p += 46 + nl + xl + cl;
    }
    return entries.map(function (e) {
      return {
        name: e.name, size: e.size,
        bytes: async function () {
          var lh = await bytesOf(blob, e.offset, e.offset + 30);
          if (u32(lh, 0) !== 0x04034b50) throw new Error('bad local header for ' + e.name);
          var start = e.offset + 30 + u16(lh, 26) + u16(lh, 28);
          var data = blob.slice(start, start + e.comp);
          if (e.method === 0) return new Uint8Array(await data.arrayBuffer());
          if (e.method === 8) return new Uint8Array(await new Response(data.stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
          throw new Error('unsupported compression method ' + e.method + ' for ' + e.name);
        }
      };
    });
  }

  // files: array of { path, bytes(): Promise<Uint8Array> } (paths relative to anything; the manifest's folder is found).
  // complete: true when files is the whole bundle (a zip, or a picked folder), so unlisted files count as problems.
  async function verifyFiles(files, complete) {
    var problems = [];
    function problem(code, message, extra) { var p = { code: code, message: message }; for (var k in extra || {}) p[k] = extra[k]; problems.push(p); }
    var manifestFile = null;
    files.forEach(function (f) { if (/(^|\/)manifest\.sha256$/.test(f.path) && (!manifestFile || f.path.length < manifestFile.path.length)) manifestFile = f; });
    if (!manifestFile) return { ok: false, problems: [{ code: 'no_manifest', message: 'manifest.sha256 not found' }] };
    var prefix = manifestFile.path.slice(0, manifestFile.path.length - 'manifest.sha256'.length);
    var byPath = {}, byBase = {}, dup = {};
    files.forEach(function (f) {
      var rel = f.path.indexOf(prefix) === 0 ? f.path.slice(prefix.length) : null;
      if (rel !== null) { if (byPath[rel]) dup[rel] = 1; byPath[rel] = f; }
      var base = f.path.split('/').pop();
      byBase[base] = byBase[base] ? 'many' : f;
    });
    Object.keys(dup).forEach(function (d) { problem('duplicate_entry', d + ' appears twice', { file: d }); });
    function find(rel) {
      if (byPath[rel]) return byPath[rel];
      var b = byBase[rel.split('/').pop()];
      return b && b !== 'many' ? b : null;
    }
    var td = new TextDecoder('utf-8', { fatal: true });
    var man;
    try { man = parseManifest(td.decode(await manifestFile.bytes())); } catch (e) { man = { ok: false, line: 0 }; }
    if (!man.ok) return { ok: false, problems: [{ code: 'bad_manifest', message: 'manifest.sha256 line ' + man.line + ' is not "<sha256>  <file>"' }] };
    var listed = {}, hashes = {};
    for (var i = 0; i < man.entries.length; i++) {
      var me = man.entries[i];
      listed[me.path] = me.hash;
      var f = find(me.path);
      if (!f) { problem('missing_file', me.path + ' is listed in the manifest but missing', { file: me.path }); continue; }
      var h = await sha256(await f.bytes());
      hashes[me.path] = h;
      if (h !== me.hash) problem('file_changed', me.path + ' does not match its sha256 in the manifest', { file: me.path });
    }
    if (complete) Object.keys(byPath).forEach(function (rel) {
      if (rel !== 'manifest.sha256' && !listed[rel] && !/\/$/.test(rel)) problem('unlisted_file', rel + ' is not listed in the manifest', { file: rel });
    });
    var caseInfo = null, chain = null;
    var cf = find('case.json');
    if (cf) { try { caseInfo = JSON.parse(td.decode(await cf.bytes())); } catch (e) { problem('bad_case', 'case.json is not JSON', { file: 'case.json' }); } }
    var rf = find('records.jsonl');
    if (!rf) problem('missing_file', 'records.jsonl is missing', { file: 'records.jsonl' });
    else {
      var text;
      try { text = td.decode(await rf.bytes()); } catch (e) { text = null; problem('chain', 'records.jsonl is not UTF-8', { file: 'records.jsonl' }); }
      if (text !== null) {
        chain = await verifyChainText(text, { allowRedacted: !!(caseInfo && caseInfo.redacted) });
        if (!chain.ok) problems.unshift({ code: 'chain', message: 'record ' + (chain.seq === null ? '#' + (chain.index + 1) : chain.seq) + ': ' + chain.message, record: { index: chain.index, seq: chain.seq, reason: chain.reason } });
        else if (caseInfo && (caseInfo.head !== chain.head || caseInfo.records !== chain.count)) problem('case_mismatch', 'case.json says ' + caseInfo.records + ' records ending in ' + caseInfo.head + ', the chain has ' + chain.count + ' ending in ' + chain.head, { file: 'case.json' });
      }
    }
    if (chain && chain.ok) {
      for (var j = 0; j < chain.attachments.length; j++) {
        var a = chain.attachments[j], path = 'attachments/' + a.sha256, af = find(path);
        if (!af) { problem('missing_attachment', path + ' (' + a.name + ', record ' + a.seq + ') is missing', { file: path, seq: a.seq }); continue; }
        var ah = hashes[path] || (await sha256(await af.bytes()));
        if (ah !== a.sha256) problem('attachment_changed', path + ' (' + a.name + ', record ' + a.seq + ') does not match its sha256', { file: path, seq: a.seq });
      }
    }
    var ok = problems.length === 0;
    return { ok: ok, problems: problems, records: chain && chain.ok ? chain.count : null, head: chain && chain.ok ? chain.head : null, redacted: chain && chain.ok ? chain.redacted : 0, attachments: chain && chain.ok ? chain.attachments.length : null, files: man.entries.length };
  }

  return { canon: canon, sha256: sha256, verifyChainText: verifyChainText, parseManifest: parseManifest, readZip: readZip, verifyFiles: verifyFiles };
})();
`;

const UI_JS = String.raw`
(function () {
  'use strict';
  var out = document.getElementById('out');
  function say(cls, zh, en) {
    var p = document.createElement('p');
    p.className = cls;
    p.textContent = zh;
    if (en) { var s = document.createElement('span'); s.className = 'en'; s.textContent = en; p.appendChild(document.createElement('br')); p.appendChild(s); }
    out.appendChild(p);
  }
  var ZH = {
    no_manifest: '找不到 manifest.sha256', bad_manifest: 'manifest.sha256 格式不对', missing_file: '缺少文件', file_changed: '文件被改动过',
    unlisted_file: '清单之外多出的文件', duplicate_entry: '同名文件出现两次', chain: '证据链断裂或被改动', bad_case: 'case.json 无法读取',
    case_mismatch: 'case.json 与证据链不符', missing_attachment: '缺少附件', attachment_changed: '附件被改动过'
  };
  async function run(files, complete) {
    out.textContent = '';
    say('info', '正在核对 ' + files.length + ' 个文件……', 'Checking ' + files.length + ' files…');
    try {
      var r = await HuxunVerify.verifyFiles(files, complete);
      out.textContent = '';
      if (r.ok) {
        say('ok', '核对通过：' + r.records + ' 条记录、' + r.attachments + ' 个附件、清单中 ' + r.files + ' 个文件都与导出时一致。', 'OK: ' + r.records + ' records, ' + r.attachments + ' attachments and all ' + r.files + ' listed files are as exported.');
        say('info', '证据链末端哈希（head）：' + r.head, 'Chain head: ' + r.head);
        if (r.redacted) say('warn', '其中 ' + r.redacted + ' 条记录已脱敏，其内容无法核对，只能核对其在链中的位置。', r.redacted + ' records are redacted: their content cannot be checked, only their place in the chain.');
        say('info', '请把 head 与您另行保存的数值（例如文书上打印的、发给自己的）比对：一致才说明整条链没有被整体替换。', 'Compare the head with the value you kept elsewhere (printed on a document, sent to yourself): only a match shows the chain was not replaced as a whole.');
      } else {
        var first = r.problems[0];
        var where = first.record ? '（第 ' + (first.record.seq === null ? '#' + (first.record.index + 1) : first.record.seq) + ' 条记录）' : first.file ? '（' + first.file + '）' : '';
        say('bad', '核对未通过：' + (ZH[first.code] || first.code) + where, 'FAILED: ' + first.message);
        r.problems.slice(1, 50).forEach(function (p) { say('bad small', (ZH[p.code] || p.code) + (p.file ? '：' + p.file : ''), p.message); });
      }
    } catch (e) {
      out.textContent = '';
      say('bad', '无法读取：' + (e && e.message), 'Could not read: ' + (e && e.message));
    }
  }
  function fromFileList(list) {
    var arr = Array.prototype.slice.call(list);
    if (arr.length === 1 && /\.zip$/i.test(arr[0].name)) {
      return HuxunVerify.readZip(arr[0]).then(function (entries) {
        return run(entries.filter(function (e) { return !/\/$/.test(e.name); }).map(function (e) { return { path: e.name, bytes: e.bytes }; }), true);
      }, function (e) { out.textContent = ''; say('bad', '不是有效的 zip 文件：' + e.message, 'Not a valid zip file: ' + e.message); });
    }
    var isFolder = arr.some(function (f) { return f.webkitRelativePath; });
    return run(arr.map(function (f) {
      return { path: f.webkitRelativePath || f.name, bytes: function () { return f.arrayBuffer().then(function (b) { return new Uint8Array(b); }); } };
    }), isFolder);
  }
  document.getElementById('zip').addEventListener('change', function (e) { if (e.target.files.length) fromFileList(e.target.files); });
  document.getElementById('dir').addEventListener('change', function (e) { if (e.target.files.length) fromFileList(e.target.files); });
  document.getElementById('files').addEventListener('change', function (e) { if (e.target.files.length) fromFileList(e.target.files); });
  var drop = document.getElementById('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.className = 'drop over'; });
  drop.addEventListener('dragleave', function () { drop.className = 'drop'; });
  drop.addEventListener('drop', function (e) { e.preventDefault(); drop.className = 'drop'; fromFileList(e.dataTransfer.files); });
})();
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The whole page. `head` and `count` are shown for reference (the page recomputes them; it does not trust them). */
export function verifyHtml(info: { title: string; head: string; count: number }): string {
  const title = escapeHtml(info.title);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'none'">
<title>护讯证据包核对 · Huxun bundle check</title>
<style>
body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.6; color: #222; }
h1 { font-size: 1.4rem; } .en { color: #666; font-size: 0.9em; }
.drop { border: 2px dashed #999; border-radius: 8px; padding: 1.2rem; margin: 1rem 0; }
.drop.over { border-color: #1677ff; background: #f0f6ff; }
label { display: block; margin: 0.6rem 0; }
.ok { color: #0a6b2b; font-weight: bold; } .bad { color: #b00020; font-weight: bold; } .warn { color: #8a5a00; } .small { font-weight: normal; font-size: 0.9em; }
code { word-break: break-all; background: #f4f4f4; padding: 0 0.2em; }
</style>
</head>
<body>
<h1>护讯证据包核对<br><span class="en">Huxun evidence bundle check</span></h1>
<p>${title}</p>
<p>本页面完全离线运行，不联网、不上传任何内容：它在您的浏览器里重新计算每个文件的 SHA-256 和整条证据链。<br>
<span class="en">This page runs offline and uploads nothing: it recomputes every file's SHA-256 and the whole evidence chain in your browser.</span></p>
<div class="drop" id="drop">
<label>① 选择 zip 证据包 <span class="en">Pick the bundle zip</span><br><input type="file" id="zip" accept=".zip,application/zip"></label>
<label>② 或选择解压后的文件夹 <span class="en">or the unzipped folder</span><br><input type="file" id="dir" webkitdirectory directory multiple></label>
<label>③ 或选择解压后的全部文件（含 attachments 文件夹里的文件） <span class="en">or all the unzipped files, including those in attachments/</span><br><input type="file" id="files" multiple></label>
<p>也可以把 zip 拖到这里。<span class="en">You can also drop the zip here.</span></p>
</div>
<div id="out" aria-live="polite"></div>
<p class="en">Exported with ${info.count} records, chain head <code>${escapeHtml(info.head)}</code> (recomputed above, not trusted).<br>
导出时共 ${info.count} 条记录，链末端哈希如上（本页会重新计算，不会直接采信）。</p>
<script>${VERIFY_CORE_JS}</script>
<script>${UI_JS}</script>
</body>
</html>
`;
}
