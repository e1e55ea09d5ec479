import { Injectable } from '@nestjs/common';
import type { Principal } from '#access';
import { ForbiddenError, InvalidInputError } from '../errors';
import { ClientInstructions } from './client-instructions';
import { DPO_ACTIONS, DpoAction, DpoWorkflow, DsrAction } from './dpo-workflow';
import { DsrExport, DsrExports } from './dsr-exports';
import { DsrIntake, NewDsr } from './dsr-intake';
import { DsrReads } from './dsr-reads';
import { dueDate, isClientUser } from './dsr-rules';
import type { DsrType } from './dsr.types';

export { DPO_ACTIONS, DSR_ACTIONS } from './dpo-workflow';
export type { DpoAction, DsrAction, DsrActionName } from './dpo-workflow';
export type { DsrExport } from './dsr-exports';
export type { NewDsr } from './dsr-intake';
export { EXTENSION_WINDOW_DAYS, FORWARD_WITHIN_HOURS, MAX_EXTENSION_MONTHS, RECTIFICATION_WORKING_DAYS } from './dsr-rules';

/**
 * Data subject requests (D7–D10, D15), as the API sees them. The DPO works the operator's own records
 * (DpoWorkflow); requests about caller data are forwarded to each client that controls them (DsrIntake),
 * which answers with an instruction that the processor carries out and reports back
 * (ClientInstructions). Exports are DsrExports; reads are DsrReads. Deadlines come from the injected clock.
 */
@Injectable()
export class DsrService {
  constructor(
    private readonly intake: DsrIntake,
    private readonly reads: DsrReads,
    private readonly workflow: DpoWorkflow,
    private readonly instructions: ClientInstructions,
    private readonly exports: DsrExports,
  ) {}

  /** Due one calendar month after receipt; rectification within 10 working days. */
  static dueDate(type: DsrType, receivedAt: Date): Date {
    return dueDate(type, receivedAt);
  }

  /** Records the request, finds the person's records, and forwards caller records to each owning client. */
  async create(principal: Principal, input: NewDsr) {
    return this.reads.get(principal, await this.intake.register(principal, input), false);
  }

  /** Open requests, overdue first (then by due date). A client user sees only requests forwarded to its client. */
  list(principal: Principal, status: 'open' | 'closed' | 'all' = 'open') {
    return this.reads.list(principal, status);
  }

  get(principal: Principal, id: string, audited = true) {
    return this.reads.get(principal, id, audited);
  }

  async act(principal: Principal, id: string, action: DsrAction) {
    if (isClientUser(principal)) {
      const delivery = await this.instructions.instruct(principal, id, action);
      return { ...(await this.reads.get(principal, id, false)), ...(delivery !== undefined ? { delivery } : {}) };
    }
    if (principal.kind !== 'user' || principal.role !== 'dpo') throw new ForbiddenError('Only the DPO works data subject requests');
    if (!(DPO_ACTIONS as readonly string[]).includes(action.action)) {
      throw new InvalidInputError(`action ${action.action} is the controlling client's instruction; the DPO may: ${DPO_ACTIONS.join(', ')}`);
    }
    await this.workflow.act(principal, id, action as DsrAction & { action: DpoAction });
    return this.reads.get(principal, id, false);
  }

  export(principal: Principal, id: string): Promise<DsrExport> {
    return this.exports.export(principal, id);
  }
}
