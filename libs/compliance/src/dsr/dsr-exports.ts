import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { CallerMessage } from '#calls';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { ConflictError } from '../errors';
import { CallerDataOperations } from './caller-data-operations';
import { ControllerDataOperations } from './controller-data-operations';
import { DataSubjectRequestsRepository } from './data-subject-requests.repository';
import { DpoWorkflow } from './dpo-workflow';
import { DsrReads } from './dsr-reads';
import { isClientUser } from './dsr-rules';
import { exportArchive, ExportDataset } from './export-archive';

export interface DsrExport {
  filename: string;
  dataset: ExportDataset;
  stream(): Readable;
}

/**
 * The export as a machine-readable archive: for the DPO, the operator's records of an access or
 * portability request; for a client that instructed an export, its own caller records of the person.
 */
@Injectable()
export class DsrExports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly requests: DataSubjectRequestsRepository,
    private readonly reads: DsrReads,
    private readonly workflow: DpoWorkflow,
    private readonly controllerData: ControllerDataOperations,
    private readonly callerData: CallerDataOperations,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(principal: Principal, id: string): Promise<DsrExport> {
    const now = this.clock.now();
    const actor = actorOf(principal);
    let dataset: ExportDataset;
    if (isClientUser(principal)) {
      const clientId = principal.clientId;
      const { forward } = await this.reads.forwardFor(clientId, id);
      if (!forward.reports.some((r) => r.operation === 'export')) throw new ConflictError('Instruct an export first (action export)', 'export_not_instructed');
      await this.policy.authorize(principal, {
        action: 'dsr.export',
        clientId,
        data: CallerMessage,
        purpose: 'service_delivery',
        content: true,
        subject: { type: 'data_subject_request', id },
      });
      dataset = await this.scope.run(clientId, async (tx) => {
        const tables = await this.callerData.exportTables(tx, forward);
        const built = this.dataset(id, { dataRole: 'processor', clientId }, now, tables, [
          'Caller records this client controls that match the identifiers in the request.',
          'Recordings are listed as metadata; their audio is delivered through a one-time delivery of these recording ids.',
        ]);
        await this.recordExport(tx, actor, id, built, clientId);
        return built;
      });
    } else {
      dataset = await this.dataSource.transaction(async (tx) => {
        const request = await this.reads.requestOrFail(tx, id, true);
        this.workflow.assertOperation(request, ['access', 'portability'], 'An export');
        const built = this.dataset(id, { dataRole: 'controller' }, now, await this.controllerData.exportTables(tx, request), [
          'Records the operator holds as controller that match the identifiers in the request.',
          'Caller records are held for client businesses, which control them; the request was forwarded to each (see the request).',
        ]);
        request.exportedAt ??= now;
        if (request.status === 'received') request.status = 'in_progress';
        await this.requests.save(tx, request);
        await this.recordExport(tx, actor, id, built, null);
        return built;
      });
    }
    return { filename: `dsr-${id}.zip`, dataset, stream: () => exportArchive(dataset) };
  }

  private dataset(requestId: string, scope: ExportDataset['scope'], now: Date, tables: ExportDataset['tables'], notes: string[]): ExportDataset {
    return { format: 'callvault-dsr-export/1', requestId, scope, generatedAt: now.toISOString(), tables, notes };
  }

  private recordExport(tx: EntityManager, actor: ReturnType<typeof actorOf>, id: string, dataset: ExportDataset, clientId: string | null) {
    return this.audit.append(
      {
        actor,
        clientId,
        dataRole: clientId ? 'processor' : 'controller',
        purpose: clientId ? 'service_delivery' : 'legal_obligation',
        action: 'dsr.export',
        subject: { type: 'data_subject_request', id },
        outcome: 'success',
        details: { records: dataset.tables.reduce((n, t) => n + t.rows.length, 0) },
      },
      tx,
    );
  }
}
