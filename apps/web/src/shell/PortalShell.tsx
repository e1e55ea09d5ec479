import { AppShell, Burger, Button, Group, NavLink, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { followLink } from '../lib/router';
import type { PortalPage } from '../routes';
import { useSignOut } from '../session';
import type { SessionUser } from '../session';
import { words } from '../lib/format';

/** The frame around every signed-in page: a skip link, the header, the role's navigation, the page. */
export function PortalShell({ user, pages, path, children }: { user: SessionUser; pages: PortalPage[]; path: string; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  const current = pages.find((p) => p.path === path);
  useEffect(() => {
    document.title = `${current?.label ?? 'Portal'} · CallVault`;
    close();
  }, [current, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              CallVault
            </Title>
          </Group>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              Signed in as {words(user.role)} user
            </Text>
            <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Portal">
        <VisuallyHidden>
          <h2>Pages</h2>
        </VisuallyHidden>
        {pages.map((page) => (
          <NavLink key={page.path} href={page.path} label={page.label} active={page.path === path} onClick={followLink} aria-current={page.path === path ? 'page' : undefined} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <Center h={200}>
              <Loader aria-label="Loading page" />
            </Center>
          }
        >
          {children}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
