import type { DemoTenant } from './demo-tenant.js';

/** Calls with a jury: the micro-credit centre's national prize, an incubator's selection call. */
export async function seedCalls(_demo: DemoTenant): Promise<void> {}
