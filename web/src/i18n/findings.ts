/**
 * Texts of the 违规发现 page (one card per kind of conduct) and the glossary popover (issue 16), spread into zh.ts and
 * en.ts (same keys in both: i18n.test.ts).
 */
export const findingsZh = {
  'fc.sub': '按严重程度排列。每一类写明发生了什么、是谁、规定怎么说、这条规定有多大约束力，以及可以向谁反映。',
  'fc.sev.critical': '最严重',
  'fc.sev.high': '严重',
  'fc.sev.medium': '较严重',
  'fc.sev.low': '较轻',
  'fc.who': '是谁：',
  'fc.who.unknown': '不知道是哪家贷款方的催收方',
  'fc.lenders': '贷款方：',
  'fc.sources': '出处（{n} 条）',
  'fc.sources.withOther': '出处（已核实 {n} 条，未核实 {m} 条）',
  'fc.sources.other': '还没有核实的依据（只供你参考，不会写进投诉信）',
  'fc.sources.none': '没有已核实的出处。',
  'fc.events.call': '来电',
  'fc.events.callAnswered': '来电，接通 {d}',
  'fc.events.more': '只列出前 {shown} 条，共 {n} 条；其余的可以在时间线中查看。',
  'fc.gloss.hint': '点一下看解释',
  'fc.lines.others': '其他利率线（不适用于这类出借方）：{n} 条',
} as const;

export const findingsEn: Record<keyof typeof findingsZh, string> = {
  'fc.sub': 'Most serious first. Each kind says what happened, who did it, what the rule says, how binding it is, and where to report it.',
  'fc.sev.critical': 'Most serious',
  'fc.sev.high': 'Serious',
  'fc.sev.medium': 'Moderate',
  'fc.sev.low': 'Minor',
  'fc.who': 'Who: ',
  'fc.who.unknown': 'collectors of an unknown lender',
  'fc.lenders': 'Lenders: ',
  'fc.sources': 'Sources ({n})',
  'fc.sources.withOther': 'Sources ({n} verified, {m} not verified)',
  'fc.sources.other': 'Not verified yet (for you only; never written into a complaint)',
  'fc.sources.none': 'No verified source.',
  'fc.events.call': 'Incoming call',
  'fc.events.callAnswered': 'Incoming call, answered, {d}',
  'fc.events.more': 'The first {shown} of {n} are listed; see the rest in the timeline.',
  'fc.gloss.hint': 'Tap for an explanation',
  'fc.lines.others': 'Other rate lines (not for this kind of lender): {n}',
};
