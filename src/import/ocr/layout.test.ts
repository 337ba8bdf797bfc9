import { describe, expect, it } from 'vitest';
import { toIsoLocal } from '../../domain/time.js';
import { ImageError } from './header.js';
import { analyzeScreen, parseDuration, screenEvents, tidyText } from './layout.js';
import type { OcrLine, OcrPage, Rgb } from './types.js';

const W = 736;
const GREY: Rgb = [237, 237, 237];
const WHITE: Rgb = [254, 254, 254];
const GREEN: Rgb = [150, 236, 105];
const INK: Rgb = [20, 20, 20];
const RED: Rgb = [229, 55, 51];
const L = (text: string, x0: number, y0: number, x1: number, bg: Rgb, ink: Rgb = INK, conf = 0.99): OcrLine => ({ text, conf, x0, y0, x1, y1: y0 + 30, bg, ink });
const page = (lines: OcrLine[], bg: Rgb = GREY, height = 1600): OcrPage => ({ width: W, height, scale: 0.63, bg, lines, format: 'png', originalWidth: 1170, originalHeight: 2532 });
const opts = { captured: { y: 2026, m: 11, d: 27 }, tz: 'Asia/Shanghai', sha256: 'a'.repeat(64), file: 'x.png' };
const local = (ms: number) => toIsoLocal(ms, 'Asia/Shanghai').slice(0, 16);

/** A WeChat thread; `shift` scrolls it up (lines above the top are cut off, as on the next screenshot). */
function wechat(shift = 0): OcrPage {
  const lines = [
    L('2026年11月1日下午3:55', 245, 160, 492, GREY, [136, 136, 136]),
    L('他们说是融易借的，让我转告你赶', 141, 232, 591, WHITE),
    L('紧还钱', 139, 274, 232, WHITE),
    L('11月14日上午7:51', 274, 366, 462, GREY, [136, 136, 136]),
    L('对方语气很凶，还说要到你老家去', 141, 439, 590, WHITE),
    L('对不起，给你添麻烦了', 300, 520, 595, GREEN),
    L('昨天上午7:09', 298, 600, 437, GREY, [136, 136, 136]),
    L('你到底欠了多少？需要帮忙吗', 141, 680, 530, WHITE),
  ]
    .map((l) => ({ ...l, y0: l.y0 - shift, y1: l.y1 - shift }))
    .filter((l) => l.y0 > 100);
  return page([L('表哥', 333, 32, 405, GREY), ...lines]);
}

