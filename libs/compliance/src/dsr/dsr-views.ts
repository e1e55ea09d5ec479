import { daysLeft } from '../rules/deadlines';
import type { DataSubjectRequest } from './data-subject-request.entity';
import type { DsrForward } from './dsr-forward.entity';
import { OPEN_DSR_STATUSES } from './dsr.types';

const deadline = (dueAt: Date, now: Date, open: boolean) => ({
  dueAt,
  daysLeft: open ? daysLeft(dueAt, now) : null,
  overdue: open && dueAt.getTime() < now.getTime(),
});

/** A forward as the DPO sees it: which client, when, what was decided, what was done. Ids only. */
export function forwardSummary(f: DsrForward) {
  return {
    id: f.id,
    clientId: f.clientId,
    status: f.status,
    forwardedAt: f.forwardedAt,
    forwardedDueAt: f.forwardedDueAt,
    forwardedLate: f.forwardedAt.getTime() > f.forwardedDueAt.getTime(),
    answeredAt: f.answeredAt,
    lastInstruction: f.lastInstruction,
    matches: f.matches,
    reports: f.reports,
  };
}

/** The request as the DPO works it. */
export function requestView(r: DataSubjectRequest, forwards: DsrForward[], now: Date) {
  const open = OPEN_DSR_STATUSES.includes(r.status);
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    source: r.source,
    subject: { name: r.subjectName, email: r.subjectEmail, phone: r.subjectPhone },
    details: r.details,
    rectification: r.rectification,
    objectionPurposes: r.objectionPurposes,
    verification: { method: r.verificationMethod, verifiedAt: r.verifiedAt },
    receivedAt: r.receivedAt,
    originalDueAt: r.originalDueAt,
    ...deadline(r.dueAt, now, open),
    extension: r.extendedMonths ? { months: r.extendedMonths, reason: r.extensionReason, extendedAt: r.extendedAt } : null,
    closedAt: r.closedAt,
    outcomeNote: r.outcomeNote,
    controllerMatches: r.controllerMatches,
    reports: r.reports,
    exportedAt: r.exportedAt,
    forwards: forwards.map(forwardSummary),
  };
}

/** The request as the client it was forwarded to sees it: the person's identifiers and its own records only. */
export function inboxView(r: DataSubjectRequest, f: DsrForward, now: Date) {
  const open = f.status !== 'closed';
  return {
    id: r.id,
    forwardId: f.id,
    type: r.type,
    status: f.status,
    subject: { name: r.subjectName, email: r.subjectEmail, phone: r.subjectPhone },
    details: r.details,
    rectification: r.rectification,
    objectionPurposes: r.objectionPurposes,
    receivedAt: r.receivedAt,
    ...deadline(r.dueAt, now, open),
    forwardedAt: f.forwardedAt,
    forwardedDueAt: f.forwardedDueAt,
    answeredAt: f.answeredAt,
    lastInstruction: f.lastInstruction,
    matches: f.matches,
    reports: f.reports,
  };
}
