import { Injectable } from '@nestjs/common';
import { AuditEvent, AuditFilter, AuditService } from '#audit';
import { BreakGlassService } from './break-glass.service';
import type { Principal } from './principal';

/** An event as a reader sees it: break-glass events also say the reason the DPO gave. */
export type AuditTrailEvent = AuditEvent & { breakGlassReason?: string };

/**
 * Who may read which part of the accountability record: admins and the DPO read all of it; a
 * client user reads the trail of its own client's data and nothing else.
 */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditService,
    private readonly breakGlass: BreakGlassService,
  ) {}

  async find(principal: Principal, filter: AuditFilter): Promise<AuditTrailEvent[]> {
    const ownClient = principal.kind === 'user' && principal.role === 'client' ? principal.clientId! : undefined;
    const events: AuditTrailEvent[] = await this.audit.find(ownClient ? { ...filter, clientId: ownClient } : filter);
    // The reason stays in the grant (erasable controller data), not in the immutable chain; it is joined
    // here so the client sees why break-glass reached its data.
    const grantIds = [...new Set(events.filter((e) => e.subjectType === 'break_glass' && e.subjectId).map((e) => e.subjectId!))];
    const reasons = await this.breakGlass.reasons(grantIds, ownClient);
    for (const event of events) {
      const reason = event.subjectId ? reasons.get(event.subjectId) : undefined;
      if (event.subjectType === 'break_glass' && reason) event.breakGlassReason = reason;
    }
    return events;
  }
}
