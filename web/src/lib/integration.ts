/** The figures one bar of the integration dashboard shows. */
export interface RateFigures {
  key: string;
  labelAr?: string | null;
  graduates: number;
  surveyed: number;
  reached: number;
  integrated: number;
  unreachable: number;
  rate?: number | null;
}

/** How long a bar is, in percent of its track: the rate, kept inside the track. Null rate: no bar. */
export function barLength(rate: number | null | undefined): number {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return 0;
  return Math.round(Math.max(0, Math.min(1, rate)) * 1000) / 10;
}

/** Waves in time order (at graduation, then +6, +12, +24 months), whatever order they came in. */
export function byWaveOrder<F extends { key: string }>(rows: readonly F[]): F[] {
  return [...rows].sort((a, b) => Number(a.key) - Number(b.key));
}

/** Women first, as the foundation's report lists them. */
export function bySexOrder<F extends { key: string }>(rows: readonly F[]): F[] {
  const rank = (key: string) => (key === 'F' ? 0 : key === 'M' ? 1 : 2);
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key));
}

/** The year the dashboard opens on, from the address: a four-digit year, else every year. */
export function yearFrom(value: string | null, thisYear: number): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= thisYear + 1 ? year : null;
}

/** The wave the dashboard opens on, from the address: one of the four, else each graduate's latest. */
export function waveFrom(value: string | null): number | null {
  if (value === null) return null;
  const wave = Number(value);
  return [0, 6, 12, 24].includes(wave) && value.trim() !== '' ? wave : null;
}
