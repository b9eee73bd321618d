import { SIGNED_VISITOR_ID } from '../../contract/visitor.js';
import type { MemorialClient } from '../../sdk/index.js';
import { adoptVisitorId, visitorId } from './visitor-id.js';

let minting: Promise<string> | undefined;

/**
 * This browser's visitor id as the server signed it (`POST /visitors`), so its tributes get
 * the full allowance instead of the small one shared by unsigned ids at its address. Minted the
 * first time it is needed, then kept in `localStorage` like the unsigned id it replaces. At
 * most one attempt per page: if it fails (offline, or the address has minted its share for
 * now), the unsigned id is used and the offer still goes through.
 */
export function signedVisitorId(client: MemorialClient): Promise<string> {
  const id = visitorId();
  if (SIGNED_VISITOR_ID.test(id)) return Promise.resolve(id);
  minting ??= client.visitors.mint().then(
    (grant) => {
      adoptVisitorId(grant.visitorId);
      return grant.visitorId;
    },
    () => id,
  );
  return minting;
}
