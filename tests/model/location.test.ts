import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../src/model/location.ts';

describe('parseLocation', () => {
  it.each([
    ['http://h/#s=abc-_', { kind: 'share', fragment: 'abc-_', embed: false, autorun: false }],
    [
      'http://h/?preset=load-balancing',
      { kind: 'preset', name: 'load-balancing', embed: false, autorun: false },
    ],
    [
      'http://h/?preset=x&embed=1&autorun=1',
      { kind: 'preset', name: 'x', embed: true, autorun: true },
    ],
    [
      'http://h/?embed=0#s=Q&autorun=1',
      { kind: 'share', fragment: 'Q', embed: false, autorun: true },
    ],
    ['http://h/?preset=p#s=Q', { kind: 'share', fragment: 'Q', embed: false, autorun: false }],
    ['http://h/', { kind: 'none', embed: false, autorun: false }],
    ['/?embed=true', { kind: 'none', embed: true, autorun: false }],
  ])('%s', (href, expected) => {
    expect(parseLocation(href)).toEqual(expected);
  });

  it('takes a location-like object, keeping "+" in the fragment untouched', () => {
    expect(parseLocation({ hash: '#s=a+b', search: '?autorun' })).toEqual({
      kind: 'share',
      fragment: 'a+b',
      embed: false,
      autorun: true,
    });
  });

  it('refuses preset names outside a-z 0-9 -', () => {
    for (const name of ['../etc/passwd', 'Load', 'a b', 'x'.repeat(65), '']) {
      const r = parseLocation({ hash: '', search: `?preset=${encodeURIComponent(name)}` });
      expect(r.kind).toBe('none');
      expect(r.kind === 'none' && r.error).toMatch(/^preset name ".*" is not valid/);
    }
  });
});
