import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block, DocModel, Priority } from '../domain/documents/model.js';
import { sampleComplaint } from './sample.js';
import { measureText, renderText } from './text.js';

describe('renderText', () => {
  it('renders every block as plain text', () => {
    const t = renderText(sampleComplaint({ rows: 2 }));
    expect(t.startsWith('关于某某消费金融有限公司违规催收的投诉书\n\n致：国家金融监督管理总局某某监管局\n\n【提示】草稿')).toBe(true);
    expect(t).toContain('1. 夜间（22:00–08:00）来电 23 次；\n2. 向第三人');
    expect(t).toContain('- 立即停止向第三人催收；');
    expect(t).toContain('日期：2026-01-01；时间：23:10；号码：13900001111；类型：来电；内容摘要：未接通（响铃 40 秒）');
    expect(t).toContain('《中华人民共和国个人信息保护法》第十条：“任何组织');
    expect(t).toContain('（行业自律（非强制））');
    expect(t).not.toContain('未核对原文');
    // An English gloss is printed as it is, a Chinese excerpt in quotation marks.
    const gloss = renderText({ title: 'T', lang: 'en', blocks: [{ type: 'citation', law: 'Civil Code', article: 'Art. 1033', excerpt: 'No harassment by phone.', excerptIsGloss: true, tierLabel: 'Statute', verified: true }] });
    expect(gloss).toContain('Civil Code Art. 1033: No harassment by phone. (Statute)');
    expect(t.endsWith('投诉人：王小明\n联系电话：138****5678\n2026年1月5日')).toBe(true);
  });

  it('shortens by dropping low, then normal blocks, keeping the title, facts and demands', () => {
    const m = sampleComplaint({ rows: 30 });
    const full = renderText(m);
    const t = renderText(m, 400);
    expect(measureText(full)).toBeGreaterThan(400);
    expect(measureText(t)).toBeLessThanOrEqual(400);
    expect(t.startsWith(m.title)).toBe(true);
    expect(t).toContain('再不还钱就爆你通讯录');
    expect(t).toContain('依法处理相关催收人员，并书面答复处理结果。');
    expect(t).toContain('三、投诉请求');
    expect(t).not.toContain('【提示】');
    expect(t).not.toContain('内容摘要：');
    expect(renderText(m, 400)).toBe(t); // deterministic
  });

  it('cuts the key blocks evenly when even they do not fit, and the title last', () => {
    const m = sampleComplaint();
    const t = renderText(m, 120);
    expect(measureText(t)).toBeLessThanOrEqual(120);
    expect(t.startsWith(m.title + '\n')).toBe(true);
    expect(t).toContain('1. 夜间');
    expect(t).toContain('- 立即停止向第三人催收');
    expect(t).toContain('…');
    expect(renderText(m, 10)).toBe('关于某某消费金融有…');
    expect(renderText(m, 0)).toBe('');
  });

  it('counts UTF-16 units and CR LF when asked', () => {
    const m: DocModel = { title: '𠮷😀', lang: 'zh-CN', blocks: [{ type: 'paragraph', priority: 'key', text: '😀😀😀😀😀😀' }] };
    expect(measureText('𠮷😀')).toBe(2);
    expect(measureText('𠮷😀', { unit: 'utf16' })).toBe(4);
    expect(measureText('a\nb', { newlineWeight: 2 })).toBe(4);
    const t = renderText(m, 9, { unit: 'utf16' });
    expect(t.length).toBeLessThanOrEqual(9);
    expect(t).toBe('𠮷😀\n😀…');
    expect(renderText(m, 9)).toBe('𠮷😀\n😀😀😀😀😀😀'); // 9 code points: the compact form fits whole
  });
});

const textArb = fc.string({ unit: 'grapheme', maxLength: 60 });
const prioArb = fc.option(fc.constantFrom<Priority>('key', 'normal', 'low'), { nil: undefined });
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const), text: textArb, priority: prioArb }),
  fc.record({ type: fc.constant('paragraph' as const), text: fc.oneof(textArb, fc.array(fc.record({ text: textArb, bold: fc.boolean() }), { maxLength: 3 })), priority: prioArb }),
  fc.record({ type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(textArb, { maxLength: 4 }), priority: prioArb }),
  fc.record({ type: fc.constant('table' as const), headers: fc.array(textArb, { maxLength: 3 }), rows: fc.array(fc.array(textArb, { maxLength: 3 }), { maxLength: 3 }), priority: prioArb }),
  fc.record({ type: fc.constant('citation' as const), law: textArb, article: fc.option(textArb, { nil: null }), excerpt: textArb, tierLabel: textArb, verified: fc.boolean(), priority: prioArb }),
  fc.record({ type: fc.constant('signature' as const), lines: fc.array(textArb, { maxLength: 3 }), priority: prioArb }),
  fc.record({ type: fc.constant('note' as const), text: textArb, priority: prioArb }),
);
const modelArb: fc.Arbitrary<DocModel> = fc.record({
  title: textArb,
  lang: fc.constantFrom('zh-CN' as const, 'en' as const),
  blocks: fc.array(blockArb, { maxLength: 12 }),
  subtitle: fc.option(textArb, { nil: undefined }),
});
const optsArb = fc.record({ unit: fc.constantFrom('codepoint' as const, 'utf16' as const), newlineWeight: fc.constantFrom(1, 2) });

describe('renderText property', () => {
  it('never exceeds the limit, keeps the title when it fits, and is deterministic', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 600 }), optsArb, (m, limit, opts) => {
        const t = renderText(m, limit, opts);
        expect(measureText(t, opts)).toBeLessThanOrEqual(limit);
        if (measureText(m.title, opts) <= limit) expect(t.startsWith(m.title)).toBe(true);
        expect(renderText(m, limit, opts)).toBe(t);
        const full = renderText(m, undefined, opts);
        if (measureText(full, opts) <= limit) expect(t).toBe(full);
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps every key block whole when the title and key blocks fit in compact form', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 50 }), (m0, slack) => {
        // Only paragraphs are key here, so that the compact size of the key blocks is their plain text.
        const m = { ...m0, blocks: m0.blocks.map((b) => (b.priority === 'key' && b.type !== 'paragraph' ? { ...b, priority: 'normal' as const } : b)) };
        const keyText = m.blocks
          .filter((b) => b.priority === 'key' && b.type === 'paragraph')
          .map((b) => (b.type === 'paragraph' ? (typeof b.text === 'string' ? b.text : b.text.map((r) => r.text).join('')) : ''))
          .filter((s) => s.length > 0);
        const need = measureText(m.title) + keyText.reduce((n, s) => n + 1 + measureText(s), 0);
        const t = renderText(m, need + slack);
        expect(measureText(t)).toBeLessThanOrEqual(need + slack);
        for (const s of keyText) expect(t).toContain(s);
      }),
      { numRuns: 1000 },
    );
  });
});
