import { describe, expect, it } from 'vitest';
import { parseTimeLabel, resolveDate } from './time.js';

const CAP = { y: 2026, m: 11, d: 27 }; // a Friday

function at(label: string, prev: { y: number; m: number; d: number } | null = null, cap: typeof CAP | null = CAP) {
  const t = parseTimeLabel(label);
  if (!t) return null;
  const d = resolveDate(t, cap, prev);
  return d ? `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : 'needs-date';
}

describe('time labels of chat separators and call rows', () => {
  it('reads the forms apps print (OCR drops spaces)', () => {
    expect(at('2026年11月1日下午3:55')).toBe('2026-11-01 15:55');
    expect(at('2025年12月3日 09:12')).toBe('2025-12-03 09:12');
    expect(at('11月25日 周三 15:15')).toBe('2026-11-25 15:15');
    expect(at('11月20日晚上8:12')).toBe('2026-11-20 20:12');
    expect(at('中午12:54')).toBe('2026-11-27 12:54');
    expect(at('凌晨12:10')).toBe('2026-11-27 00:10');
    expect(at('昨天 21:05')).toBe('2026-11-26 21:05');
    expect(at('前天上午9:30')).toBe('2026-11-25 09:30');
    expect(at('今天 09:30')).toBe('2026-11-27 09:30');
    expect(at('短信 · 今天 14:32')).toBe('2026-11-27 14:32');
    expect(at('星期三 10:00')).toBe('2026-11-25 10:00');
    expect(at('周五 10:00')).toBe('2026-11-20 10:00'); // the capture day's own weekday is a week back
    expect(at('14:32')).toBe('2026-11-27 14:32');
    expect(at('2026/11/27 14:32')).toBe('2026-11-27 14:32');
    expect(at('18：05')).toBe('2026-11-27 18:05');
    expect(at('星期—09:57')).toBe('2026-11-23 09:57'); // 一 read as a dash
    expect(at('星期曰 09:57')).toBe('2026-11-22 09:57');
  });

  it('carries the year from the separator above, one ahead across new year', () => {
    expect(at('1月5日 10:00', { y: 2025, m: 12, d: 30 })).toBe('2026-01-05 10:00');
    expect(at('12月31日 10:00', { y: 2025, m: 12, d: 30 })).toBe('2025-12-31 10:00');
    // Without one, the capture year, or the year before when that would be after the capture date.
    expect(at('12月28日 10:00')).toBe('2025-12-28 10:00');
  });

  it('relative labels without a capture date need one; written dates do not', () => {
    expect(at('昨天 21:05', null, null)).toBe('needs-date');
    expect(at('2026年3月1日 10:00', null, null)).toBe('2026-03-01 10:00');
  });

  it('message text is never a label', () => {
    for (const s of ['请于今日18:00前还清', '你好', '13812345678', '25:61', '2026年', '呼入 2分15秒']) expect(parseTimeLabel(s)).toBeNull();
  });
});
