/**
 * Plain-text complaints fitted to online forms: short (≤ 500 characters), medium (≤ 1,500) and full.
 *
 * Short and medium are written for the length, not cut from the letter: who, what, when (counts and dates), which
 * rule, what is asked. Each part has a few versions from fullest to barest; while the text is too long, the least
 * important part still able to shrink gives up one step: the evidence note and the quotes first, then the citations
 * (down to one) and the findings (the last first), the demands and the core facts last of all. A final cut to the
 * limit only guards against pathological input. Characters are counted as code points; forms that count UTF-16 units
 * or CR LF line breaks need a margin (see src/render/text.ts).
 */
import type { DocumentCase, Lang, Question } from './case.js';
import { complaintContent, BLANK, loanLine, type ComplaintContent } from './complaint-content.js';
import { overviewSentence, type BuildOptions } from './complaint.js';
import { lenderNames, type Demand } from './demands.js';
import { cpLength, cpTruncate, fmtDate, joinList } from './format.js';
import type { Tier } from '../law.js';
import { citationTitle, shortTier, type LawCitation, type LawView } from './law-view.js';
import { caseRedactor } from './redact.js';

export type FormLength = 'short' | 'medium' | 'full';

export const FORM_LIMITS: Record<FormLength, number | null> = { short: 500, medium: 1500, full: null };

export interface FormTextResult {
  text: string;
  /** The limit the text respects (code points), or null for full. */
  limit: number | null;
  missing: Question[];
  citationIds: string[];
}

interface Part {
  /** Fullest first; the last is the barest (may be ''). */
  variants: string[];
  /** Higher is kept longer. */
  priority: number;
  at: number;
}

function part(priority: number, ...variants: string[]): Part {
  const vs = variants.length ? variants : [''];
  // Drop repeated versions so that a shrink step always changes something.
  const uniq = vs.filter((s, i) => i === 0 || s !== vs[i - 1]);
  return { variants: uniq, priority, at: 0 };
}

/** Joins the parts, shrinking the least important ones until the text fits `limit` code points. */
export function fitParts(parts: Part[], limit: number, sep: string): string {
  const lens = parts.map((p) => cpLength(p.variants[0]!));
  const sepLen = cpLength(sep);
  const total = () => {
    let t = 0;
    let k = 0;
    for (let i = 0; i < parts.length; i++) {
      if (lens[i]! > 0) {
        t += lens[i]!;
        k++;
      }
    }
    return t + Math.max(0, k - 1) * sepLen;
  };
  let len = total();
  while (len > limit) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.at >= p.variants.length - 1) continue;
      if (best < 0 || p.priority < parts[best]!.priority || (p.priority === parts[best]!.priority && i > best)) best = i;
    }
    if (best < 0) break;
    const p = parts[best]!;
    p.at++;
    lens[best] = cpLength(p.variants[p.at]!);
    len = total();
  }
  const text = parts
    .map((p) => p.variants[p.at]!)
    .filter((s) => s.length > 0)
    .join(sep);
  return cpTruncate(text, limit);
}

const P = { evidence: 1, quote: 2, citation: 3, finding: 4, header: 5, loans: 6, demands: 8, facts: 9, who: 10 };

function titles(cs: readonly LawCitation[], lang: Lang): string[] {
  return cs.map((c) => citationTitle(c, lang));
}

/** The letter's provisions in the order the addressee acts on them (complaint-content.ts orderProvisions). */
function topCitations(k: ComplaintContent): LawCitation[] {
  return [...k.provisions.lead, ...k.provisions.rest];
}

/** "违反" to a regulator or the lender; "涉嫌违反" (the legal term for suspected offences) to the police. */
function breaks(k: ComplaintContent, lang: Lang): string {
  return lang === 'zh' ? (k.mode === 'police' ? '涉嫌违反' : '违反') : k.mode === 'police' ? 'may breach' : 'breaches';
}

