/**
 * Fair limits, designed around visitors rather than addresses (issue 16). The published figures:
 *
 * | budget | subject | burst | refill | why this size |
 * |---|---|---|---|---|
 * | `mint` | address | 400 | 400 / hour | a computer room of 200 mints 200 visitors at once, twice over |
 * | `visitor` | signed visitor | 40 | 40 / hour | a walk through a memorial hall: 10 graves × 4 kinds |
 * | `address` | address | 1,500 | 1,500 / hour | 200 students × 4 tributes = 800 fit in the burst |
 * | `unsigned` | address | 20 | 20 / hour | ids the server never minted (old clients, scripts) |
 *
 * A counted tribute takes one token from its visitor's budget (`visitor`, or `unsigned` for an id
 * that is not signed) and one from its address's `address` budget; an offer that finds either
 * empty is answered `counted: false` with the reason, never an error. So one address can add at
 * most 1,500 + 1,500 = 3,000 counted tributes in its first hour and 1,500 an hour after, however
 * many visitors it invents. Budgets live in the database (`limit_buckets`), so they hold across
 * processes.
 */
export interface Budget {
  burst: number;
  /** Tokens earned back per hour, continuously. */
  perHour: number;
}

export interface FairLimits {
  mint: Budget;
  visitor: Budget;
  address: Budget;
  unsigned: Budget;
}

export const DEFAULT_FAIR_LIMITS: FairLimits = {
  mint: { burst: 400, perHour: 400 },
  visitor: { burst: 40, perHour: 40 },
  address: { burst: 1500, perHour: 1500 },
  unsigned: { burst: 20, perHour: 20 },
};

/**
 * MEMORIAL_FAIR_LIMITS: `off`, or the defaults with any budget replaced, e.g.
 * `address=6000:6000,mint=1000:1000` (BURST:PER_HOUR) for a carrier-grade NAT.
 */
export function fairLimitsFromEnv(value = process.env.MEMORIAL_FAIR_LIMITS): FairLimits | null {
  const spec = value?.trim() ?? '';
  if (spec === 'off') return null;
  const limits: FairLimits = structuredClone(DEFAULT_FAIR_LIMITS);
  if (spec === '') return limits;
  for (const part of spec.split(',')) {
    const m = /^(mint|visitor|address|unsigned)=(\d+):(\d+(?:\.\d+)?)$/.exec(part.trim());
    if (!m || Number(m[2]) < 1 || !(Number(m[3]) > 0)) {
      throw new Error('MEMORIAL_FAIR_LIMITS must be "off" or NAME=BURST:PER_HOUR pairs (mint, visitor, address, unsigned), e.g. address=6000:6000');
    }
    limits[m[1] as keyof FairLimits] = { burst: Number(m[2]), perHour: Number(m[3]) };
  }
  return limits;
}

/** The deployment's fair limits: as configured, else the defaults wherever the write rate limit is on. */
export function fairLimitsOf(deps: { fairLimits?: FairLimits | null | undefined; rateLimit: unknown }): FairLimits | null {
  if (deps.fairLimits !== undefined) return deps.fairLimits;
  return deps.rateLimit ? DEFAULT_FAIR_LIMITS : null;
}
