/**
 * Finds literal human text in JSX: text between tags, and string props that people read
 * (title, placeholder, label, aria-label, alt). Such text belongs in the i18n layer.
 */
export interface UiTextHit {
  line: number;
  text: string;
}

const READ_PROPS = /\b(title|placeholder|label|aria-label|alt|okText|cancelText|tooltip|description|message)\s*=\s*"([^"]*)"/g;
const HUMAN = /[\p{Script=Han}]|[A-Za-z]{2,}\s+[A-Za-z]{2,}/u;

export function findLiteralUiText(source: string): UiTextHit[] {
  const hits: UiTextHit[] = [];
  const lineOf = (i: number) => source.slice(0, i).split('\n').length;
  // Text children: >text< with no braces.
  for (const m of source.matchAll(/>([^<>{}]+)</g)) {
    const text = m[1]!.trim();
    if (text && HUMAN.test(text) && !/^[\s\d.,:;·%/()-]*$/.test(text)) hits.push({ line: lineOf(m.index! + 1), text });
  }
  for (const m of source.matchAll(READ_PROPS)) {
    const text = m[2]!.trim();
    if (text && HUMAN.test(text)) hits.push({ line: lineOf(m.index!), text });
  }
  return hits;
}
