import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SubProcessorTransfer } from './sub-processor-transfer.entity';
import { SubProcessor } from './sub-processor.entity';

/** The SQL on `sub_processors` and `sub_processor_transfers`. Every method takes the caller's manager or transaction. */
@Injectable()
export class SubProcessorsRepository {
  nameTaken(tx: EntityManager, name: string): Promise<boolean> {
    return tx.exists(SubProcessor, { where: { name } });
  }

  register(tx: EntityManager, fields: Partial<SubProcessor>): Promise<SubProcessor> {
    return tx.save(tx.create(SubProcessor, fields));
  }

  save(tx: EntityManager, entry: SubProcessor): Promise<SubProcessor> {
    return tx.save(entry);
  }

  /** The register, by name. */
  all(manager: EntityManager): Promise<SubProcessor[]> {
    return manager.find(SubProcessor, { order: { name: 'ASC' } });
  }

  byId(manager: EntityManager, id: string): Promise<SubProcessor | null> {
    return manager.findOne(SubProcessor, { where: { id } });
  }

  /** The entry, row-locked until the transaction ends (concurrent changes take turns). */
  lock(tx: EntityManager, id: string): Promise<SubProcessor | null> {
    return tx.findOne(SubProcessor, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  recordTransfer(tx: EntityManager, fields: Partial<SubProcessorTransfer>): Promise<SubProcessorTransfer> {
    return tx.save(tx.create(SubProcessorTransfer, fields));
  }
}
