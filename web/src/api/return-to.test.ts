import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './return-to';

describe('signInPathFor', () => {
  it('keeps the page, its query and hash', () => {
    expect(signInPathFor({ pathname: '/members', search: '?role=TRAINEE', hash: '#top' }, 'expired')).toBe(
      '/sign-in?next=%2Fmembers%3Frole%3DTRAINEE%23top&reason=expired',
    );
  });

  it('does not remember the home page or the sign-in page itself', () => {
    expect(signInPathFor({ pathname: '/' })).toBe('/sign-in');
    expect(signInPathFor({ pathname: '/sign-in', search: '?next=%2Fx' })).toBe('/sign-in');
  });
});

describe('safeNextPath', () => {
  it('accepts paths inside the app', () => {
    expect(safeNextPath('/members?role=TRAINEE')).toBe('/members?role=TRAINEE');
  });

  it('refuses anything that leaves the app or loops back to sign-in', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'members',
      '/sign-in',
      null,
    ]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
});
