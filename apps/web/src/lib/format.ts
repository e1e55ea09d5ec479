/** Every date and time the portal shows: UK English, in UK time whatever the viewer's machine says. */
const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });

export const formatDateTime = (value: string | Date | null | undefined) => (value ? dateTime.format(new Date(value)) : '—');
export const formatDate = (value: string | Date | null | undefined) => (value ? dateOnly.format(new Date(value)) : '—');

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** Words for the API's codes: "awaiting_client" → "Awaiting client". */
export const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/[_.]/g, ' ');
