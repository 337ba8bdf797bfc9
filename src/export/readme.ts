/** README.txt of an evidence bundle: Chinese first, English below. Plain text, CRLF-free, UTF-8. */

export interface ReadmeInfo {
  title: string;
  /** Local date-time of the export, already formatted (Asia/Shanghai). */
  exportedAt: string;
  count: number;
  head: string;
  attachments: number;
  redacted: boolean;
  redactedRecords: number;
}

/**
 * A bash loop that recomputes the chain with bash and sha256sum only (one process per record). It relies on the canonical layout of each
 * line: `{"at_received":N,"hash":"<64 hex>",…,"prev_hash":"<64 hex>",["redacted":true,]"seq":N}`; removing the
 * `"hash":"…",` member from the line gives exactly the hashed text. Tested in src/export/bundle.test.ts.
 */
export const CHAIN_CHECK_SH = String.raw`prev=0000000000000000000000000000000000000000000000000000000000000000; n=0; bad=0
re_head='^\{"at_received":[0-9]+,"hash":"([0-9a-f]{64})",'
re_tail=',"prev_hash":"([0-9a-f]{64})",("redacted":true,)?"seq":([0-9]+)\}$'
while IFS= read -r line; do
  n=$((n+1))
  if ! [[ $line =~ $re_head ]]; then echo "BAD record $n: not a record line"; bad=1; break; fi
  claimed=@{BASH_REMATCH[1]}
  if ! [[ $line =~ $re_tail ]] || [ "@{BASH_REMATCH[1]} @{BASH_REMATCH[3]}" != "$prev $n" ]; then
    echo "BAD record $n: not linked to record $((n-1))"; bad=1; break; fi
  if [ -n "@{BASH_REMATCH[2]}" ]; then echo "record $n: redacted, content not checkable"
  else
    member="\"hash\":\"$claimed\","
    calc=$(printf '%s%s' "$prev" "@{line/"$member"/}" | sha256sum); calc=@{calc%% *}
    if [ "$calc" != "$claimed" ]; then echo "BAD record $n: content does not match its hash"; bad=1; break; fi
  fi
  prev=$claimed
done < records.jsonl
[ "$bad" = 0 ] && echo "OK $n records, head $prev"`.replaceAll('@{', '${');

