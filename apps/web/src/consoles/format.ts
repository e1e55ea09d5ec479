/** The portal's formats (Europe/London, UK English), and the consoles' clocks. */
export { formatBytes, formatDate, formatDateTime } from '../lib/format';

/** "2 h 05 min 09 s" until `until`, or "expired". */
export function formatCountdown(until: string | Date, now: number): string {
  const ms = new Date(until).getTime() - now;
  if (ms <= 0) return 'expired';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h} h ` : ''}${String(m).padStart(h ? 2 : 1, '0')} min ${String(sec).padStart(2, '0')} s`;
}

/** Today in London as YYYY-MM-DD, and a day `days` before it. */
export function londonDay(offsetDays = 0, now = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now + offsetDays * 86_400_000));
  return parts;
}
