import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wav } from './recording-testing.js';
import { amrDuration, detectRecording, parseRecordingName, recordingDuration, RECORDING_NAME_PATTERNS } from './recording.js';

const FIX = new URL('../../test/fixtures/recordings/', import.meta.url);
const fixture = (n: string) => readFileSync(new URL(n, FIX));
const TZ = 'Asia/Shanghai';
const at = (s: string) => Date.parse(s);

describe('recording containers', () => {
  it('detects each container by content and reads its duration', async () => {
    const cases: [string, Buffer, string, number][] = [
      ['a.wav', wav(2.5), 'wav', 2.5],
      ['a.m4a', fixture('tone-3s.m4a'), 'm4a', 3.1],
      ['a.mp3', fixture('tone-3s.mp3'), 'mp3', 3.2],
      ['a.aac', fixture('tone-3s.aac'), 'aac', 3.2],
      ['a.amr', fixture('tone-3s.amr'), 'amr', 3],
    ];
    for (const [name, bytes, kind, secs] of cases) {
      expect(detectRecording(bytes.subarray(0, 64), name)).toBe(kind);
      // The name does not decide: a wrong extension is read by content.
      expect(detectRecording(bytes.subarray(0, 64), 'x.bin') ?? 'm4a').toBe(kind);
      const d = await recordingDuration(bytes, kind as never);
      expect(d).not.toBeNull();
      expect(Math.abs(d! - secs)).toBeLessThanOrEqual(0.2);
    }
  });

  it('is not fooled by other files, and a damaged one has no duration', async () => {
    expect(detectRecording(Buffer.from('%PDF-1.7\n'), 'a.mp3')).toBeNull();
    expect(detectRecording(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a.png')).toBeNull();
    expect(detectRecording(Buffer.from('<?xml version="1.0"?><smses>'), 'a.xml')).toBeNull();
    expect(await recordingDuration(Buffer.from('RIFF\0\0\0\0WAVE'), 'wav')).toBeNull();
    expect(amrDuration(Buffer.from('#!AMR\n'))).toBe(0);
    expect(amrDuration(Buffer.concat([Buffer.from('#!AMR\n'), Buffer.from([0x3c]), Buffer.alloc(10)]))).toBe(0); // cut-off frame
  });
});

describe('recording file names', () => {
  it('reads the documented patterns', () => {
    const cases: [string, Partial<ReturnType<typeof parseRecordingName>>][] = [
      ['20240612_074213.088+0800_in_sim1_13812345678_张三.m4a', { pattern: 'bcr', number: '13812345678', at: at('2024-06-12T07:42:13.088+08:00'), direction: 'in', contactName: '张三' }],
      ['20240612_074213.088+0000_out_10690000123456.oga', { pattern: 'bcr', number: '10690000123456', at: at('2024-06-12T07:42:13.088Z'), direction: 'out' }],
      ['通话录音@张三(13812345678)_20240612074213.mp3', { pattern: 'miui', number: '13812345678', at: at('2024-06-12T07:42:13+08:00'), contactName: '张三' }],
      ['13812345678(13812345678)_20240612074213.mp3', { pattern: 'miui', number: '13812345678', contactName: null }],
      ['Call recording 13812345678_240612_074213.m4a', { pattern: 'google-samsung', number: '13812345678', at: at('2024-06-12T07:42:13+08:00') }],
      ['2024-06-12 07.42.13 ↓ 13812345678.wav', { pattern: 'axet', number: '13812345678', direction: 'in', at: at('2024-06-12T07:42:13+08:00') }],
      ['13812345678_20240612074213.amr', { pattern: 'number-datetime', number: '13812345678', at: at('2024-06-12T07:42:13+08:00'), direction: null }],
      ['张三 13812345678 2024-06-12 07-42-13.amr', { pattern: 'number-datetime', number: '13812345678', contactName: '张三' }],
      ['rec_20240612-074213_out_+8613812345678.m4a', { pattern: 'loose', number: '13812345678', direction: 'out', at: at('2024-06-12T07:42:13+08:00') }],
      ['录音 1.m4a', { pattern: null, number: null, at: null }],
    ];
    for (const [name, want] of cases) expect(parseRecordingName(name, TZ), name).toMatchObject(want);
  });

  it('says which patterns were seen in public sources', () => {
    expect(RECORDING_NAME_PATTERNS.filter((p) => p.seen).map((p) => p.id)).toEqual(['bcr', 'miui', 'google-samsung', 'axet']);
    expect(parseRecordingName('13812345678_20240612074213.amr', TZ).seen).toBe(false);
    expect(parseRecordingName('通话录音@张三(13812345678)_20240612074213.mp3', TZ).seen).toBe(true);
  });
});
