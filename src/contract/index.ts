/**
 * The API contract: zod schemas shared by the SDK, the elements, the server's validation and
 * the OpenAPI document. Types are inferred from these schemas and never written by hand.
 */
export * from './common.js';
export * from './martyr.js';
export * from './tribute.js';
export * from './message.js';
export * from './campaign.js';
export * from './campaign-kinds.js';
export * from './calendar.js';
export * from './campaign-links.js';
export * from './embed-hosts.js';
export * from './relatives.js';
export * from './error.js';
export * from './admin.js';
export * from './regions.js';
export * from './cases.js';
export * from './photo.js';
export * from './cemetery.js';
export * from './routes.js';
export * from './staff.js';
export * from './staff-routes.js';
export * from './visitor.js';
export { publicRoutes } from './routes.public.js';
export { adminRoutes } from './routes.admin.js';
