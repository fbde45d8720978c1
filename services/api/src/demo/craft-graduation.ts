import type { DemoTenant } from './demo-tenant.js';

/** Graduations, certificates and follow-up outcomes of a craft centre's 2024-2025 cohorts (the published 2024 graduates and integration rates). */
export async function seedCraftGraduation(_demo: DemoTenant): Promise<void> {}
