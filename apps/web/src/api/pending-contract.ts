/**
 * TEMPORARY: the response shapes of routes whose OpenAPI operations do not yet declare a schema (the
 * contract work declares them all). `Ok<>` uses the generated type as soon as the document has one,
 * so once the document is complete this file has no effect and is deleted. Only what the portal reads.
 */
type When = string;

interface RecordingView {
  id: string;
  callId: string;
  clientId: string;
  status: 'receiving' | 'stored' | 'delivered' | 'deleted';
  contentType: string;
  size: number | null;
  sha256: string | null;
  createdAt: When;
  storedAt: When | null;
  retainUntil: When | null;
  deliveredAt: When | null;
  deletedAt: When | null;
}

interface DeliveryView {
  id: string;
  clientId: string;
  status: string;
  recordingCount: number;
  messageCount: number;
  createdAt: When;
  expiresAt: When;
  failedAttempts: number;
  consumedAt: When | null;
  closedAt: When | null;
  downloadUrl: string;
}

interface CreatedDelivery {
  id: string;
  password: string;
  expiresAt: When;
  downloadUrl: string;
  recordingCount: number;
  messageCount: number;
}

interface AuditEventView {
  seq: string;
  occurredAt: When;
  actorId: string | null;
  actorRole: string;
  clientId: string | null;
  dataRole: string;
  purpose: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
  details: Record<string, string | number | boolean | null>;
}

interface ForwardedRequest {
  id: string;
  forwardId: string;
  type: string;
  status: 'awaiting_client' | 'answered' | 'closed';
  subject: { name: string | null; email: string | null; phone: string | null };
  details: string | null;
  receivedAt: When;
  dueAt: When;
  daysLeft: number | null;
  overdue: boolean;
  forwardedAt: When;
  answeredAt: When | null;
  lastInstruction: string | null;
  matches: { kind: string; id: string; matchedOn: string[] }[];
}

interface IntakeField {
  name: string;
  type: string;
  required: boolean;
}

export interface PendingContract {
  '/recordings': { get: RecordingView[] };
  '/deliveries': { get: DeliveryView[]; post: CreatedDelivery };
  '/deliveries/{deliveryId}': { get: DeliveryView };
  '/audit': { get: AuditEventView[] };
  '/dsr': { get: ForwardedRequest[] };
  '/dsr/{id}/actions': { post: unknown };
  '/clients/{clientId}/instructions': { get: { version: number; intakeFields: IntakeField[] } };
}
