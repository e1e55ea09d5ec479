import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError, call } from './api/client';
import type { Ok } from './api/contract';

export type SessionUser = Ok<'/auth/me', 'get'>;
export type Role = SessionUser['role'];

const ME = ['session', 'me'] as const;

/** Who is signed in: null when no session (or it lapsed). The cookie itself is out of JavaScript's reach. */
export function useSession() {
  const query = useQuery({
    queryKey: ME,
    queryFn: async () => {
      try {
        return await call('get', '/auth/me', { unauthenticatedIsAnswer: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  return { user: query.data ?? null, loading: query.isPending, error: query.error };
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => call('post', '/auth/session', { body: credentials, unauthenticatedIsAnswer: true }),
    onSuccess: (session) => {
      forgetData(client);
      client.setQueryData(ME, session.user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('post', '/auth/session/end', { unauthenticatedIsAnswer: true }),
    onSettled: () => sessionLapsed(client),
  });
}

/** A call answered 401: forget everything cached and show the sign-in page. */
export const sessionLapsed = (client: QueryClient) => {
  forgetData(client);
  client.setQueryData(ME, null);
};

/** Drops every cached answer except who is signed in (whose observers must keep their query). */
const forgetData = (client: QueryClient) => client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });
