import { describe, expect, test } from 'vitest';
import { addressFrom, limitKey } from './client-address';

describe('limitKey', () => {
  test('an IPv4 address is its own key, also when IPv4-mapped', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  test('IPv6 addresses count by their /64, however they are written', () => {
    expect(limitKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(limitKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(limitKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(limitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('addressFrom', () => {
  test('without a trusted proxy it is the last address: the one server.mjs put there from the socket', () => {
    expect(addressFrom('198.51.100.9', 0)).toBe('198.51.100.9');
    expect(addressFrom(null, 0)).toBe('unknown');
  });

  test('behind N trusted proxies it is the Nth address from the right, whatever the client prepended', () => {
    expect(addressFrom('6.6.6.6, 198.51.100.9', 1)).toBe('198.51.100.9');
    expect(addressFrom('6.6.6.6, 198.51.100.9, 10.0.0.2', 2)).toBe('198.51.100.9');
    expect(addressFrom('10.0.0.2', 2)).toBe('10.0.0.2');
  });
});
