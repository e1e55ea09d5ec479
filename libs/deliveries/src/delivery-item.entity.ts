import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Delivery } from './delivery.entity';

export type DeliveryItemKind = 'recording' | 'message';
/** What the last complete transfer did with the item: archived, omitted (no longer stored) or withheld (restricted). */
export type DeliveryItemDisposition = 'archived' | 'omitted' | 'withheld';

/**
 * What a delivery carries: ids of the client's recordings and caller messages. No foreign key to
 * them: an item outlives the recording it named (the recording is deleted once delivered).
 */
@PersonalData({ dataRole: 'processor', category: 'delivery_metadata', purposes: ['service_delivery', 'billing'] })
@Entity('delivery_items')
@Index('ix_delivery_items_item', ['itemId'])
@Check('ck_delivery_items_kind', `kind IN ('recording', 'message')`)
@Check('ck_delivery_items_disposition', `disposition IN ('archived', 'omitted', 'withheld')`)
export class DeliveryItem {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_delivery_items' })
  deliveryId: string;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_delivery_items' })
  itemId: string;

  @ManyToOne(() => Delivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_delivery_items_delivery' })
  delivery?: Delivery;

  @Column('uuid')
  clientId: string;

  @Column('varchar', { length: 16 })
  kind: DeliveryItemKind;

  /** Null until a transfer completes. */
  @Column('varchar', { length: 16, nullable: true })
  disposition: DeliveryItemDisposition | null;
}
