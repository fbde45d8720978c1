// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOST_LIST,
  hostFilterCount,
  parseHostParams,
  toHostFilter,
  toHostParams,
} from './host-filter';

describe('the host list’s filters in the address', () => {
  it('round-trip through the query string, in a stable order', () => {
    const state = {
      tradeId: 't1',
      kind: 'COOPERATIVE' as const,
      status: ['PAUSED' as const, 'ACTIVE' as const],
      province: ' Fès ',
      search: 'driss',
    };
    const params = toHostParams(state);
    expect(params.toString()).toBe(
      'trade=t1&kind=COOPERATIVE&status=ACTIVE%2CPAUSED&province=F%C3%A8s&q=driss',
    );
    expect(parseHostParams(params)).toEqual({ ...state, status: ['ACTIVE', 'PAUSED'], province: 'Fès' });
  });

  it('ignore what they do not know', () => {
    expect(parseHostParams(new URLSearchParams('kind=CASTLE&status=OPEN,CLOSED&q=%20'))).toEqual({
      ...DEFAULT_HOST_LIST,
      status: ['CLOSED'],
    });
  });

  it('send only the filters that are set', () => {
    expect(toHostFilter(DEFAULT_HOST_LIST)).toEqual({});
    expect(toHostFilter({ ...DEFAULT_HOST_LIST, status: ['ACTIVE'], search: ' x ' })).toEqual({
      status: ['ACTIVE'],
      search: 'x',
    });
    expect(hostFilterCount({ ...DEFAULT_HOST_LIST, kind: 'COMPANY', province: 'Sefrou' })).toBe(2);
  });
});
