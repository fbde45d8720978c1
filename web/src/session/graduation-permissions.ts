import type { Role } from '../gql/graphql';
import { hasAnyRole } from './timetable-permissions';

/** Who graduates trainees, one or the whole cohort (the API's graduation writers). */
export const GRADUATION_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];
/** Only directors graduate despite unmet rules, and revoke certificates. */
export const GRADUATION_OVERRIDERS: readonly Role[] = ['DIRECTOR'];
/** Who records graduates' answers and sends them their link. */
export const OUTCOME_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];

export const canGraduate = (roles: readonly Role[]) => hasAnyRole(roles, GRADUATION_WRITERS);
export const canOverrideGraduation = (roles: readonly Role[]) => hasAnyRole(roles, GRADUATION_OVERRIDERS);
export const canRevokeCertificates = (roles: readonly Role[]) => hasAnyRole(roles, GRADUATION_OVERRIDERS);
export const canRecordOutcomes = (roles: readonly Role[]) => hasAnyRole(roles, OUTCOME_WRITERS);
/** Network administrators see every centre of their network added up. */
export const seesNetwork = (roles: readonly Role[]) => roles.includes('NETWORK_ADMIN');
