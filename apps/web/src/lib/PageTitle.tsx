import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Each page's one h1, with whatever sits beside it (counts, actions). */
export function PageTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="wrap">
      <Title order={1} size="h2">
        {children}
      </Title>
      {aside}
    </Group>
  );
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}
