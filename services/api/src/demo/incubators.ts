import type { DemoTenant } from './demo-tenant.js';

/** An incubator's cohorts, ventures, funding, jobs, survival checks, coaching sessions, coaches and its four training modules. */
export async function seedIncubator(_demo: DemoTenant): Promise<void> {}
