import { Anchor, Stack, Text, Title } from '@mantine/core';
import { followLink } from '../lib/router';

/** An address the signed-in role has no page for; `home` null when the role has no pages here yet. */
export function NotFoundPage({ home }: { home: string | null }) {
  return (
    <Stack>
      <Title order={1}>{home ? 'No such page' : 'Nothing here yet'}</Title>
      {home ? (
        <Text>
          This address is not a page of yours.{' '}
          <Anchor href={home} onClick={followLink}>
            Go to your first page
          </Anchor>
          .
        </Text>
      ) : (
        <Text>Your role's console is not in the portal yet; use the API (see /docs) meanwhile.</Text>
      )}
    </Stack>
  );
}
