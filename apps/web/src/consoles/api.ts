import { ApiError, call, urlOf } from '../api/client';
import type { ApiPath } from '../api/contract';

/**
 * The consoles' calls go through the portal's one client (cookie session, Origin, the 401 handler,
 * ApiError with the API's message). Paths are given filled in; the answer's shape is the console's
 * view type until every console route is in the generated schema.
 */
export { ApiError };

type Query = Record<string, string | number | boolean | undefined | null>;

const send = <T>(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, options: { query?: Query; body?: unknown } = {}) =>
  call(method, path as ApiPath, options) as unknown as Promise<T>;

export const withQuery = (path: string, query?: Query) => urlOf(path, query);

export const api = {
  get: <T>(path: string, query?: Query) => send<T>('get', path, { query }),
  post: <T>(path: string, body: unknown = {}) => send<T>('post', path, { body }),
  put: <T>(path: string, body: unknown) => send<T>('put', path, { body }),
  patch: <T>(path: string, body: unknown) => send<T>('patch', path, { body }),
  delete: <T>(path: string) => send<T>('delete', path),
};

/** The API's messages for a refusal, one per problem (validation joins them with "; "). */
export const messagesOf = (error: unknown): string[] => (error instanceof Error ? error.message.split('; ') : [String(error)]);
