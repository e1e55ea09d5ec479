import type { Principal } from '#access';
import { InvalidInputError } from '../errors';
import { addCalendarMonths, addWorkingDays } from '../rules/deadlines';
import type { DsrType, Rectification } from './dsr.types';

/** Seed 001: complaints and requests about caller data reach the client no more than 24 hours after receipt. */
export const FORWARD_WITHIN_HOURS = 24;
/** Seed 003 / ICO: an extension must be decided and notified within 28 days of receipt. */
export const EXTENSION_WINDOW_DAYS = 28;
export const MAX_EXTENSION_MONTHS = 2;
/** Seed 004: personal data is updated within ten working days. */
export const RECTIFICATION_WORKING_DAYS = 10;

/** Due one calendar month after receipt; rectification within 10 working days. */
export function dueDate(type: DsrType, receivedAt: Date): Date {
  return type === 'rectification' ? addWorkingDays(receivedAt, RECTIFICATION_WORKING_DAYS) : addCalendarMonths(receivedAt, 1);
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type ClientUser = UserPrincipal & { clientId: string };

/** A user of a client business: it sees only requests forwarded to its client, and answers them. */
export const isClientUser = (p: Principal): p is ClientUser => p.kind === 'user' && p.role === 'client' && !!p.clientId;

/** A refusal or an extension says why. */
export function minReason(text: string | undefined, what: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length < 10) throw new InvalidInputError(`${what} must say why, in at least 10 characters`, 'reason_required');
  return trimmed;
}

export function hasValues(values: Rectification | null | undefined): boolean {
  return !!values && [values.name, values.email, values.phone].some((v) => typeof v === 'string' && v.trim().length > 0);
}
