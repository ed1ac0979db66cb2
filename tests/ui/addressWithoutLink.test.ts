// A link is applied once: the address the editor keeps has no link in it, and nothing else lost.
import { describe, expect, it } from 'vitest';
import { addressWithoutLink } from '../../src/ui/layout/bootstrap.ts';

describe('the address after a link has opened', () => {
  it.each([
    ['http://h/?preset=load-balancing', 'http://h/'],
    ['http://h/app/?preset=x&autorun=1#s=abc', 'http://h/app/'],
    ['http://h/#s=abc&autorun=1', 'http://h/'],
    ['http://h/?lang=en&preset=x#s=abc&other=1', 'http://h/?lang=en#other=1'],
    ['http://h/#s=', 'http://h/'],
    ['http://h/', 'http://h/'],
  ])('%s → %s', (from, to) => {
    expect(addressWithoutLink(from)).toBe(to);
  });
});
