/** The shapes the consoles read (as the API's OpenAPI document declares them). */
import type { IntakeFieldRule } from '../../../../libs/calls/src/intake-rules';

export type IntakeField = IntakeFieldRule;

export interface IntakeScript {
  clientId: string;
  name: string;
  greeting: string | null;
  intakeFields: IntakeField[];
  instructionsVersion: number;
}

export interface AgentLimits {
  recordingMaxBytes: number;
  workingWindowHours: number;
}

export interface CallerMessage {
  id: string;
  clientId: string;
  callId: string;
  callerName: string;
  callerPhone: string;
  callerEmail: string | null;
  body: string;
  urgency: 'normal' | 'urgent';
  callbackRequested: boolean;
  customFields: Record<string, string | number | boolean>;
  createdAt: string;
  correctedAt?: string | null;
}

export interface Recording {
  id: string;
  callId: string;
  clientId: string;
  status: string;
  size: number | null;
  sha256: string | null;
  storedAt: string | null;
}

export interface Client {
  id: string;
  name: string;
  status: 'active' | 'terminated';
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contractEndedAt: string | null;
  createdAt: string;
}

export interface Instructions {
  id: string;
  version: number;
  greeting: string | null;
  intakeFields: IntakeField[];
  recordingRetentionDays: number;
  deliveryExpiryHours: number;
  callerDataRetentionDays: number;
  supervisorReviewAllowed: boolean;
  aggregateStatisticsAllowed: boolean;
  /** Present once the confirmed-receipt work adds it to the instructions. */
  receiptWindowMinutes?: number;
  createdBy: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  role: 'agent' | 'supervisor' | 'admin' | 'dpo' | 'client';
  clientId: string | null;
  createdAt: string;
  disabledAt?: string | null;
  lockedUntil?: string | null;
}

export interface IngestKey {
  id: string;
  clientId: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEvent {
  id: string;
  seq: string | null;
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  clientId: string | null;
  dataRole: string;
  purpose: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  details: Record<string, unknown>;
  hash?: string | null;
}

export interface ChainVerification {
  ok: boolean;
  events: number;
  head: { seq: string; hash: string } | null;
  broken?: { seq: string; reason: string };
}

export interface DailyUsage {
  clientId: string;
  from: string;
  to: string;
  days: { date: string; calls: number; minutes: number; messages: number }[];
}

export interface SubProcessor {
  id: string;
  name: string;
  purpose: string;
  location: string;
  dataCategories: string[];
  contractDate: string;
  transferMechanism: string | null;
  status: string;
}

export interface Breach {
  id: string;
  detectedAt: string;
  nature: string;
  dataCategories: string[];
  affectsCallerData: boolean;
  affectsOperatorData: boolean;
  highRisk: boolean;
  regulator: { dueAt: string; hoursLeft: number | null; overdue: boolean; notifiedAt: string | null; notRequiredReason: string | null } | null;
  subjects: { mustBeInformed: boolean; informedAt: string | null; pending: boolean };
  affectedClients: { clientId: string; notifyBy: string; notifiedAt: string | null; channel: string | null; overdue: boolean }[];
  clientsAwaitingNotice: number;
}

export interface DsrForward {
  id: string;
  clientId: string;
  status: string;
  forwardedAt: string;
  forwardedDueAt: string;
  answeredAt: string | null;
  lastInstruction: string | null;
  matches: unknown[];
}

export interface Dsr {
  id: string;
  type: string;
  status: string;
  source: string;
  subject: { name: string | null; email: string | null; phone: string | null };
  receivedAt: string;
  dueAt: string;
  daysLeft: number | null;
  overdue: boolean;
  extension: { months: number; reason: string } | null;
  controllerMatches: { kind: string; id: string; matchedOn: string[] }[] | null;
  forwards: DsrForward[];
  exportedAt: string | null;
  closedAt: string | null;
}

export interface BreakGlassGrant {
  id: string;
  dpoId: string;
  clientId: string;
  reason: string;
  expiresAt: string;
  closedAt: string | null;
  createdAt: string;
}
