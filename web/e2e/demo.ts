// The demo data's people and cohort (services/api/src/demo) that several browser tests sign in as or look
// for: one place to change when the demo changes.
export const DEMO_PASSWORD = 'Maalem-demo-2026';
export const FES_DIRECTOR = 'directeur.fes@demo.maalem.ma';
export const NETWORK_ADMIN = 'reseau@demo.maalem.ma';
/** Someone who signs in with a one-time code: the number as typed, and as the SMS log writes it. */
export type PhoneUser = { phone: string; e164: string };
/** The Fès weaving workshop's host artisan. */
export const ARTISAN: PhoneUser = { phone: '0661000001', e164: '+212661000001' };
/** A trainee of that workshop. */
export const TRAINEE: PhoneUser = { phone: '0661000002', e164: '+212661000002' };
/** A 2024 weaving graduate of Fès with her certificate. */
export const GRADUATE: PhoneUser = { phone: '0661000003', e164: '+212661000003' };
/** Fès's running weaving cohort. */
export const WEAVING_COHORT = 'Tissage 2026-2027';