export function readmeText(i: ReadmeInfo): string {
  const redZh = i.redacted
    ? `\n注意：本证据包已对第三方（亲友等联系人）的姓名和号码做了遮盖（如 138****5678、张*）。被遮盖的 ${i.redactedRecords} 条记录标有 "redacted":true，它们的内容无法再用哈希核对，只能核对它们在链中的位置与顺序。图片、录音等附件的内容没有遮盖，公开前请自行检查。\n`
    : '';
  const redEn = i.redacted
    ? `\nNote: third parties' names and numbers (the borrower's contacts) are masked in this bundle (e.g. 138****5678, 张*). The ${i.redactedRecords} masked records carry "redacted":true: their content can no longer be checked against their hash, only their place and order in the chain. Attachments (images, recordings) are NOT masked; check them before sharing.\n`
    : '';
  return `护讯（Huxun）证据包
====================

${i.title}
导出时间：${i.exportedAt}（北京时间）
记录数：${i.count}
附件数：${i.attachments}
证据链末端哈希（head）：
${i.head}
${redZh}
一、包里有什么
- records.jsonl   证据链：每行一条记录（事件、附件、借款、联系人、更正、删除标记等），按顺序相互链接。
- events.json     时间线事件（便于阅读和导入其他软件）。
- case.json       本包的基本信息（格式版本、记录数、head）。
- 附件清单.txt    每个附件的原始文件名、类型、大小、来源和它自称的日期。
- attachments/    附件原件，文件名就是其内容的 SHA-256 值。
- manifest.sha256 上面每个文件的 SHA-256 校验值（标准 sha256sum 格式）。
- verify.html     离线核对页面。

二、如何核对（任选其一）
1. 只用标准工具：解压后进入本文件夹，运行
       sha256sum -c manifest.sha256
   （macOS：shasum -a 256 -c manifest.sha256）
   每行都显示 OK / 成功，说明所有文件与导出时一字节不差。
2. 用浏览器打开 verify.html（无需联网），选择本 zip 文件或解压后的文件夹。
   页面会重新计算所有文件和整条证据链，并指出第一条有问题的记录或文件。
3. 用护讯程序：huxun verify 本文件.zip

三、证据链是怎么回事
每条记录都包含上一条记录的哈希（prev_hash）。本条的哈希 hash 等于：
    SHA-256( 上一条的 hash（64 位十六进制文字） + 本条记录去掉 hash 字段后的规范 JSON )
第一条记录的"上一条哈希"是 64 个 0。规范 JSON：键按字母序排列、无空格、UTF-8（详见 RFC 8785）。
因此改动任何一条记录的任何一个字节、删掉或调换任何一条记录，都会使其后的哈希对不上。
更正和删除不会改写旧记录，而是追加一条"更正"（correction）或"删除标记"（tombstone）记录；被删除的附件不会导出。
只用 bash 和 sha256sum 也能重算整条链（把下面几行存为 check.sh，放在本文件夹里，运行 bash check.sh）：

${CHAIN_CHECK_SH}

四、这能证明什么、不能证明什么
- 能证明：包里的文件自导出以来没有被改动；证据链内部前后一致、没有被删改或调换顺序。
- 不能单独证明：整条链没有被人整体重算替换。为此请把上面的 head 值另外保存在别人无法改动的地方
  （例如打印在投诉材料上、发送给自己或律师的短信/邮件），核对时比对 head 是否一致。
- 记录里的时间 at_received 是护讯收到该条目的时间；附件的 claimed_at 是附件自己声称的日期，二者都不是第三方公证。

------------------------------------------------------------------------

Huxun evidence bundle
=====================

${i.title}
Exported: ${i.exportedAt} (Beijing time)
Records: ${i.count}
Attachments: ${i.attachments}
Chain head:
${i.head}
${redEn}
1. Contents
- records.jsonl    the evidence chain: one record per line (events, attachments, loans, contacts, corrections, tombstones), linked in order.
- events.json      the timeline events (for reading and for other software).
- case.json        bundle facts: format version, record count, head.
- 附件清单.txt     ("attachment list") each attachment's original name, type, size, source and the date it claims.
- attachments/     the attachments, each named by the SHA-256 of its content.
- manifest.sha256  the SHA-256 of every file above, in standard sha256sum format.
- verify.html      an offline checking page.

2. How to check (any one of these)
1. Standard tools only: unzip, go into this folder and run
       sha256sum -c manifest.sha256
   (macOS: shasum -a 256 -c manifest.sha256). Every line must say OK: every file is byte-for-byte as exported.
2. Open verify.html in a browser (no network needed) and pick this zip or the unzipped folder.
   It recomputes every file and the whole chain, and names the first bad record or file.
3. With the Huxun program: huxun verify <this file>.zip

3. How the chain works
Each record holds the hash of the record before it (prev_hash). Its own hash is
    SHA-256( previous hash as 64 hex characters + the record's canonical JSON without the "hash" member )
The first record's previous hash is 64 zeros. Canonical JSON: keys sorted, no whitespace, UTF-8 (RFC 8785).
Changing any byte of any record, or removing or reordering records, breaks every hash after it.
Corrections and deletions never rewrite a record: they append a "correction" or "tombstone" record; deleted attachments are not exported.
The bash loop in section 三 above recomputes the chain with bash and sha256sum only (save it as check.sh in this folder and run: bash check.sh).

4. What this proves and what it does not
- It proves the files are unchanged since export, and that the chain is internally consistent (nothing changed, removed or reordered).
- On its own it cannot prove the whole chain was not recomputed and replaced. Keep the head value above somewhere
  others cannot change (printed on a complaint, sent to yourself or a lawyer) and compare it when checking.
- at_received is when Huxun received an item; an attachment's claimed_at is the date the item itself claims. Neither is notarised.
`;
}
