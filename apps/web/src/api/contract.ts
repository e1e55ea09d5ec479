import type { paths } from './schema';
import type { PendingContract } from './pending-contract';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Generated<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;
type Pending<P, M> = P extends keyof PendingContract ? (M extends keyof PendingContract[P] ? PendingContract[P][M] : never) : never;

/**
 * The JSON body a successful call answers, from the generated OpenAPI types. Where the document does
 * not yet declare a response schema, the pending contract stands in (see pending-contract.ts).
 */
export type Ok<P extends keyof paths, M extends Method> = [Generated<P, M>] extends [never] ? Pending<P, M> : Generated<P, M>;

export type ApiPath = keyof paths;
export type { Method };
