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
import { LABELS, type Recipient } from '../types.js';

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

const THIRD_PARTY_BIT = 1 << LABELS.indexOf('third_party');
const CONTACTS_BIT = 1 << LABELS.indexOf('threat_contacts');
const IMPERSONATION_BIT = 1 << LABELS.indexOf('impersonation');

/**
 * The labels (as bits, LABELS order) the model may add on its own; the rules' labels are never taken away. One
 * place for both the classifier (model.ts) and the threshold choice in training (train-linear.ts), so the thresholds
 * are chosen for the decision the product makes.
 * - third_party follows the recipient (guide: "to is taken from how the message is addressed"): never to the debtor.
 *   The model learned the openings of messages to contacts (您好, 尊敬的) and called 「亲爱的先生/女士，您的贷款已逾期」
 *   to the debtor third_party; of 12,186 corpus messages to the debtor two carry the label, both misaddressed.
 * - impersonation only when the text speaks as someone (speaksAsSomeone), tested only when `fire` has it.
 * - threat_contacts not when the rules read only a report that contacts were already told (`told`, classify.ts):
 *   the guide ("Settled 2026-12") makes that collection only, and the model had learned the report's words.
 */
export function modelMayAdd(to: Recipient, norm: string, fire: number, told = false): number {
  let allowed = ~0;
  if (told) allowed &= ~CONTACTS_BIT;
  if (to === 'debtor') allowed &= ~THIRD_PARTY_BIT;
  if ((fire & IMPERSONATION_BIT) !== 0 && !speaksAsSomeone(norm)) allowed &= ~IMPERSONATION_BIT;
  return allowed;
}
