// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { barLength, bySexOrder, byWaveOrder, waveFrom, yearFrom } from './integration';

describe('integration bars', () => {
  it('are as long as the rate, inside their track', () => {
    expect(barLength(0.79)).toBe(79);
    expect(barLength(0.8333)).toBe(83.3);
    expect(barLength(1.2)).toBe(100);
    expect(barLength(-0.1)).toBe(0);
    expect(barLength(null)).toBe(0);
    expect(barLength(Number.NaN)).toBe(0);
  });

  it('list waves in time order and women first', () => {
    const waves = byWaveOrder([{ key: '24' }, { key: '0' }, { key: '12' }, { key: '6' }]).map((w) => w.key);
    expect(waves).toEqual(['0', '6', '12', '24']);
    expect(bySexOrder([{ key: 'M' }, { key: 'F' }]).map((s) => s.key)).toEqual(['F', 'M']);
  });

  it('open on the year and wave in the address, else all of them', () => {
    expect(yearFrom('2024', 2026)).toBe(2024);
    expect(yearFrom('2030', 2026)).toBeNull();
    expect(yearFrom('24', 2026)).toBeNull();
    expect(yearFrom(null, 2026)).toBeNull();
    expect(waveFrom('6')).toBe(6);
    expect(waveFrom('0')).toBe(0);
    expect(waveFrom('7')).toBeNull();
    expect(waveFrom('')).toBeNull();
    expect(waveFrom(null)).toBeNull();
  });
});
