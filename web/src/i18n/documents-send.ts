/**
 * Texts of the Documents page's "version to send" (issue 16): the person confirms once that they checked the facts,
 * then downloads the letter without the draft banner. Spread into zh.ts and en.ts (same keys in both: i18n.test.ts).
 */
export const documentsSendZh = {
  'docs.confirm': '我已逐项核对过事实（日期、号码、次数、金额、对方说的话），要下载提交版',
  'docs.confirm.hint': '不勾选时下载的是草稿：带“草稿”提示和给你看的提醒，供你自己核对。勾选后下载的是提交版：没有这些提示，可以直接寄出、上传或打印签名。',
  'docs.version.draft': '草稿',
  'docs.version.send': '提交版',
  'docs.downloaded.version': '已下载{version}：{name}',
} as const;

export const documentsSendEn = {
  'docs.confirm': 'I have checked every fact (dates, numbers, counts, amounts, what was said): download the version to send',
  'docs.confirm.hint': 'Unticked, you download a draft, with the draft banner and notes for you, to check. Ticked, you download the version to send: without them, ready to post, upload or print and sign.',
  'docs.version.draft': 'draft',
  'docs.version.send': 'version to send',
  'docs.downloaded.version': 'Downloaded the {version}: {name}',
} as const;
