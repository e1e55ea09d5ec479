/** The id and password an HTTP Basic `Authorization` header carries; null when it carries none. */
export function parseBasicCredentials(header: string | undefined): { user: string; password: string } | null {
  if (!header) return null;
  const match = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = decoded.slice(0, colon).trim();
  const password = decoded.slice(colon + 1);
  if (!user || !password.trim()) return null;
  return { user, password };
}

export const BASIC_CHALLENGE = 'Basic realm="CallVault delivery", charset="UTF-8"';
