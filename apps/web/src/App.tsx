import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { homeOf, pagesByRole } from './routes';
import { navigate, usePath } from './lib/router';
import { useSession } from './session';
import { PortalShell } from './shell/PortalShell';
import { SignInPage } from './pages/SignInPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** Signed out: the sign-in page, whatever the address. Signed in: the page the address names, if the role has it. */
export function App() {
  const { user, loading } = useSession();
  const path = usePath();
  const pages = user ? pagesByRole[user.role] : [];
  const home = user ? homeOf(user.role) : '/portal';
  const page = pages.find((p) => p.path === path);

  useEffect(() => {
    if (user && (path === '/' || path === '/portal' || path === '/portal/')) navigate(home, { replace: true });
  }, [user, path, home]);

  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!user) return <SignInPage />;
  return (
    <PortalShell user={user} pages={pages} path={path}>
      {page ? <page.component /> : pages.length ? <NotFoundPage home={home} /> : <NotFoundPage home={null} />}
    </PortalShell>
  );
}
