import { describe, expect, it } from 'vitest';
import { captureDateFromName, SCREENSHOT_NAME_PATTERNS } from './name-date.js';

const tz = 'Asia/Shanghai';

describe('capture date from a screenshot file name', () => {
  it('reads the forms the issue names, with the pattern and whether it was seen in public sources', () => {
    expect(captureDateFromName('Screenshot_20261103-214501.jpg', tz)).toEqual({ date: '2026-11-03', time: '21:45:01', pattern: 'android-screenshot', seen: true });
    expect(captureDateFromName('Screenshot_20261103_214501_com.tencent.mm.jpg', tz)).toMatchObject({ date: '2026-11-03', pattern: 'android-screenshot' });
    expect(captureDateFromName('IMG_20261103_214501.jpg', tz)).toEqual({ date: '2026-11-03', time: '21:45:01', pattern: 'camera-img', seen: true });
    expect(captureDateFromName('微信图片_20261103214501.jpg', tz)).toEqual({ date: '2026-11-03', time: '21:45:01', pattern: 'wechat', seen: true });
    expect(captureDateFromName('微信图片_20260609121134_184_31.jpg', tz)).toMatchObject({ date: '2026-06-09', pattern: 'wechat' });
    expect(captureDateFromName('Screenshot 2026-11-03 at 21.45.01.png', tz)).toEqual({ date: '2026-11-03', time: '21:45:01', pattern: 'macos', seen: true });
    expect(captureDateFromName('Screen Shot 2026-11-03 at 9.45.01 PM.png', tz)).toMatchObject({ date: '2026-11-03', time: '21:45:01', pattern: 'macos' });
    expect(captureDateFromName('Screenshot_2026-11-03-21-45-01-123_com.tencent.mm.jpg', tz)).toMatchObject({ date: '2026-11-03', pattern: 'miui-screenshot', seen: false });
    expect(captureDateFromName('屏幕截图 2026-11-03 214501.png', tz)).toMatchObject({ date: '2026-11-03', pattern: 'windows' });
    // Epoch milliseconds, read in the case's zone: 2026-11-03 23:30 in Shanghai is still the 3rd there.
    expect(captureDateFromName(`mmexport${Date.parse('2026-11-03T23:30:00+08:00')}.jpg`, tz)).toMatchObject({ date: '2026-11-03', pattern: 'wechat-mmexport' });
    expect(captureDateFromName('催收_20261103_214501.png', tz)).toMatchObject({ date: '2026-11-03', pattern: 'loose', seen: false });
    expect(captureDateFromName('聊天记录 2026-11-03.png', tz)).toMatchObject({ date: '2026-11-03', time: null, pattern: 'loose' });
  });

  it('gives null for names without a real date', () => {
    for (const n of ['IMG_1234.PNG', 'sms.png', 'Screenshot_20261332-214501.jpg', '微信图片_20260230101010.jpg', '13800000000.png', 'photo-123456789012.jpg']) {
      expect(captureDateFromName(n, tz), n).toBeNull();
    }
  });

  it('every pattern id is documented once', () => {
    const ids = SCREENSHOT_NAME_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
