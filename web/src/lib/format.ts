/** Dates and sizes for display. */

/** "2024-06-01T21:05:00+08:00" → "2024-06-01 21:05"; epoch ms → the browser's local time. */
export function formatAt(iso: string | number | null | undefined): string {
  if (iso == null || iso === '') return '—';
  if (typeof iso === 'number') {
    const d = new Date(iso);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function formatDuration(s: number | null | undefined): string {
  if (s == null) return '';
  const m = Math.floor(s / 60);
  const r = s % 60;
  return m ? `${m}:${String(r).padStart(2, '0')}` : `0:${String(r).padStart(2, '0')}`;
}

/** Today as YYYY-MM-DD in the browser's local time. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Now as YYYY-MM-DDTHH:MM for a datetime-local input. */
export function nowLocalMinute(): string {
  const d = new Date();
  return `${todayLocal()}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function maskNumber(n: string | null | undefined): string {
  if (!n) return '';
  if (n.length >= 7) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  return n;
}
