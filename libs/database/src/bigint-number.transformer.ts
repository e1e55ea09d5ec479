import type { ValueTransformer } from 'typeorm';

/** Postgres bigint arrives as a string; byte counts here stay far below 2^53, so a number is exact. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
