/**
 * How a data subject's identifiers are looked for in any library's tables. The compliance library
 * normalises what the requester gave (its rules/identifiers); each owning library runs the search on
 * its own tables with these keys and the SQL expressions below, so every table compares alike.
 */
export interface PersonSearchKeys {
  /** Lower-cased e-mail address, or null. */
  email: string | null;
  /** The digit strings the person's phone number may be stored as (see phoneDigitVariants). */
  phones: string[];
  /** Trimmed, space-folded, lower-cased name, or null. */
  name: string | null;
  /**
   * A name alone finds a record only when the request gives nothing else: otherwise a namesake's
   * record would be worked (or erased). With an e-mail or phone given, a matching name only corroborates.
   */
  nameAlone: boolean;
}

/** SQL reducing a stored phone number to its digits. */
export const digitsOf = (column: string) => `regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`;
/** SQL reducing a stored name to trimmed, space-folded lower case. */
export const foldedOf = (column: string) => `lower(regexp_replace(btrim(coalesce(${column}, '')), '\\s+', ' ', 'g'))`;

/** Which identifiers matched, from the boolean columns a search selects as on_email, on_phone, on_name. */
export type MatchField = 'name' | 'email' | 'phone';
export function matchedFields(row: { on_email?: boolean; on_phone?: boolean; on_name?: boolean }): MatchField[] {
  const out: MatchField[] = [];
  if (row.on_name) out.push('name');
  if (row.on_email) out.push('email');
  if (row.on_phone) out.push('phone');
  return out;
}
