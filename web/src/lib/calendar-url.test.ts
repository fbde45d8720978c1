// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { feedUrls } from './calendar-url';

describe('calendar feed addresses', () => {
  it('put the API’s path on the page’s origin, and give the same address as webcal', () => {
    expect(feedUrls('https://fes.maalem.ma', '/calendar/t1.abc_DEF-123.ics')).toEqual({
      https: 'https://fes.maalem.ma/calendar/t1.abc_DEF-123.ics',
      webcal: 'webcal://fes.maalem.ma/calendar/t1.abc_DEF-123.ics',
    });
  });

  it('keep the port of a local server, and never double the slash', () => {
    expect(feedUrls('http://127.0.0.1:4000', '/calendar/x.ics')).toEqual({
      https: 'http://127.0.0.1:4000/calendar/x.ics',
      webcal: 'webcal://127.0.0.1:4000/calendar/x.ics',
    });
    expect(feedUrls('http://127.0.0.1:4000/', 'calendar/x.ics').https).toBe(
      'http://127.0.0.1:4000/calendar/x.ics',
    );
  });
});
