const STORAGE_KEY = 'maalem.tenant';

export function readStoredTenant(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeTenant(tenantId: string | null) {
  try {
    if (tenantId) globalThis.localStorage?.setItem(STORAGE_KEY, tenantId);
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the choice lasts for this visit only.
  }
}
