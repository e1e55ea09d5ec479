import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DataSubjectRequest } from './data-subject-request.entity';
import { DsrForward } from './dsr-forward.entity';
import type { DsrStatus, ForwardStatus } from './dsr.types';

/**
 * The SQL on `data_subject_requests` and `dsr_forwards`. Every method takes the caller's manager or
 * transaction; forwards are caller-data rows, so the caller runs them in the client's tenant scope
 * (or across clients, with a reason).
 */
@Injectable()
export class DataSubjectRequestsRepository {
  create(tx: EntityManager, fields: Partial<DataSubjectRequest>): Promise<DataSubjectRequest> {
    return tx.save(tx.create(DataSubjectRequest, fields));
  }

  save(tx: EntityManager, request: DataSubjectRequest): Promise<DataSubjectRequest> {
    return tx.save(request);
  }

  async setControllerMatches(tx: EntityManager, request: DataSubjectRequest): Promise<void> {
    await tx.update(DataSubjectRequest, { id: request.id }, { controllerMatches: request.controllerMatches });
  }

  /** The request, row-locked until the transaction ends when `lock`; null when there is none. */
  byId(manager: EntityManager, id: string, lock = false): Promise<DataSubjectRequest | null> {
    return manager.findOne(DataSubjectRequest, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** With one of these statuses (every request when none is given), by due date then receipt. */
  list(manager: EntityManager, statuses: readonly DsrStatus[] | undefined): Promise<DataSubjectRequest[]> {
    return manager.find(DataSubjectRequest, { where: statuses ? { status: In([...statuses]) } : {}, order: { dueAt: 'ASC', receivedAt: 'ASC' } });
  }

  createForward(tx: EntityManager, fields: Partial<DsrForward>): Promise<DsrForward> {
    return tx.save(tx.create(DsrForward, fields));
  }

  saveForward(tx: EntityManager, forward: DsrForward): Promise<DsrForward> {
    return tx.save(forward);
  }

  /** The client's forward of a request, with the request itself. */
  forwardWithRequest(tx: EntityManager, clientId: string, requestId: string): Promise<DsrForward | null> {
    return tx.findOne(DsrForward, { where: { requestId, clientId }, relations: { request: true } });
  }

  /** The client's forward of a request (by request id, or by the forward's own id), row-locked until the transaction ends. */
  lockForward(tx: EntityManager, clientId: string, by: { requestId: string } | { id: string }): Promise<DsrForward | null> {
    return tx.findOne(DsrForward, { where: { ...by, clientId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The client's forwards with these statuses (all when none), with their requests. */
  forwardsOfClient(tx: EntityManager, clientId: string, statuses: readonly ForwardStatus[] | undefined): Promise<DsrForward[]> {
    return tx.find(DsrForward, { where: { clientId, ...(statuses ? { status: In([...statuses]) } : {}) }, relations: { request: true } });
  }

  /** Every forward of these requests, by client. */
  forwardsOf(tx: EntityManager, requestIds: string[]): Promise<DsrForward[]> {
    if (!requestIds.length) return Promise.resolve([]);
    return tx.find(DsrForward, { where: { requestId: In(requestIds) }, order: { clientId: 'ASC' } });
  }
}
