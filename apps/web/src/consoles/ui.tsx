import { Alert, Badge, Paper, Stack, Title } from '@mantine/core';
import type { AlertProps, MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';

/** The page's one h1 (the shell sets the document title from the navigation label). */
export function PageTitle({ children }: { children: string }) {
  return (
    <Title order={1} mb="md">
      {children}
    </Title>
  );
}

/**
 * Mantine's Alert with its title and text in the page's text colour: the light variants' coloured
 * text falls under WCAG's 4.5:1 on their tinted background; the colour stays in the border and tint.
 */
export function Notice({ children, ...props }: AlertProps & { children: ReactNode }) {
  return (
    <Alert variant="outline" styles={{ title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } }} {...props}>
      {children}
    </Alert>
  );
}

/** The server's own words for what went wrong (they never carry personal data). */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Notice color="red" title={title} role="alert" mb="md">
      {message}
    </Notice>
  );
}

/** Re-renders every `ms` for clocks and countdowns. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function OverdueBadge({ overdue, label = 'Overdue' }: { overdue: boolean; label?: string }) {
  return overdue ? <Badge color="red.9">{label}</Badge> : null;
}

/** A titled form in its own bordered section; submitting runs `onSubmit` (the page's mutation) without a reload. */
export function FormPanel({ label, title = label, order = 3, gap = 'xs', onSubmit, children }: { label: string; title?: ReactNode; order?: 2 | 3 | 4; gap?: MantineSpacing; onSubmit: () => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap={gap}>
          <Title order={order}>{title}</Title>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}