/** The requests in reading order (to the lender: its demands, then the reply; to an authority: its asks first), with their citations. */
function orderedAsks(k: ComplaintContent): { d: Demand; cites: LawCitation[] }[] {
  const ask = k.ask.map((d, i) => ({ d, cites: k.demandCitations[i] ?? [] }));
  const dem = k.demands.map((d, i) => ({ d, cites: k.demandCitations[k.ask.length + i] ?? [] }));
  return k.channel === 'lender' ? [...dem, ...ask] : [...ask, ...dem];
}

/** Prefixes of a list: all items, then one fewer … down to one (with "等N项"), then none. */
function listVariants(items: string[], render: (shown: string[], rest: number) => string): string[] {
  const out: string[] = [];
  for (let n = items.length; n >= 1; n--) out.push(render(items.slice(0, n), items.length - n));
  out.push('');
  return out;
}

function whoPart(k: ComplaintContent, lang: Lang): Part {
  const zh = lang === 'zh';
  const name = k.borrowerName ? cpTruncate(k.borrowerName, 20) : null;
  const lenders = (k.lender ? [k.lender.name] : lenderNames(k.loans)).map((s) => cpTruncate(s, 30));
  const lenderText = lenders.length ? joinList(lenders.slice(0, 3), lang) + (lenders.length > 3 ? (zh ? `等${lenders.length}家机构` : ` and ${lenders.length - 3} more`) : '') : '';
  const one = lenders.length ? (zh ? `${lenders[0]}${lenders.length > 1 ? '等机构' : ''}` : `${lenders[0]}${lenders.length > 1 ? ' and others' : ''}`) : '';
  if (zh) {
    const unknown = k.unknownLender ? '（催收方未表明所代表的放贷机构，尚未查明，可查借款合同、App“关于我们”页面或征信报告）' : '';
    const loan = lenderText ? `在${lenderText}的借款逾期，近期遭遇以下催收情况。` : `借款逾期${unknown}，近期遭遇以下催收情况。`;
    const loan1 = one ? `在${one}的借款逾期。` : k.unknownLender ? '借款逾期（放贷机构尚未查明）。' : '借款逾期。';
    return part(P.who, `本人${name ?? ''}${loan}`, `本人${loan}`, `本人${loan1}`);
  }
  const unknown = k.unknownLender ? ' (the collectors did not say which lender they act for; not yet identified)' : '';
  const loan = lenderText ? `I am behind on loans from ${lenderText} and have recently faced the collection described here.` : `I am behind on a loan${unknown} and have recently faced the collection described here.`;
  const loan1 = one ? `Behind on a loan from ${one}.` : k.unknownLender ? 'Behind on a loan (lender not yet identified).' : 'Behind on a loan.';
  return part(P.who, name ? `My name is ${name}. ${loan}` : loan, loan, loan1);
}

function factsPart(k: ComplaintContent, lang: Lang): Part {
  const zh = lang === 'zh';
  const o = k.overview;
  const full = overviewSentence(k);
  if (!full || o.from === null || o.to === null) return part(P.facts, '');
  const bare = zh ? `${fmtDate(o.from, lang)}至${fmtDate(o.to, lang)}，对方共联系${o.events}次。` : `From ${o.from} to ${o.to} they made ${o.events} contacts.`;
  return part(P.facts, full, bare);
}

function findingsPart(k: ComplaintContent, lang: Lang): Part {
  const zh = lang === 'zh';
  // One item per kind of conduct, counts added up (a rule may give one finding per lender).
  const byName = new Map<string, { count: number; events: boolean }>();
  for (const f of k.findings) {
    const e = byName.get(f.name) ?? { count: 0, events: false };
    e.count += f.count;
    e.events ||= f.count > 0 && f.period !== '';
    byName.set(f.name, e);
  }
  const items = [...byName].map(([name, e]) => (e.events ? (zh ? `${name}（${e.count}次）` : `${name} (${e.count})`) : name));
  return part(
    P.finding,
    ...listVariants(items, (shown, rest) =>
      zh ? `其中涉及：${shown.join('；')}${rest ? `等${items.length}类情形` : ''}。` : `This includes: ${shown.join('; ')}${rest ? ` and ${rest} more` : ''}.`,
    ).slice(0, -1),
  );
}

