import { adminRoutes } from './routes.admin.js';
import { publicRoutes } from './routes.public.js';
import { publicRouteSummaries } from './route-summaries.js';
import type { RouteDef } from './route-def.js';

export type { RouteDef } from './route-def.js';

type Documented<T> = { readonly [K in keyof T]: T[K] & { readonly summary: string } };

/** A route table with each operation's OpenAPI summary joined in. */
function documented<T extends Record<string, RouteDef>>(table: T, summaries: { readonly [K in keyof T]: string }): Documented<T> {
  return Object.fromEntries(Object.entries(table).map(([name, route]) => [name, { ...route, summary: summaries[name] }])) as Documented<T>;
}

/**
 * Every operation, for the server and the OpenAPI document. Browser code never imports this
 * union: the SDK and the elements use `publicRoutes` (routes.public.ts), one route at a time,
 * and the admin client `adminRoutes`, so no page carries admin routes or OpenAPI text.
 */
export const routes = {
  ...documented(publicRoutes, publicRouteSummaries),
  ...adminRoutes,
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;
