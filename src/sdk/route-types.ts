import type * as z from 'zod/mini';
import type { RouteDef, routes } from '../contract/index.js';

/**
 * What each operation takes and returns, read off the route table so that a change to a
 * schema in src/contract changes the SDK's signatures with it. Type-only: no route table is
 * imported at run time through here.
 */
export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Schema<D, K extends 'params' | 'query' | 'body'> = D extends { [P in K]: infer S extends z.core.$ZodType } ? S : never;

/** Path parameters of a route definition, e.g. `{ id }`. */
export type RouteParams<D extends RouteDef> = z.output<Schema<D, 'params'>>;
/**
 * Query parameters as the server reads them after parsing (numbers, booleans), which is what a
 * caller naturally has; the transport turns them into strings. The schemas' input types are
 * `unknown` for coerced fields, which would type-check anything.
 */
export type RouteQuery<D extends RouteDef> = z.output<Schema<D, 'query'>>;
/** A request body as the caller writes it (optional fields may be left out). */
export type RouteBody<D extends RouteDef> = z.input<Schema<D, 'body'>>;
/** The validated response body. */
export type RouteResponse<D extends RouteDef> = z.output<D['response']>;

/** The same, by operation name. */
export type ParamsOf<R extends RouteName> = RouteParams<Routes[R]>;
export type QueryOf<R extends RouteName> = RouteQuery<Routes[R]>;
export type BodyOf<R extends RouteName> = RouteBody<Routes[R]>;
export type ResponseOf<R extends RouteName> = RouteResponse<Routes[R]>;

/** One page of a paged list: the contract's `page(item)` shape. */
export interface Page<T> {
  items: T[];
  /** Opaque; `null` on the last page. */
  nextCursor: string | null;
}