function quotePart(k: ComplaintContent, lang: Lang): Part {
  const zh = lang === 'zh';
  const r = k.facts.rows.find((x) => x.quote);
  if (!r) return part(P.quote, '');
  const q = r.quote!.replace(/[。.！!]+$/u, '');
  return part(P.quote, zh ? `如${fmtDate(r.date, lang)}${r.kind}称：“${q}”。` : `For example, on ${r.date} a ${r.kind} said: "${q}".`, '');
}

function citationsPart(k: ComplaintContent, lang: Lang, max: number): Part {
  const zh = lang === 'zh';
  const t = titles(topCitations(k), lang).slice(0, max);
  // Keeps at least one citation: which rule is part of the core of a complaint.
  return part(
    P.citation,
    ...listVariants(t, (shown, rest) =>
      zh ? `上述行为${breaks(k, lang)}${shown.join('、')}${rest || t.length > 1 ? '等规定' : ''}，请依法查处。` : `This ${breaks(k, lang)} ${shown.join('; ')}${rest ? ' and other rules' : ''}; please act on it.`,
    ).slice(0, -1),
  );
}

function demandsPart(k: ComplaintContent, lang: Lang, long: boolean): Part {
  const zh = lang === 'zh';
  const all = orderedAsks(k).map((x) => x.d);
  if (!all.length) return part(P.demands, '');
  const shorts = all.map((d) => d.short[lang]);
  const fmt = (items: string[], rest: number) => (zh ? `请求：${items.join('；')}${rest ? '等' : ''}。` : `I ask you to: ${items.join('; ')}${rest ? ', and more' : ''}.`);
  const variants: string[] = [];
  if (long) variants.push(zh ? `请求：${all.map((d, i) => `${i + 1}. ${d.text.zh}`).join('')}` : `I ask you to: ${all.map((d, i) => `${i + 1}. ${d.text.en}`).join(' ')}`);
  variants.push(...listVariants(shorts, fmt).slice(0, -1));
  return part(P.demands, ...variants);
}

function evidencePart(k: ComplaintContent, lang: Lang): Part {
  const zh = lang === 'zh';
  const n = k.evidence.attachments.length;
  const r = k.evidence.recordCount;
  if (!n && !r) return part(P.evidence, '');
  const full = zh
    ? `通话记录、短信截图等证据已保存${n ? `（${n}份附件，附SHA-256校验值）` : ''}${r ? `，原始记录${r}条以哈希链保存` : ''}，可随时提供。`
    : `The evidence (call log, screenshots${n ? `, ${n} files with SHA-256 checksums` : ''}${r ? `, ${r} records in a hash chain` : ''}) is kept and available.`;
  return part(P.evidence, full, zh ? '证据已保存，可随时提供。' : 'Evidence kept and available.', '');
}

function headerPart(k: ComplaintContent, lang: Lang): Part {
  const zh = lang === 'zh';
  const rows = [...k.complainant, ...k.respondents].map((r) => `${r.label}${zh ? '：' : ': '}${cpTruncate(r.value ?? BLANK, 120)}`);
  return part(P.header, rows.join('\n'), k.complainant.map((r) => `${r.label}${zh ? '：' : ': '}${cpTruncate(r.value ?? BLANK, 40)}`).join('\n'), '');
}

