import createClient from 'openapi-fetch';
import type { ApiPath, Method, Ok } from './contract';
import type { paths } from './schema';

/** Same-origin calls: the browser adds the httpOnly session cookie and, on unsafe methods, Origin. */
const raw = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

/** An API refusal: its HTTP status and the error code and message the API's one error filter gives. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;
type Options = {
  path?: Record<string, string>;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** A 401 here is an answer, not a lapsed session (sign-in, who-am-I, delivery credentials). */
  unauthenticatedIsAnswer?: boolean;
};

let onUnauthenticated: () => void = () => {};
/** Told when a call answers 401: the session cookie lapsed or was cleared. */
export const setUnauthenticatedHandler = (handler: () => void) => {
  onUnauthenticated = handler;
};

const clean = (query?: Query) => (query ? Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) : undefined);

/**
 * One typed call: the path must be one of the contract's, the answer is typed from it. Errors become
 * ApiError with the API's message (which never carries personal data).
 */
export async function call<P extends ApiPath, M extends Method>(method: M, path: P, options: Options = {}): Promise<Ok<P, M>> {
  const init = { params: { path: options.path, query: clean(options.query) }, body: options.body, headers: options.headers };
  const verb = method.toUpperCase() as 'GET';
  // The generated paths type each call's parameters; until every route declares its own, they pass as given.
  const { data, error, response } = await (raw[verb] as (p: string, i: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(path as string, init);
  if (!response.ok) {
    const body = (error ?? {}) as { message?: string | string[]; code?: string };
    if (response.status === 401 && !options.unauthenticatedIsAnswer) onUnauthenticated();
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    throw new ApiError(response.status, message, body.code);
  }
  return data as Ok<P, M>;
}

/** A same-origin URL with a query string, for plain links (CSV export). */
export const urlOf = (path: string, query?: Query) => {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(clean(query) ?? {})) url.searchParams.set(key, String(value));
  return url.pathname + url.search;
};
