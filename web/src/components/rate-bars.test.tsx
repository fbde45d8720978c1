import { DirectionProvider, MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locale';
import { LocaleProvider } from '../i18n/locale-provider';
import { type RateBar, RateBars } from './rate-bars';

const figures = (key: string, integrated: number, reached: number, unreachable: number) => ({
  key,
  graduates: reached + unreachable + 3,
  surveyed: reached + unreachable,
  reached,
  integrated,
  unreachable,
  rate: reached > 0 ? integrated / reached : null,
});

// Fès reproduces the 2024 report's 79 %; Marrakech its 83 %; a new centre has reached nobody yet.
const BARS: RateBar[] = [
  { key: 'Fès', label: 'فاس', figures: figures('Fès', 79, 100, 12) },
  { key: 'Marrakech', label: 'مراكش', figures: figures('Marrakech', 83, 100, 4) },
  { key: 'Salé', label: 'سلا', figures: figures('Salé', 0, 0, 7) },
];

function renderIn(locale: Locale) {
  localStorage.setItem('maalem.locale', locale);
  return render(
    <DirectionProvider>
      <MantineProvider>
        <LocaleProvider>
          <RateBars title="حسب المركز" bars={BARS} testId="by-centre" />
        </LocaleProvider>
      </MantineProvider>
    </DirectionProvider>,
  );
}

const rows = () => screen.getAllByTestId('rate-bar');
const partsOf = (row: HTMLElement) => [...row.children].map((child) => child.getAttribute('data-testid'));

describe('integration bars', () => {
  it('read right to left in Arabic: label first, the bar growing from the right, Intl percentages', () => {
    renderIn('ar-MA');
    const chart = screen.getByTestId('rate-chart');
    // The grid follows the chart's direction: its first column (the label) is the rightmost one.
    expect(chart.getAttribute('dir')).toBe('rtl');
    expect(rows().map((row) => within(row).getByTestId('rate-label').textContent)).toEqual([
      'فاس',
      'مراكش',
      'سلا',
    ]);
    for (const row of rows())
      expect(partsOf(row)).toEqual(['rate-label', 'rate-track', 'rate-value', 'rate-detail']);
    const fes = rows()[0]!;
    const fill = within(fes).getByTestId('rate-fill');
    expect(fill.style.width).toBe('79%');
    // Anchored at the start of the line by the flow, never by a physical side.
    for (const side of ['left', 'right', 'marginLeft', 'marginRight', 'float'] as const)
      expect(fill.style[side]).toBe('');
    expect(within(fes).getByTestId('rate-track').style.justifyContent).toBe('flex-start');
    expect(within(fes).getByTestId('rate-value').textContent).toBe(
      new Intl.NumberFormat('ar-MA-u-nu-latn', { style: 'percent', maximumFractionDigits: 0 }).format(0.79),
    );
    expect(within(fes).getByTestId('rate-value').textContent).toBe('79\u200e%\u200e');
    // The unreachable graduates are always said beside the rate.
    expect(within(fes).getByTestId('rate-detail').textContent).toBe('79 مدمجون من 100 · تعذر الاتصال بـ 12');
    expect(within(rows()[1]!).getByTestId('rate-fill').style.width).toBe('83%');
  });

  it('show no bar and a dash where nobody was reached, the unreachable still counted', () => {
    renderIn('ar-MA');
    const sale = rows()[2]!;
    expect(within(sale).getByTestId('rate-fill').style.width).toBe('0%');
    expect(within(sale).getByTestId('rate-value').textContent).toBe('—');
    expect(within(sale).getByTestId('rate-detail').textContent).toBe('0 مدمجون من 0 · تعذر الاتصال بـ 7');
  });

  it('read left to right in French, with the French percent sign spacing', () => {
    renderIn('fr-MA');
    expect(screen.getByTestId('rate-chart').getAttribute('dir')).toBe('ltr');
    const value = within(rows()[0]!).getByTestId('rate-value').textContent ?? '';
    expect(value.replace(/[\u202f\u00a0]/g, ' ')).toBe('79 %');
    expect(within(rows()[0]!).getByTestId('rate-detail').textContent).toBe(
      '79 insérés sur 100 joints · 12 injoignables',
    );
  });
});