function findingDetailParts(k: ComplaintContent, lang: Lang): Part[] {
  const zh = lang === 'zh';
  return k.findings.map((f, i) => {
    const head = zh ? `${i + 1}. ${f.name}${f.period ? `（${f.period}）` : ''}：` : `${i + 1}. ${f.name}${f.period ? ` (${f.period})` : ''}: `;
    const cites = titles(f.citations, lang);
    const b = f.rule === 'cn.over-legal-line' ? (zh ? '依据' : 'under') : breaks(k, lang);
    const basis = cites.length ? (zh ? `${b}${cites.join('、')}。` : ` ${b.charAt(0).toUpperCase()}${b.slice(1)} ${cites.join('; ')}.`) : '';
    const basis1 = cites.length ? (zh ? `${b}${cites[0]}${cites.length > 1 ? '等' : ''}。` : ` ${b.charAt(0).toUpperCase()}${b.slice(1)} ${cites[0]}${cites.length > 1 ? ' and others' : ''}.`) : '';
    const summary = f.summary ? cpTruncate(f.summary, 160) : '';
    // Later findings shrink first.
    const count = f.count && f.period ? (zh ? `${f.count}次。` : `${f.count} times.`) : '';
    return part(P.finding - i / (k.findings.length + 1), head + summary + basis, head + count + basis, head + count + basis1, head + count, '');
  });
}

function loansPart(k: ComplaintContent, lang: Lang): Part {
  const over = k.loans.filter((l) => l.lines.some((x) => x.applies && x.over && x.excessFen > 0));
  if (!over.length) return part(P.loans, '');
  const lines = over.map((l) => loanLine(l, lang));
  return part(P.loans, ...listVariants(lines, (shown, rest) => (lang === 'zh' ? `借款情况：${shown.join('；')}${rest ? `；另有${rest}笔` : ''}。` : `Loans: ${shown.join('; ')}${rest ? `; ${rest} more` : ''}.`)));
}

/** The short (≤ 500) or medium (≤ 1,500) text. */
function compact(k: ComplaintContent, length: 'short' | 'medium'): string {
  const lang = k.lang;
  const limit = FORM_LIMITS[length]!;
  if (length === 'short') {
    const parts = [whoPart(k, lang), factsPart(k, lang), findingsPart(k, lang), quotePart(k, lang), citationsPart(k, lang, 3), demandsPart(k, lang, false), evidencePart(k, lang)];
    return fitParts(parts, limit, lang === 'zh' ? '' : ' ');
  }
  const quotes = k.facts.rows.filter((r) => r.quote).slice(0, 3);
  const quoteParts = quotes.map((r, i) =>
    part(P.quote - i / 10, lang === 'zh' ? `${fmtDate(r.date, lang)} ${r.time} ${r.kind}（${r.number}）：“${r.quote}”` : `${r.date} ${r.time} ${r.kind} (${r.number}): "${r.quote}"`, ''),
  );
  const n = k.findings.length;
  const total = n ? part(P.facts, lang === 'zh' ? `催收方的行为${breaks(k, lang)}以下规定：` : `The collectors' conduct ${breaks(k, lang)} these rules:`) : part(P.facts, '');
  const parts = [
    headerPart(k, lang),
    whoPart(k, lang),
    factsPart(k, lang),
    total,
    ...findingDetailParts(k, lang),
    ...quoteParts,
    loansPart(k, lang),
    demandsPart(k, lang, true),
    evidencePart(k, lang),
  ];
  return fitParts(parts, limit, '\n');
}

