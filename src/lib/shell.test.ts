import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell';

/**
 * The arguments bash passes to `printf '%s\0' <words>`, one per NUL. Several words share one bash
 * (starting one per case is slow); a word that split, merged with its neighbour or changed would
 * still show as a different list.
 */
function bashArguments(words: string[]): string[] {
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `printf '%s\\0' ${words.join(' ')}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw result.error;
  expect(result.stdout.endsWith('\0'), result.stderr).toBe(true);
  return result.stdout.slice(0, -1).split('\0');
}

/** mulberry32: a small seeded PRNG, so a failing case can be replayed exactly. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const controls = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\0');
const pools = [
  printableAscii,
  ["'", '"', '`', '$(', ')', '${', '}', '\\', ';', '&', '|', '<', '>', '*', '?', '!', '#', '~', ' ', '\t'],
  ['\n', '\r', '\r\n', ...controls, '\x7f'],
  ['é', 'ß', 'Ω', '中文', 'עברית', 'e\u0301', '\u00a0', '\u2028', '\u202e', '\ufeff'],
  ['😀', '👩‍💻', '🇩🇪', '🏳️‍🌈', '\u{10ffff}'],
];

function randomString(next: () => number): string {
  const length = Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < length; i++) {
    const pool = pools[Math.floor(next() * pools.length)]!;
    s += pool[Math.floor(next() * pool.length)]!;
  }
  return s;
}

const nasty = [
  '',
  ' ',
  "'",
  "''",
  "'\\''",
  '"',
  '\\',
  "\\'",
  'http://proxy.example:3128/ ;touch /tmp/x;',
  'http://proxy.example:3128/$(touch /tmp/x)',
  'http://proxy.example:3128/`touch /tmp/x`',
  'http://proxy.example:3128/\ntouch /tmp/x',
  'a\r\nb',
  '$HOME ${IFS} $0 $1 $@',
  '!!',
  '~root',
  '*',
  '-n',
  '--',
  '#not a comment',
  'x=$(id)',
  '\t',
  '😀 🇩🇪 e\u0301',
];

describe('shellQuote', () => {
  it('makes every string exactly one argument to bash, unchanged', () => {
    const next = random(20_061_122);
    const cases = [...nasty, ...Array.from({ length: 500 }, () => randomString(next))];
    for (let i = 0; i < cases.length; i += 25) {
      const values = cases.slice(i, i + 25);
      expect(bashArguments(values.map(shellQuote))).toEqual(values);
    }
  });

  it('leaves values made only of safe characters as they are, so commands stay readable', () => {
    expect(shellQuote('https://portal.example:8443/embedded/atlas/stable/1.4.0')).toBe(
      'https://portal.example:8443/embedded/atlas/stable/1.4.0',
    );
    expect(shellQuote('alice+ops@acme.example')).toBe('alice+ops@acme.example');
    expect(shellQuote("it's a test")).toBe("'it'\\''s a test'");
    expect(shellQuote('')).toBe("''");
  });

  it('refuses NUL, which no argument can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });
});
