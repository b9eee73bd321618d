import * as z from 'zod/mini';
import { rules, type RuleName } from './rules.js';

/** What `rule()` recorded about a check, for the validator generator. */
export interface RuleCall {
  name: RuleName;
  args: readonly unknown[];
  message: string;
  path?: readonly string[];
}

/** Checks made by `rule()`, so scripts/gen-validators.ts can call the same function by name. */
export const ruleCalls = new WeakMap<object, RuleCall>();

type RuleArgs<N extends RuleName> = (typeof rules)[N] extends (value: never, ...args: infer A) => boolean ? A : never;
type RuleValue<N extends RuleName> = Parameters<(typeof rules)[N]>[0];

/** A zod refinement by one of the contract's rules (rules.ts); `path` places the issue under a field. */
export function rule<N extends RuleName>(name: N, args: RuleArgs<N>, message: string, path?: readonly string[]) {
  const fn = rules[name] as (value: RuleValue<N>, ...a: readonly unknown[]) => boolean;
  const check = z.refine<RuleValue<N>>((value) => fn(value, ...args), path ? { message, path: [...path] } : { message });
  ruleCalls.set(check, { name, args, message, ...(path ? { path } : {}) });
  return check;
}