describe('chat screens', () => {
  it('WeChat: the header names the counterpart, bubbles take the separator above them, colour gives the side', () => {
    const a = analyzeScreen(wechat());
    expect(a.kind).toBe('wechat');
    expect(a.counterpart).toMatchObject({ name: '表哥', number: null });
    const { events, untimed, needsDate } = screenEvents(a, opts);
    expect(needsDate).toBe(false);
    expect(untimed).toBe(0);
    expect(events.map((e) => [e.kind, e.direction, local(e.at), e.text])).toEqual([
      ['im', 'in', '2026-11-01T15:55', '他们说是融易借的，让我转告你赶紧还钱'],
      ['im', 'in', '2026-11-14T07:51', '对方语气很凶，还说要到你老家去'],
      ['im', 'out', '2026-11-14T07:51', '对不起，给你添麻烦了'],
      ['im', 'in', '2026-11-26T07:09', '你到底欠了多少？需要帮忙吗'],
    ]);
    expect(events[0]!.meta).toMatchObject({ source: 'ocr', confidence: 0.99, screenshot: opts.sha256 });
  });

  it('an overlapping screenshot of the same thread gives the same keys; bubbles above its first separator are left out', () => {
    const first = screenEvents(analyzeScreen(wechat()), opts).events;
    const next = screenEvents(analyzeScreen(wechat(150)), opts);
    expect(next.untimed).toBe(1); // 紧还钱's bubble lost its separator
    const keys = new Set(first.map((e) => e.dedupeKey));
    expect(next.events.length).toBe(3);
    for (const e of next.events) expect(keys.has(e.dedupeKey)).toBe(true);
  });

  it('SMS with a number header; relative dates need a capture date', () => {
    const p = page([L('10690557353570', 189, 32, 396, [250, 250, 250]), L('昨天 21:05', 300, 126, 440, WHITE, [137, 137, 137]), L('你欠的16，918.86元到底什么时候', 38, 183, 409, [233, 233, 233]), L('还？', 36, 219, 80, [233, 233, 233])], WHITE);
    const a = analyzeScreen(p);
    expect(a.kind).toBe('sms');
    expect(a.counterpart?.number).toBe('10690557353570');
    const ev = screenEvents(a, opts).events;
    expect(ev.map((e) => [e.direction, local(e.at), e.text, e.number])).toEqual([['in', '2026-11-26T21:05', '你欠的16,918.86元到底什么时候还？', '10690557353570']]);
    expect(ev[0]!.meta?.review).toEqual(['amount']);
    expect(screenEvents(a, { ...opts, captured: null })).toMatchObject({ needsDate: true, events: [] });
  });

  it('delivery notes, the input bar and centred system notices are not messages; a time beside a bubble is its own', () => {
    const g: Rgb = [137, 137, 137];
    const p = page(
      [
        L('95588', 300, 32, 400, [250, 250, 250]),
        L('11月20日 09:00', 290, 126, 446, WHITE, g),
        L('您尾号1234的账户已逾期', 38, 183, 420, [233, 233, 233]),
        L('09:12', 40, 222, 100, WHITE, g),
        L('以下为新消息', 318, 300, 418, WHITE, [150, 150, 150]),
        L('好的，我知道了', 450, 360, 700, [52, 199, 89]),
        L('已送达', 640, 400, 700, WHITE, g),
        L('短信', 60, 1520, 120, WHITE, [160, 160, 160]),
      ],
      WHITE,
    );
    const ev = screenEvents(analyzeScreen(p), opts).events;
    expect(ev.map((e) => [e.direction, local(e.at), e.text])).toEqual([
      ['in', '2026-11-20T09:12', '您尾号1234的账户已逾期'],
      ['out', '2026-11-20T09:00', '好的，我知道了'],
    ]);
  });

  it('low-confidence text is marked for review', () => {
    const p = wechat();
    p.lines[5] = { ...p.lines[5]!, conf: 0.6 };
    const ev = screenEvents(analyzeScreen(p), opts);
    expect(ev.lowConfidence).toBe(1);
    expect(ev.events.find((e) => (e.meta?.review as string[]).includes('low_confidence'))?.text).toContain('对方语气很凶');
  });

  it('a screen without time separators is an unknown layout, an empty one has no text', () => {
    const err = (p: OcrPage) => {
      try {
        analyzeScreen(p);
      } catch (e) {
        return (e as ImageError).problem;
      }
      return null;
    };
    expect(err(page([L('设置', 300, 30, 400, WHITE), L('通用', 40, 200, 120, WHITE), L('关于本机', 40, 260, 160, WHITE)], WHITE))).toBe('unknown_layout');
    expect(err(page([], WHITE))).toBe('no_text');
  });
});

describe('call-log screens', () => {
  it('rows give number, time, direction, missed (red) and duration', () => {
    const g: Rgb = [133, 133, 133];
    const p = page(
      [
        L('通话记录', 35, 47, 228, WHITE), L('全部 未接', 32, 124, 203, WHITE, [69, 89, 116]),
        L('15891889970', 35, 215, 240, WHITE), L('19:39', 640, 238, 704, WHITE, g), L('呼出 4分8秒四川成都', 34, 265, 269, WHITE, g),
        L('13959581337', 35, 355, 240, WHITE, RED), L('11月25日14:29', 532, 379, 702, WHITE, g), L('未接来电浙江杭州', 35, 405, 235, WHITE, g),
        L('02126126626', 36, 493, 240, WHITE), L('昨天 20:23', 533, 519, 702, WHITE, g), L('呼入 1:02:03 浙江杭州', 35, 546, 281, WHITE, g),
      ],
      WHITE,
    );
    const a = analyzeScreen(p);
    expect(a.kind).toBe('call-log');
    const ev = screenEvents(a, opts).events;
    expect(ev.map((e) => [e.number, local(e.at), e.direction, e.callStatus, e.durationS])).toEqual([
      ['15891889970', '2026-11-27T19:39', 'out', 'outgoing', 248],
      ['13959581337', '2026-11-25T14:29', 'in', 'missed', null],
      ['02126126626', '2026-11-26T20:23', 'in', 'answered', 3723],
    ]);
  });

  it('durations and OCR tidying', () => {
    expect(parseDuration('呼入 2分15秒 广东深圳')).toBe(135);
    expect(parseDuration('呼入 1小时3分')).toBe(3780);
    expect(parseDuration('呼出 45秒')).toBe(45);
    expect(parseDuration('未接来电 北京')).toBeNull();
    expect(tidyText('欠款12，345.67元，请于18：00前')).toBe('欠款12,345.67元，请于18:00前');
    expect(tidyText('你欠的33.591.75元，1.234.567.89元，版本1.2.3')).toBe('你欠的33,591.75元，1,234,567.89元，版本1.2.3');
  });
});
