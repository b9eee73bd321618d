/**
 * Node side of the XSS tests (run by test/wtr/hostile-pages.mjs, never in the browser): starts a
 * reference server of its own (no sample martyrs, so its search and walls hold only payloads)
 * and puts every payload in through the real paths — the roll import for martyrs, the public
 * API plus the admin SDK for messages (posted, then approved), the admin SDK for campaigns.
 * Nothing here touches the shared API server other browser tests count on.
 */
import { startTestServer } from '../../helpers/server.js';
import { applyRoll, parseRoll } from '../../../server/import/roll.js';
import { createMemorialAdminClient, createMemorialClient } from '../../../src/sdk/index.js';
import { XSS_PAYLOADS, payloadCampaign, payloadRecord, payloadSignature, type XssSetup } from './xss-payloads.js';

/** `YYYY-MM-DD` in Asia/Shanghai, `days` from now. */
function shanghaiDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

/** Runs `task` over `items`, a few at a time (the server is one process on an embedded database). */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<void>, width = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

export async function seedXssServer(): Promise<{ setup: XssSetup; close(): Promise<void> }> {
  const server = await startTestServer({ seed: false });
  try {
    const walls = [
      { sourceId: 'xss-wall-1', name: '留言墙甲', sample: true },
      { sourceId: 'xss-wall-2', name: '留言墙乙', sample: true },
    ];
    const records = [...XSS_PAYLOADS.map(payloadRecord), ...walls];
    const parsed = await parseRoll(JSON.stringify(records), 'json', server.db);
    const report = await applyRoll(server.db, parsed);
    if (!report.applied || parsed.rows.length !== records.length) {
      throw new Error(`the payload roll did not import: ${report.bad.map((b) => `line ${b.line}: ${b.reason}`).join('; ')}`);
    }
    const martyrs: Record<number, string> = {};
    XSS_PAYLOADS.forEach((p, i) => (martyrs[p.id] = parsed.rows[i]!.id));
    const wallIds = parsed.rows.slice(XSS_PAYLOADS.length).map((r) => r.id);

    const client = createMemorialClient({ baseUrl: server.baseUrl, retry: 0 });
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken, actor: 'hostile-host test', retry: 0 });
    const setupWalls = wallIds.map((martyrId) => ({ martyrId, payloadIds: [] as number[] }));
    const posts = XSS_PAYLOADS.map((p, i) => ({ p, wall: setupWalls[i % setupWalls.length]! }));
    for (const { p, wall } of posts) wall.payloadIds.push(p.id);
    await inParallel(posts, async ({ p, wall }) => {
      const signature = payloadSignature(p);
      const receipt = await client.messages.post(wall.martyrId, { text: p.text, ...(signature ? { signature } : {}) });
      await admin.messages.approve(receipt.id);
    });

    const campaigns: Record<number, string> = {};
    const [start, end] = [shanghaiDay(-1), shanghaiDay(60)];
    await inParallel(XSS_PAYLOADS, async (p) => {
      const campaign = payloadCampaign(p, start, end);
      if (campaign) campaigns[p.id] = (await admin.campaigns.create(campaign)).id;
    });
    return { setup: { baseUrl: server.baseUrl, martyrs, walls: setupWalls, campaigns }, close: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}
