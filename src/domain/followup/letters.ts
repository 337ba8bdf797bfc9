/**
 * The documents of the follow-up steps, each its own document: 催办函 (asking the same channel for its answer) and
 * 升级投诉 (the same matter taken to the next channel the routing proposes, with the history of what was sent and
 * not answered). Outgoing documents: no draft banner; citations only as the app passes them (verified ones).
 */
import type { Block, CitationBlock, DocModel } from '../documents/model.js';
import type { Text2 } from '../law.js';
import { dayNumber } from '../time.js';
import { METHOD_LABEL, type SubmitMethod } from './lifecycle.js';

export interface StepSubmission {
  id: number;
  channelName: Text2;
  submittedOn: string;
  method: SubmitMethod;
  reference: string | null;
  lenderName: string | null;
  /** SHA-256 of the text sent, kept as evidence. */
  documentSha256: string | null;
  dueOn: string | null;
  remindOn: string | null;
  /** What the law says must happen by dueOn (Deadline.what). */
  dueWhat: Text2 | null;
}

export interface StepInput {
  kind: 'urge' | 'escalate';
  today: string;
  lang: 'zh' | 'en';
  /** The complaint that went unanswered, then any earlier ones of the same matter (oldest last). */
  history: readonly StepSubmission[];
  /** The addressee: the same channel (urge) or the next one (escalate). */
  to: Text2;
  borrower: { name: string | null; phone: string | null };
  /** The deadline's citations (already checked: verified sources only). */
  citations: readonly CitationBlock[];
  /** The evidence chain head at the time of writing. */
  chainHead: string | null;
}

function fmtDate(d: string, zh: boolean): string {
  if (!zh) return d;
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

function submissionLine(s: StepSubmission, zh: boolean): string {
  const how = METHOD_LABEL[s.method][zh ? 'zh' : 'en'];
  const ref = s.reference ? (zh ? `，受理编号 ${s.reference}` : `, reference ${s.reference}`) : zh ? '（未取得受理编号）' : ' (no reference number given)';
  const about = s.lenderName && s.lenderName !== s.channelName.zh ? (zh ? `，投诉对象：${s.lenderName}` : `, about ${s.lenderName}`) : '';
  return zh
    ? `${fmtDate(s.submittedOn, true)}通过${how}向${s.channelName.zh}提交投诉${ref}${about}。`
    : `${s.submittedOn}: complaint to ${s.channelName.en} by ${how}${ref}${about}.`;
}

export function buildStepDocument(i: StepInput): DocModel {
  const zh = i.lang === 'zh';
  const first = i.history[0]!;
  const blocks: Block[] = [];
  const late = first.dueOn ? dayNumber(i.today) - dayNumber(first.dueOn) : null;
  const title = i.kind === 'urge' ? (zh ? '催办函' : 'Request for an answer') : zh ? '投诉（前次投诉逾期未获答复）' : 'Complaint (an earlier complaint went unanswered)';
  blocks.push({ type: 'paragraph', text: zh ? `${i.to.zh}：` : `To ${i.to.en}:` });
  if (i.kind === 'urge') {
    const when = first.dueOn && first.dueWhat
      ? zh
        ? `依照下列规定，应在${fmtDate(first.dueOn, true)}前${first.dueWhat.zh}${late != null && late > 0 ? `，现已逾期${late}日` : ''}。`
        : `Under the rule below it had to ${first.dueWhat.en} by ${first.dueOn}${late != null && late > 0 ? `; that was ${late} days ago` : ''}.`
      : zh
        ? '至今已过去较长时间。'
        : 'A long time has passed since.';
    blocks.push({
      type: 'paragraph',
      priority: 'key',
      text: zh
        ? `本人${submissionLine(first, true)}${when}截至${fmtDate(i.today, true)}，本人未收到处理结果。`
        : `${submissionLine(first, false)} ${when} As of ${i.today} I have received no answer.`,
    });
    blocks.push({
      type: 'paragraph',
      priority: 'key',
      text: zh
        ? '请尽快告知处理进度和结果；如已办理完毕，请书面答复。逾期仍未答复的，本人将向上级或监管部门反映。'
        : 'Please tell me where the complaint stands and its outcome, in writing if it is closed. If no answer comes, I will take the matter to the supervising authority.',
    });
  } else {
    blocks.push({
      type: 'paragraph',
      priority: 'key',
      text: zh
        ? `本人曾就同一事项投诉，至今未获答复或未获解决，现向贵单位反映，请依职责督促处理：`
        : 'I complained about the same matter before and have had no answer or no remedy; I ask you to act on it within your duties:',
    });
    blocks.push({ type: 'list', ordered: true, priority: 'key', items: [...i.history].reverse().map((s) => submissionLine(s, zh)) });
    if (first.dueOn && first.dueWhat) {
      blocks.push({
        type: 'paragraph',
        text: zh
          ? `依照下列规定，前次投诉应在${fmtDate(first.dueOn, true)}前${first.dueWhat.zh}${late != null && late > 0 ? `，至今已逾期${late}日` : ''}。`
          : `Under the rule below the earlier complaint had to ${first.dueWhat.en} by ${first.dueOn}${late != null && late > 0 ? `; ${late} days have passed since` : ''}.`,
      });
    }
    blocks.push({
      type: 'paragraph',
      text: zh
        ? '投诉的事实、证据和诉求见随附的投诉信；前次提交的文本已作为证据保存，可核验（见下方 SHA-256）。'
        : 'The facts, evidence and requests are in the enclosed complaint letter; the text sent before is kept as evidence and can be checked (SHA-256 below).',
    });
  }
  for (const c of i.citations) blocks.push(c);
  const hashes = i.history.filter((s) => s.documentSha256).map((s) => [fmtDate(s.submittedOn, zh), s.channelName[zh ? 'zh' : 'en'], s.documentSha256!] as const);
  if (hashes.length) {
    blocks.push({ type: 'heading', level: 2, text: zh ? '已提交文本的存证' : 'Texts sent, kept as evidence' });
    blocks.push({ type: 'table', headers: zh ? ['提交日期', '渠道', 'SHA-256'] : ['Sent', 'Channel', 'SHA-256'], rows: hashes.map((h) => [...h]), widths: [2, 3, 6] });
  }
  blocks.push({
    type: 'signature',
    lines: [
      zh ? `投诉人：${i.borrower.name ?? '＿＿＿＿'}` : `From: ${i.borrower.name ?? '____'}`,
      zh ? `联系电话：${i.borrower.phone ?? '＿＿＿＿'}` : `Phone: ${i.borrower.phone ?? '____'}`,
      zh ? fmtDate(i.today, true) : i.today,
    ],
  });
  return {
    title,
    lang: zh ? 'zh-CN' : 'en',
    subtitle: zh ? `致：${i.to.zh}` : `To: ${i.to.en}`,
    blocks,
    footer: i.chainHead ? (zh ? `证据链校验值 ${i.chainHead}` : `Evidence chain head ${i.chainHead}`) : undefined,
  };
}
