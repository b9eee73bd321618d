import type * as z from 'zod/mini';
import type { routes } from '../contract/index.js';

/**
 * What each operation takes and returns, read off the route table so that a change to a
 * schema in src/contract changes the SDK's signatures with it.
 */
export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Schema<R extends RouteName, K extends 'params' | 'query' | 'body'> =
  Routes[R] extends { [P in K]: infer S extends z.core.$ZodType } ? S : never;

/** Path parameters, e.g. `{ id }`. */
export type ParamsOf<R extends RouteName> = z.output<Schema<R, 'params'>>;

/**
 * Query parameters as the server reads them after parsing (numbers, booleans), which is what a
 * caller naturally has; the transport turns them into strings. The schemas' input types are
 * `unknown` for coerced fields, which would type-check anything.
 */
export type QueryOf<R extends RouteName> = z.output<Schema<R, 'query'>>;

/** A request body as the caller writes it (optional fields may be left out). */
export type BodyOf<R extends RouteName> = z.input<Schema<R, 'body'>>;

/** The validated response body. */
export type ResponseOf<R extends RouteName> = z.output<Routes[R]['response']>;

/** One page of a paged list: the contract's `page(item)` shape. */
export interface Page<T> {
  items: T[];
  /** Opaque; `null` on the last page. */
  nextCursor: string | null;
}