/** The full text: every section of the letter, as plain lines for a form without a limit. */
function full(k: ComplaintContent): string {
  const lang = k.lang;
  const zh = lang === 'zh';
  const L = (a: string, b: string) => (zh ? a : b);
  const out: string[] = [k.title, k.addressee, ''];
  const kv = (rows: { label: string; value: string | null }[]) => rows.map((r) => `${r.label}${L('：', ': ')}${r.value ?? BLANK}`);
  out.push(...kv(k.complainant), ...kv(k.respondents), '');
  if (k.loans.length) {
    out.push(L('借款情况：', 'Loans:'), ...k.loans.map((l) => `- ${loanLine(l, lang)}`), '');
  }
  out.push(L('事实经过：', 'What happened:'));
  const ov = overviewSentence(k);
  if (ov) out.push(ov);
  for (const x of k.calls.byCollector) {
    out.push(
      L(
        `${x.name}（${joinList(x.numbers, lang)}）：来电${x.calls}次（接听${x.answered}次，未接${x.missed}次），短信${x.messages}条，夜间${x.night}次`,
        `${x.name} (${joinList(x.numbers, lang)}): ${x.calls} calls (${x.answered} answered, ${x.missed} missed), ${x.messages} messages, ${x.night} at night`,
      ),
    );
  }
  out.push('');
  if (k.findings.length) {
    out.push(k.mode === 'police' ? L('涉嫌违法的行为：', 'The offences:') : L('违反的规定：', 'The rules broken:'));
    k.findings.forEach((f, i) => {
      const cites = f.citations.map((c) => citationTitle(c, lang));
      const b = f.rule === 'cn.over-legal-line' ? L('依据', 'under') : breaks(k, lang);
      out.push(`${i + 1}. ${f.name}${f.period ? L(`（${f.period}）`, ` (${f.period})`) : ''}${L('：', ': ')}${f.summary}${cites.length ? L(`${b}${cites.join('、')}。`, ` ${b} ${cites.join('; ')}.`) : ''}`);
    });
    for (const c of topCitations(k)) {
      const ex = c.excerptIsSummary ? '' : lang === 'zh' ? `“${c.excerpt.zh}”` : c.excerpt.en; // the English excerpt is a gloss: no quotation marks
      out.push(`   ${citationTitle(c, lang)}［${shortTier(c, lang)}］${ex}`);
    }
    out.push('');
  }
  const asks = orderedAsks(k);
  if (asks.length) {
    out.push(L('请求事项：', 'Requests:'));
    asks.forEach(({ d, cites }, i) => {
      const t = cites.map((c) => citationTitle(c, lang));
      out.push(`${i + 1}. ${d.text[lang]}${t.length ? L(`（依据：${t.join('、')}）`, ` (basis: ${t.join('; ')})`) : ''}`);
    });
    out.push('');
  }
  out.push(`${k.borrowerName ?? BLANK}  ${fmtDate(k.today, lang)}`, '');
  out.push(L('附件一：证据清单', 'Annex 1: evidence index'));
  k.evidence.attachments.forEach((a, i) => out.push(`${i + 1}. ${a.name}（${a.kind}）SHA-256: ${a.sha256}`));
  if (k.evidence.recordCount) out.push(L(`原始记录${k.evidence.recordCount}条，哈希链链头：${k.evidence.chainHead ?? '—'}`, `${k.evidence.recordCount} original records; hash-chain head: ${k.evidence.chainHead ?? '—'}`));
  if (k.facts.rows.length) {
    out.push('', L('附件三：催收记录明细', 'Annex 3: the events'));
    for (const r of k.facts.rows) out.push(`${r.date} ${r.time} ${r.kind} ${r.number || '—'} → ${r.target}：${r.rules.join(L('；', '; '))}${r.quote ? ` “${r.quote}”` : ''}`);
    if (k.facts.total > k.facts.rows.length) out.push(L(`（以上为其中${k.facts.rows.length}条，共${k.facts.total}条记录，见证据包）`, `(${k.facts.rows.length} of ${k.facts.total} events shown; all are in the evidence bundle)`));
  }
  return out.join('\n');
}

/**
 * The complaint as plain text for an online form.
 * @param length 'short' (≤ 500 code points), 'medium' (≤ 1,500) or 'full' (no limit)
 */
export function buildComplaintText(c: DocumentCase, channel: string, law: LawView, length: FormLength, opts: BuildOptions = {}): FormTextResult {
  const k = complaintContent(c, channel, law, opts);
  let text = length === 'full' ? full(k) : compact(k, length);
  if (opts.redact) {
    text = caseRedactor(c, opts.redact)(text);
    const limit = FORM_LIMITS[length];
    if (limit !== null) text = cpTruncate(text, limit); // masking keeps lengths, but stay safe
  }
  return { text, limit: FORM_LIMITS[length], missing: k.missing, citationIds: k.citationIds };
}
