import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { ActivityReportPage } from './activity-report-page';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

function centre(
  name: string,
  figures: {
    trainees: number;
    women: number;
    inside: number;
    outside: number;
    graduates: number;
    rate: number;
  },
) {
  return {
    __typename: 'CentreActivity',
    tenant: name === 'Total' ? null : { __typename: 'Tenant', id: `t-${name}` },
    name,
    nameAr: null,
    trainees: figures.trainees,
    women: figures.women,
    trainedInside: figures.inside,
    trainedOutside: figures.outside,
    graduates: figures.graduates,
    graduatesWomen: Math.round(figures.graduates * 0.75),
    byTrade: [
      {
        __typename: 'TradeActivity',
        tradeCode: 'WEAVING',
        tradeFr: 'Tissage',
        tradeAr: 'النسيج',
        trainees: Math.round(figures.trainees * 0.84),
        women: Math.round(figures.women * 0.9),
        graduates: Math.round(figures.graduates * 0.84),
        share: 0.84,
      },
    ],
    outcomes: [
      { __typename: 'OutcomeCount', status: 'HOST_COMPANY', count: 120 },
      { __typename: 'OutcomeCount', status: 'UNREACHABLE', count: 9 },
    ],
    integration: {
      __typename: 'IntegrationFigures',
      key: name,
      graduates: figures.graduates,
      surveyed: 100,
      reached: 100,
      integrated: Math.round(figures.rate * 100),
      unreachable: 9,
      rate: figures.rate,
    },
  };
}

// The foundation's 2024 report: Fès 487 trained (96 inside, 391 outside), 308 graduates, 79 %.
const FES = centre('Fès', {
  trainees: 487,
  women: 368,
  inside: 96,
  outside: 391,
  graduates: 308,
  rate: 0.79,
});
const MARRAKECH = centre('Marrakech', {
  trainees: 991,
  women: 744,
  inside: 96,
  outside: 895,
  graduates: 795,
  rate: 0.83,
});
const TOTAL = centre('Total', {
  trainees: 1478,
  women: 1112,
  inside: 192,
  outside: 1286,
  graduates: 1103,
  rate: 0.82,
});

describe('the activity report', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows a network administrator every centre and the total, and exports the same as a PDF', async () => {
    const requests: FakeRequest[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWithApp(<ActivityReportPage />, {
      path: '/reports?year=2024',
      role: 'NETWORK_ADMIN',
      answer: (request) => {
        requests.push(request);
        if (request.operationName === 'ActivityReportPage') {
          return {
            activityReport: {
              __typename: 'ActivityReport',
              year: 2024,
              scope: 'NETWORK',
              centres: [FES, MARRAKECH],
              total: TOTAL,
            },
          };
        }
        return {
          exportActivityReport: {
            __typename: 'ExportFile',
            fileName: 'rapport-activite-2024.pdf',
            mimeType: 'application/pdf',
            contentBase64: btoa('%PDF-1.7 report'),
          },
        };
      },
    });
    const summary = await screen.findByTestId('report-summary');
    expect(requests[0]?.variables).toEqual({ year: 2024, scope: 'NETWORK' });
    const fes = within(summary)
      .getAllByTestId('report-centre')
      .find((row) => row.getAttribute('data-centre') === 'Fès')!;
    expect(within(fes).getByTestId('trainees').textContent).toBe('487');
    expect(within(fes).getByTestId('inside').textContent).toBe('96');
    expect(within(fes).getByTestId('outside').textContent).toBe('391');
    expect(within(fes).getByTestId('graduates').textContent).toBe('308');
    expect(plain(within(fes).getByTestId('integration-rate').textContent)).toBe('79 %');
    // Grouped as Moroccan French writes it (« 1.478 »).
    const total = within(summary).getByTestId('report-total');
    expect(within(total).getByTestId('trainees').textContent).toBe(
      new Intl.NumberFormat('fr-MA').format(1478),
    );
    expect(within(total).getByRole('rowheader').textContent).toBe('Total');
    expect(screen.getAllByTestId('report-trades')).toHaveLength(3);

    fireEvent.click(screen.getByTestId('export-pdf'));
    await waitFor(() => expect(clicked).toEqual(['rapport-activite-2024.pdf']));
    expect(created).toHaveBeenCalledOnce();
    expect(requests.find((r) => r.operationName === 'ExportActivityReport')?.variables).toEqual({
      year: 2024,
      scope: 'NETWORK',
      format: 'PDF',
    });
  });
});
