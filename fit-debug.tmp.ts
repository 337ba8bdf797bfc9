import * as ft from './src/domain/documents/form-text.js';
import { sampleCase, fakeLaw, finding } from './src/domain/documents/testing.js';
import { RULE_INFO } from './src/domain/documents/topics.js';
const RULES = Object.keys(RULE_INFO);
const c = sampleCase();
for (let i = 0; i < 200; i++) c.findings.push(finding(RULES[i % RULES.length]!, [], { citationIds: [`law.${i}`], summary: '很长的摘要'.repeat(50) }));
c.borrower.name = '😀'.repeat(400);
for (const len of ['short','medium'] as const) { const r = ft.buildComplaintText(c, 'lender', fakeLaw(), len); console.log(len, [...r.text].length); console.log(r.text.slice(0, 2000)); }
