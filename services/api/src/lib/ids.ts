import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7), made in the service so inserts need no round trip and sort by age. */
export const newId = (): string => v7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** The distinct well-formed ids of a batch (a loader may be handed junk or repeats). */
export const uniqueUuids = (ids: readonly string[]): string[] => [...new Set(ids)].filter(isUuid);
