import { Injectable } from '@nestjs/common';
import { AuditEvent, AuditFilter, AuditService } from '#audit';
import type { Principal } from './principal';

/**
 * Who may read which part of the accountability record: admins and the DPO read all of it; a
 * client user reads the trail of its own client's data and nothing else.
 */
@Injectable()
export class AuditTrailService {
  constructor(private readonly audit: AuditService) {}

  find(principal: Principal, filter: AuditFilter): Promise<AuditEvent[]> {
    if (principal.kind === 'user' && principal.role === 'client') {
      return this.audit.find({ ...filter, clientId: principal.clientId! });
    }
    return this.audit.find(filter);
  }
}
