import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from './contrast';

describe('readableTextOn', () => {
  it('picks white on dark brand colours and near-black on light ones', () => {
    expect(readableTextOn('#1f5fbf')).toBe('#ffffff');
    expect(readableTextOn('#ffd400')).toBe('#000000');
    expect(readableTextOn('#fff')).toBe('#000000');
  });

  it('keeps at least 4.5:1 contrast on every primary colour', () => {
    // Every 5-bit-per-channel colour: 32,768 samples across the whole RGB cube.
    for (let r = 0; r < 256; r += 8)
      for (let g = 0; g < 256; g += 8)
        for (let b = 0; b < 256; b += 8) {
          const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
          const ratio = contrastRatio(hex, readableTextOn(hex));
          if (ratio < 4.5) throw new Error(`${hex} gives only ${ratio.toFixed(2)}:1`);
        }
  });

  it('measures contrast the WCAG way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
