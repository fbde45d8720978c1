import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale-provider';
import fr from '../i18n/messages/fr.json';
import { useEnrollmentListState } from '../lib/use-list-state';
import { EnrollmentFilters } from './enrollment-filters';

function Harness() {
  const [state, update] = useEnrollmentListState();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <EnrollmentFilters
        state={state}
        onChange={update}
        trades={[{ id: 't1', nameFr: 'Tissage', nameAr: 'النسيج' }]}
        cohorts={[{ id: 'c1', label: 'Tissage 2026-2027' }]}
      />
      <button type="button" onClick={() => update({ sex: 'F' })}>
        women
      </button>
      <button type="button" onClick={() => navigate(-1)}>
        back
      </button>
      <button type="button" onClick={() => navigate(1)}>
        forward
      </button>
      <output data-testid="url">{location.search}</output>
    </>
  );
}

const renderAt = (path: string) =>
  render(
    <MantineProvider>
      <LocaleProvider>
        <IntlProvider locale="fr-MA" messages={fr}>
          <MemoryRouter initialEntries={[path]}>
            <Harness />
          </MemoryRouter>
        </IntlProvider>
      </LocaleProvider>
    </MantineProvider>,
  );

const url = () => screen.getByTestId('url').textContent;
const searchBox = () => screen.getByLabelText('Rechercher') as HTMLInputElement;
const type = (value: string) => fireEvent.change(searchBox(), { target: { value } });
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('enrollment filters in the address', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('start from the address (a reload or a shared link)', () => {
    renderAt('/enrollment?q=ali&sex=M&sort=NEWEST');
    expect(searchBox().value).toBe('ali');
    expect(screen.getByText('Effacer les filtres')).toBeTruthy();
  });

  it('commit the search once typing pauses: one request and one history entry, not one per key', () => {
    renderAt('/enrollment?sex=M');
    type('a');
    type('am');
    wait(200);
    type('ami');
    wait(200);
    expect(url()).toBe('?sex=M');
    wait(200);
    expect(url()).toBe('?sex=M&q=ami');
    // Only one entry was added: back leads to the list before the search, and the box follows.
    fireEvent.click(screen.getByText('back'));
    expect(url()).toBe('?sex=M');
    expect(searchBox().value).toBe('');
    fireEvent.click(screen.getByText('forward'));
    expect(url()).toBe('?sex=M&q=ami');
    expect(searchBox().value).toBe('ami');
  });

  it('commit at once on Enter', () => {
    renderAt('/enrollment');
    type('Benali');
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    expect(url()).toBe('?q=Benali');
  });

  it('keep what is typed while a committed value comes back trimmed', () => {
    renderAt('/enrollment');
    type('amina ');
    wait(400);
    expect(url()).toBe('?q=amina');
    expect(searchBox().value).toBe('amina ');
  });

  it('keep the other filters when one changes, and clear them all but the order', () => {
    renderAt('/enrollment?q=ali&sort=NEWEST');
    fireEvent.click(screen.getByText('women'));
    expect(url()).toBe('?sex=F&q=ali&sort=NEWEST');
    fireEvent.click(screen.getByText('Effacer les filtres'));
    expect(url()).toBe('?sort=NEWEST');
    expect(searchBox().value).toBe('');
    expect(screen.queryByText('Effacer les filtres')).toBeNull();
  });
});
