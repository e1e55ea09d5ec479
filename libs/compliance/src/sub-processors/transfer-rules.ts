import type { TransferMechanism } from './sub-processor.entity';

/** The UK and the EEA (EU member states, Iceland, Liechtenstein, Norway): no transfer safeguard needed. */
export const UK_AND_EEA = new Set([
  'GB', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

/**
 * Countries with an adequacy decision recognised by both the UK and the EU (US: only for organisations
 * certified under the Data Privacy Framework / UK extension; say so in the mechanism reference).
 * Decisions change: review this list with the register.
 */
export const ADEQUATE_COUNTRIES = new Set(['AD', 'AR', 'CA', 'CH', 'FO', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'UY', 'US']);

export const needsTransferMechanism = (location: string) => !UK_AND_EEA.has(location);

/** Why this location and mechanism cannot carry personal data, or null when they can. */
export function transferProblem(location: string, mechanism: TransferMechanism | null): string | null {
  if (!needsTransferMechanism(location)) return null;
  if (!mechanism) {
    return `${location} is outside the UK and the EEA: a transfer needs an adequacy decision, standard contractual clauses (sccs) or binding corporate rules (bcrs)`;
  }
  if (mechanism === 'adequacy' && !ADEQUATE_COUNTRIES.has(location)) {
    return `${location} has no adequacy decision: use standard contractual clauses (sccs) or binding corporate rules (bcrs)`;
  }
  return null;
}
