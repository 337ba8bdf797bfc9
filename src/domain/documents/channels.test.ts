import { describe, expect, it } from 'vitest';
import { findingsForChannel, proposeChannels } from './channels.js';
import { EV, fakeLaw, finding } from './testing.js';

const channels = fakeLaw().channels();

describe('proposeChannels', () => {
  it('puts the police first for threats and impersonation, then the lender and its regulator', () => {
    const fs = [
      finding('cn.impersonation', [EV.impersonation], { channels: ['lender', 'police', '12378'], severity: 'critical' }),
      finding('cn.night-contact', [EV.night], { channels: ['lender', '12378', '12321'], severity: 'medium' }),
    ];
    const p = proposeChannels(['consumer_finance'], fs, channels);
    expect(p.map((x) => x.id)).toEqual(['police', 'lender', '12378', '12321']);
    expect(p[0]!.urgent).toBe(true);
    expect(p[0]!.rules).toEqual(['cn.impersonation']);
    expect(p.find((x) => x.id === '12321')!.handles.zh).toBe('骚扰');
    expect(p.every((x) => x.letter)).toBe(true);
  });

  it('uses the channels’ own rules and lender types for findings that name no channel', () => {
    const fs = [finding('cn.third-party-contact', [EV.toContact], { channels: [] })];
    const micro = proposeChannels(['microloan'], fs, channels).map((x) => x.id);
    expect(micro).toContain('12321');
    expect(micro).toContain('pi_regulator');
    expect(micro).not.toContain('police');
  });

  it('a regulator named by no finding is not proposed when the rules narrowed them', () => {
    const fs = [finding('cn.third-party-contact', [EV.toContact], { channels: ['lender', '12378'] })];
    expect(proposeChannels(['consumer_finance'], fs, channels).map((x) => x.id)).not.toContain('local_regulator');
  });

  it('proposes nothing without findings', () => {
    expect(proposeChannels(['bank'], [], channels)).toEqual([]);
  });

  it('a letter to the lender covers every finding; to another channel, only its own', () => {
    const fs = [
      finding('cn.impersonation', [EV.impersonation], { channels: ['police'] }),
      finding('cn.night-contact', [EV.night], { channels: ['12321'] }),
    ];
    const lender = channels.find((c) => c.id === 'lender')!;
    const police = channels.find((c) => c.id === 'police')!;
    expect(findingsForChannel(lender, fs, ['bank'])).toHaveLength(2);
    expect(findingsForChannel(police, fs, ['bank']).map((f) => f.rule)).toEqual(['cn.impersonation']);
  });
});
