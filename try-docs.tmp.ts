import { buildComplaint, buildComplaintText, buildNegotiation, buildPiRequest, buildContactsNote, buildThirdPartyStatement, contactsNoteText, plainText } from './src/domain/documents/index.js';
import type { DocModel } from './src/domain/documents/index.js';
import { sampleCase, fakeLaw } from './src/domain/documents/testing.js';
function dump(m: DocModel) {
  const out = [m.title, m.subtitle ?? ''];
  for (const b of m.blocks) {
    if (b.type === 'heading') out.push('#'.repeat(b.level) + ' ' + b.text);
    else if (b.type === 'paragraph') out.push(plainText(b.text));
    else if (b.type === 'list') b.items.forEach((it, i) => out.push((b.ordered ? `${i + 1}. ` : '- ') + plainText(it)));
    else if (b.type === 'table') { out.push(b.headers.join(' | ')); b.rows.forEach((r) => out.push(r.join(' | '))); }
    else if (b.type === 'citation') out.push(`  [${b.law}${b.article ?? ''}] ${b.excerpt} (${b.tierLabel}; ${b.verified})`);
    else if (b.type === 'signature') out.push('>> ' + b.lines.join(' / '));
    else if (b.type === 'note') out.push('[NOTE] ' + b.text);
  }
  console.log(out.join('\n'));
}
const c = sampleCase();
c.answers = { monthly_amount: '800', months: '18', hardship: '失业', contact_name: '张伟' };
const law = fakeLaw();
const which = process.argv[2] ?? 'police';
if (which === 'neg') dump(buildNegotiation(c, law).model);
else if (which === 'pi') dump(buildPiRequest(c, law).model);
else if (which === 'note') { dump(buildContactsNote(c).model); console.log([...contactsNoteText(c)].length); }
else if (which === 'tps') dump(buildThirdPartyStatement(c).model);
else if (which === 'en') { dump(buildComplaint(c, 'lender', law, { lang: 'en' }).model); console.log(buildComplaintText(c, 'lender', law, 'short', { lang: 'en' }).text); }
else if (which === 'red') { dump(buildComplaint(c, 'lender', law, { redact: { thirdParties: true, self: true } }).model); }
else { const r = buildComplaint(c, which, law); dump(r.model); console.log(r.missing.map(q=>q.key)); }
