/**
 * The organisation's views across cases (issue 15): the staff case list and the per-lender report for a joint
 * complaint. Built by src/app/org-report.ts from each case's findings (the rule engine, one source of truth); read by
 * the server routes and the web. Column headings are here so the web, a text rendering and a printout agree.
 */
import type { Text2 } from '../domain/law.js';

export type OrgSeverity = 'critical' | 'high' | 'medium' | 'low';

/** Where a case stands, from its follow-up (投诉跟进) and findings. */
export type CaseStatus = 'empty' | 'no_findings' | 'to_complain' | 'complaint_open' | 'answer_due';

export const CASE_STATUS_LABEL: Record<CaseStatus, Text2> = {
  empty: { zh: '尚无记录', en: 'Nothing recorded yet' },
  no_findings: { zh: '暂未发现违规', en: 'No findings yet' },
  to_complain: { zh: '有违规，尚未投诉', en: 'Findings, no complaint yet' },
  complaint_open: { zh: '投诉处理中', en: 'Complaint open' },
  answer_due: { zh: '投诉答复已到期', en: 'Complaint answer due' },
};

export interface CaseFindingCount {
  rule: string;
  title: Text2;
  severity: OrgSeverity;
  /** Findings of this rule in the case. */
  findings: number;
  /** Events those findings cite. */
  events: number;
}

export interface CaseNextStep {
  kind: 'import' | 'complain' | 'deadline' | 'reminder' | 'wait';
  title: Text2;
  /** YYYY-MM-DD (case's local date) when the step has a date. */
  date: string | null;
}

export interface CaseSummary {
  case_id: number;
  name: string;
  status: CaseStatus;
  status_label: Text2;
  complaints: { open: number; due: number };
  next_step: CaseNextStep | null;
  findings: { total: number; by_severity: Record<OrgSeverity, number>; by_rule: CaseFindingCount[] };
  /** Lenders the case's collectors belong to (registry names where known), most active first. */
  lenders: string[];
  events: number;
  collectors: number;
  /** Epoch ms of the latest event or evidence record; null for an empty case. */
  last_activity: number | null;
}

/** 中文 column headings of the case list (English second). */
export const CASE_SUMMARY_COLUMNS: Record<'case_id' | 'name' | 'status' | 'next_step' | 'findings' | 'lenders' | 'events' | 'collectors' | 'last_activity', Text2> = {
  case_id: { zh: '案件编号', en: 'Case' },
  name: { zh: '案件名称', en: 'Name' },
  status: { zh: '状态', en: 'Status' },
  next_step: { zh: '下一步', en: 'Next step' },
  findings: { zh: '发现的违规', en: 'Findings' },
  lenders: { zh: '催收所属贷款方', en: "Collectors' lenders" },
  events: { zh: '记录条数', en: 'Events' },
  collectors: { zh: '催收号码组', en: 'Collectors' },
  last_activity: { zh: '最近活动', en: 'Last activity' },
};

/** One lender across the organisation's cases. Counts only; never a phone number or a third party's name. */
export interface LenderReportRow {
  /** 'entity:<registered name>', 'brand:<brand>', 'name:<name as entered>', or 'unknown'. */
  key: string;
  lender: string;
  cases: number;
  collectors: number;
  /** Cases in which this lender's collectors reached the borrower's contacts (third parties). */
  contacts_reached_cases: number;
  /** Events with threats: of violence, to tell contacts or expose, of visits. */
  threats: number;
  insults: number;
  false_legal_claims: number;
  night_contacts: number;
  /** Days with more collection calls than the daily limit. */
  flood_days: number;
  calls: number;
  messages: number;
  /** The cases: "案件 A3" tokens, or the case's name where the borrower consented. */
  case_refs: string[];
}

export interface LenderReport {
  /** Cases the report covers. */
  cases: number;
  /** Of those, cases whose borrowers consented to be named. */
  consented: number;
  lenders: LenderReportRow[];
  /** What the counts mean and what they do not (shown under the table). */
  notes: Text2[];
}

/** 中文 column headings of the per-lender report (English second). */
export const LENDER_REPORT_COLUMNS: Record<Exclude<keyof LenderReportRow, 'key'>, Text2> = {
  lender: { zh: '贷款方', en: 'Lender' },
  cases: { zh: '涉及案件数', en: 'Cases' },
  collectors: { zh: '催收号码组', en: 'Collectors' },
  contacts_reached_cases: { zh: '联系亲友的案件数', en: 'Cases with contacts reached' },
  threats: { zh: '威胁（暴力、告知亲友或曝光、上门）', en: 'Threats (violence, telling contacts, visits)' },
  insults: { zh: '辱骂', en: 'Insults' },
  false_legal_claims: { zh: '虚假的法律后果', en: 'False legal claims' },
  night_contacts: { zh: '夜间联系', en: 'Night contacts' },
  flood_days: { zh: '超频来电天数', en: 'Days of call floods' },
  calls: { zh: '来电', en: 'Calls' },
  messages: { zh: '短信和消息', en: 'Messages' },
  case_refs: { zh: '案件', en: 'Cases' },
};
