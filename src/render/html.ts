/** The document preview as a self-contained HTML fragment (escaped; no scripts, no external resources). */
import { toRuns, type Block, type DocModel, type RichText } from '../domain/documents/model.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rich(t: RichText): string {
  return toRuns(t)
    .map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text)))
    .join('')
    .replace(/\n/g, '<br>');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${rich(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${rich(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<div class="doc-table"><table><thead><tr>${b.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`;
    case 'citation': {
      const excerpt = b.excerptIsSummary || !b.excerpt.trim() ? '' : b.excerptIsGloss ? `<div>${esc(b.excerpt)}</div>` : `<div>“${esc(b.excerpt)}”</div>`;
      return `<blockquote class="doc-citation"><div><strong>${esc(b.law)}${b.article ? ` ${esc(b.article)}` : ''}</strong> <small>〔${esc(b.tierLabel)}〕</small></div>${excerpt}</blockquote>`;
    }
    case 'signature':
      return `<div class="doc-signature">${b.lines.map((l) => `<div>${esc(l)}</div>`).join('')}</div>`;
    case 'note':
      return `<aside class="doc-note">${esc(b.text).replace(/\n/g, '<br>')}</aside>`;
  }
}

export function renderHtml(model: DocModel): string {
  return `<article class="doc" lang="${model.lang}"><h1>${esc(model.title)}</h1>${model.subtitle ? `<p class="doc-subtitle">${esc(model.subtitle)}</p>` : ''}${model.blocks.map(block).join('\n')}${
    model.annex?.length ? `<hr class="doc-annex">${model.annex.map(block).join('\n')}` : ''
  }${
    model.footer ? `<footer>${esc(model.footer)}</footer>` : ''
  }</article>`;
}
