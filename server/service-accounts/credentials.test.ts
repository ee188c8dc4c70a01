import { describe, expect, it } from 'vitest';
import { parseAuthorization, secretOf } from './credentials';

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
const token = 'portico_sa_abc';

describe('machine credentials', () => {
  it('reads every form the real clients send', () => {
    expect(parseAuthorization(token)).toEqual({ scheme: 'raw', token });
    expect(parseAuthorization(`Bearer ${token}`)).toEqual({ scheme: 'bearer', token });
    expect(parseAuthorization(`bearer  ${token} `)).toEqual({ scheme: 'bearer', token });
    expect(parseAuthorization(basic(`jörg@acme.example:${token}`))).toEqual({
      scheme: 'basic',
      username: 'jörg@acme.example',
      password: token,
    });
    expect(parseAuthorization(basic(`a:b:${token}`))).toMatchObject({ username: 'a', password: `b:${token}` });
  });

  it('refuses what is not one of them', () => {
    for (const header of [
      undefined,
      '',
      '   ',
      'Bearer ',
      'Basic %%%',
      basic('no-colon'),
      'Digest abc',
      'x'.repeat(5000),
    ]) {
      expect(parseAuthorization(header), String(header)).toBeNull();
    }
    expect(parseAuthorization(`Basic ${btoa('\xff\xfe:x')}`)).toBeNull(); // not UTF-8
  });

  it('gives the SDK a token only when both Basic halves are the same', () => {
    expect(secretOf(parseAuthorization(basic(`${token}:${token}`)), 'sdk')).toBe(token);
    expect(secretOf(parseAuthorization(basic(`alice@acme.example:${token}`)), 'sdk')).toBeNull();
    expect(secretOf(parseAuthorization(`Bearer ${token}`), 'sdk')).toBeNull();
    expect(secretOf(parseAuthorization(basic(`alice@acme.example:${token}`)), 'any')).toBe(token);
    expect(secretOf(parseAuthorization(basic('alice@acme.example:')), 'any')).toBeNull();
  });
});
