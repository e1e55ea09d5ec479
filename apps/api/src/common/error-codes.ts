import { ACCESS_ERROR_CODES } from '#access';
import { CALLS_ERROR_CODES } from '#calls';
import { CLIENTS_ERROR_CODES } from '#clients';
import { COMPLIANCE_ERROR_CODES } from '#compliance';
import { DELIVERIES_ERROR_CODES } from '#deliveries';
import { COMMON_ERROR_CODES } from '#errors';
import { IDENTITY_ERROR_CODES } from '#identity';
import { NOTIFICATIONS_ERROR_CODES } from '#notifications';

/**
 * Every code an error body may carry, one list per library, each published in the API document as an
 * enum schema of this name; ApiErrorDto.code is any of them. The lists are the libraries' own typed
 * unions, so a new code appears here by being added there.
 */
export const ERROR_CODE_SCHEMAS: Record<string, { description: string; codes: readonly string[] }> = {
  CommonErrorCode: { description: 'Generic refusals any part of the API may answer with', codes: COMMON_ERROR_CODES },
  AccessErrorCode: { description: 'Authentication, roles, tenants, purposes, break-glass and ingest keys', codes: ACCESS_ERROR_CODES },
  IdentityErrorCode: { description: 'Accounts, sign-in, second factor and password resets', codes: IDENTITY_ERROR_CODES },
  ClientsErrorCode: { description: 'Clients and their processing instructions', codes: CLIENTS_ERROR_CODES },
  CallsErrorCode: { description: 'Calls, caller messages, recordings and client public keys', codes: CALLS_ERROR_CODES },
  DeliveriesErrorCode: { description: 'Deliveries, their downloads and receipts', codes: DELIVERIES_ERROR_CODES },
  NotificationsErrorCode: { description: 'Notices to clients and their webhooks', codes: NOTIFICATIONS_ERROR_CODES },
  ComplianceErrorCode: { description: 'Breaches, consent, sub-processors, data subject requests, retention and usage', codes: COMPLIANCE_ERROR_CODES },
};
