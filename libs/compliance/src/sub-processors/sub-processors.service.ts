import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { NotFoundError } from '#errors';
import { ConflictError, InvalidInputError } from '../errors';
import { SubProcessor, TransferMechanism } from './sub-processor.entity';
import { SubProcessorsRepository } from './sub-processors.repository';
import { needsTransferMechanism, transferProblem } from './transfer-rules';

export interface NewSubProcessor {
  name: string;
  purpose: string;
  location: string;
  dataCategories: string[];
  contractDate: string;
  transferMechanism?: TransferMechanism | null;
  transferMechanismReference?: string;
}

export interface SubProcessorChanges {
  location?: string;
  purpose?: string;
  dataCategories?: string[];
  transferMechanism?: TransferMechanism | null;
  transferMechanismReference?: string | null;
  status?: 'active' | 'ended';
}

export interface NewTransfer {
  dataCategories: string[];
  purpose: string;
}

/**
 * The sub-processor register (D14): who processes personal data for the operator, why, where, under
 * which contract, and — outside the UK and the EEA — under which transfer safeguard. A sub-processor
 * without one cannot be registered, and no transfer to it is allowed.
 */
@Injectable()
export class SubProcessorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly subProcessors: SubProcessorsRepository,
  ) {}

  async register(principal: Principal, input: NewSubProcessor) {
    const location = input.location.toUpperCase();
    const mechanism = input.transferMechanism ?? null;
    const problem = transferProblem(location, mechanism);
    if (problem) throw new InvalidInputError(`Sub-processor not registered: ${problem}`, 'transfer_mechanism_required');
    if (!needsTransferMechanism(location) && mechanism) throw new InvalidInputError(`${location} is in the UK or the EEA: no transfer mechanism applies`);
    if (new Date(`${input.contractDate}T00:00:00Z`).getTime() > this.clock.now().getTime()) {
      throw new InvalidInputError('contractDate cannot be in the future: register a sub-processor once its contract is signed');
    }
    return this.dataSource.transaction(async (tx) => {
      if (await this.subProcessors.nameTaken(tx, input.name.trim())) throw new ConflictError('A sub-processor with this name is registered already', 'name_taken');
      const saved = await this.subProcessors.register(tx, {
        name: input.name.trim(),
        purpose: input.purpose.trim(),
        location,
        dataCategories: [...new Set(input.dataCategories)],
        contractDate: input.contractDate,
        transferMechanism: mechanism,
        transferMechanismReference: input.transferMechanismReference?.trim() || null,
        createdBy: principal.id,
      });
      await this.event(tx, principal, 'sub_processor.register', saved.id, { location, mechanism: mechanism ?? 'none' });
      return saved;
    });
  }

  list(): Promise<SubProcessor[]> {
    return this.subProcessors.all(this.dataSource.manager);
  }

  async get(id: string): Promise<SubProcessor> {
    const found = await this.subProcessors.byId(this.dataSource.manager, id);
    if (!found) throw new NotFoundError('Sub-processor');
    return found;
  }

  /**
   * Changes the entry. Moving it outside the UK/EEA needs a mechanism; withdrawing a mechanism (an
   * adequacy decision struck down) is allowed and recorded, and then every transfer is refused.
   */
  async update(principal: Principal, id: string, changes: SubProcessorChanges) {
    return this.dataSource.transaction(async (tx) => {
      const entry = await this.subProcessors.lock(tx, id);
      if (!entry) throw new NotFoundError('Sub-processor');
      const location = changes.location?.toUpperCase() ?? entry.location;
      const mechanism = changes.transferMechanism !== undefined ? changes.transferMechanism : entry.transferMechanism;
      if (changes.location && changes.location.toUpperCase() !== entry.location) {
        const problem = transferProblem(location, mechanism);
        if (problem) throw new ConflictError(`Location not changed: ${problem}`, 'transfer_mechanism_required');
      }
      if (mechanism === 'adequacy' && transferProblem(location, mechanism)) throw new InvalidInputError(transferProblem(location, mechanism)!);
      Object.assign(entry, {
        location,
        transferMechanism: needsTransferMechanism(location) ? mechanism : null,
        ...(changes.purpose !== undefined ? { purpose: changes.purpose.trim() } : {}),
        ...(changes.dataCategories !== undefined ? { dataCategories: [...new Set(changes.dataCategories)] } : {}),
        ...(changes.transferMechanismReference !== undefined ? { transferMechanismReference: changes.transferMechanismReference?.trim() || null } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
      });
      const saved = await this.subProcessors.save(tx, entry);
      await this.event(tx, principal, 'sub_processor.update', id, { location, mechanism: saved.transferMechanism ?? 'none', status: saved.status });
      return saved;
    });
  }

  /** Throws when personal data may not go to this sub-processor now; the reason names what is missing. */
  assertTransferAllowed(entry: SubProcessor, dataCategories: string[]): void {
    if (entry.status !== 'active') throw new ConflictError(`Transfer refused: ${entry.name} is no longer an active sub-processor`, 'sub_processor_ended');
    const problem = transferProblem(entry.location, entry.transferMechanism);
    if (problem) throw new ConflictError(`Transfer refused: ${problem}`, 'transfer_mechanism_required');
    const outside = dataCategories.filter((c) => !entry.dataCategories.includes(c));
    if (outside.length) throw new ConflictError(`Transfer refused: ${entry.name}'s contract does not cover ${outside.join(', ')}`, 'category_not_covered');
  }

  /** Records a transfer the register allows, with the safeguard it relied on; refuses any other. */
  async recordTransfer(principal: Principal, id: string, input: NewTransfer) {
    return this.dataSource.transaction(async (tx) => {
      const entry = await this.subProcessors.byId(tx, id);
      if (!entry) throw new NotFoundError('Sub-processor');
      try {
        this.assertTransferAllowed(entry, input.dataCategories);
      } catch (refusal) {
        await this.audit.append({
          actor: actorOf(principal),
          dataRole: 'controller',
          purpose: 'legal_obligation',
          action: 'sub_processor.transfer',
          subject: { type: 'sub_processor', id },
          outcome: 'denied',
          details: { reason: (refusal as ConflictError).code, location: entry.location },
        });
        throw refusal;
      }
      const transfer = await this.subProcessors.recordTransfer(tx, {
        subProcessorId: id,
        dataCategories: [...new Set(input.dataCategories)],
        purpose: input.purpose.trim(),
        location: entry.location,
        transferMechanism: entry.transferMechanism,
        recordedBy: principal.id,
      });
      await this.event(tx, principal, 'sub_processor.transfer', id, { transferId: transfer.id, location: entry.location, mechanism: entry.transferMechanism ?? 'none' });
      return transfer;
    });
  }

  private event(tx: EntityManager, principal: Principal, action: string, id: string, details: Record<string, string>) {
    return this.audit.append(
      { actor: actorOf(principal), dataRole: 'controller', purpose: 'legal_obligation', action, subject: { type: 'sub_processor', id }, outcome: 'success', details },
      tx,
    );
  }
}
