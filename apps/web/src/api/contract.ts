import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Generated<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

/** The JSON body a successful call answers, from the generated OpenAPI types. */
export type Ok<P extends keyof paths, M extends Method> = Generated<P, M>;

export type ApiPath = keyof paths;
export type { Method };
