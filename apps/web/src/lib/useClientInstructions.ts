import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { useSession } from '../session';

/** The signed-in client's current processing instructions (its intake fields, for the inbox). */
export function useClientInstructions() {
  const { user } = useSession();
  const clientId = user?.clientId ?? '';
  return useQuery({
    queryKey: ['instructions', clientId],
    queryFn: () => call('get', '/clients/{clientId}/instructions', { path: { clientId } }),
    enabled: Boolean(clientId),
    staleTime: 300_000,
  });
}
