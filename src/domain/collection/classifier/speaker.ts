/**
 * Does a message speak *as* someone (an authority, a lawyer, an office), rather than *about* one?
 *
 * The guide (../shared/data/messages-dev-guide.md, "impersonation") gives `impersonation` to a sender who claims to
 * be, or to act for, the police, a court, a government body or a lawyer, and `false_legal` only to statements about
 * them (「已移交公安机关」, 「法院已立案」). The linear model learned the authority words but not who is speaking:
 * on the seen test sets four in ten of the impersonation labels it added alone were statements about a court or
 * the police. So the model alone may give `impersonation` only when the text has one of these framings; which
 * authority it is, the model decides. The rules' own impersonation patterns are not gated.
 *
 * Tested on the normalised text (separators, spaces and traditional characters already folded).
 */
const SPEAKER = new RegExp(
  [
    // "I am / we are / this is …"
    '(?:我|我们|咱们|俺)(?:是|系|乃|这边是|这里是)',
    '这里是|这边是|此处是',
    // an office speaking of itself or of its case
    '本(?:院|庭|所|局|中心|会|委|处|办|队|机关|律师|案)',
    // acting for someone: 受…委托, 受托, 法官让我通知你
    '受.{0,16}?(?:委托|委派|指派)|受托|(?:让|叫|派|安排|委托)我',
    // a signature or header in brackets, or a signature after a dash at the end
    '【[^】]{1,24}】',
    '[—\\-]{1,2}[^，。,.!！?？]{2,24}$',
    // a header before a colon or a notice word at the start: 「执行局通知：」「县法院立案庭：」「传票：」
    '^[^，。,.!！?？：:]{1,20}(?:通知|告知|公告|通告|催告|预警|函|书|票)',
    '^[^，。,.!！?？：:]{1,20}[：:]',
  ].join('|'),
);

export function speaksAsSomeone(norm: string): boolean {
  return SPEAKER.test(norm);
}
