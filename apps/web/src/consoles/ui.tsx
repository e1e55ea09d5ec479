import { Alert, Badge, Title } from '@mantine/core';
import { useEffect, useState } from 'react';

/** The page's one h1 (the shell sets the document title from the navigation label). */
export function PageTitle({ children }: { children: string }) {
  return (
    <Title order={1} mb="md">
      {children}
    </Title>
  );
}

/** The server's own words for what went wrong (they never carry personal data). */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={title} role="alert" mb="md">
      {message}
    </Alert>
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
  return overdue ? <Badge color="red">{label}</Badge> : null;
}
