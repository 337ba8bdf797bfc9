/**
 * A QR code drawn as SVG by antd's own component, in a chunk of its own: only the two-step login dialog shows one,
 * and imported with the page it added 6.6 KB gzip to what every first visit downloads (e2e/perf.test.ts; 1.6 KB
 * this way, 2026-12-05).
 * Black on white with a 4-module quiet zone whatever the theme, because phone cameras read dark modules on a light
 * ground.
 */
import { QRCode } from 'antd';

export default function QrSvg({ value, size, label, testId }: { value: string; size: number; label: string; testId?: string }) {
  return (
    <QRCode type="svg" value={value} size={size} marginSize={4} color="#000000" bgColor="#ffffff" bordered={false} aria-label={label} data-testid={testId} />
  );
}
