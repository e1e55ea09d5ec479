import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { SubProcessor } from './sub-processor.entity';

/** A transfer of personal data to a sub-processor that the register allowed, with the safeguard it relied on. */
@NoPersonalData()
@Entity('sub_processor_transfers')
@Index('ix_sub_processor_transfers_sub_processor', ['subProcessorId'])
export class SubProcessorTransfer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sub_processor_transfers' })
  id: string;

  @Column('uuid')
  subProcessorId: string;

  @ManyToOne(() => SubProcessor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sub_processor_id', foreignKeyConstraintName: 'fk_sub_processor_transfers_sub_processor' })
  subProcessor?: SubProcessor;

  @Column('text', { array: true })
  dataCategories: string[];

  @Column('text')
  purpose: string;

  @Column('char', { length: 2 })
  location: string;

  /** null when the location needs none (UK or EEA). */
  @Column('varchar', { length: 16, nullable: true })
  transferMechanism: string | null;

  @Column('uuid')
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
