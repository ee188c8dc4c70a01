import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeChartValues, type InjectedValues } from './chart-values';

const injected: InjectedValues = {
  replicated: { license: 'apiVersion: kots.io/v1beta1\nkind: License\n', channelSequence: 4, appName: 'no' },
  global: { replicated: { licenseID: 'abc', licenseFields: { seats: { name: 'seats', value: '250' } } } },
};

describe('merging the injected values into a chart values.yaml', () => {
  it("keeps the vendor's values and comments, and the injected keys win", () => {
    const vendor = [
      '# Vendor comment',
      'replicas: 2',
      'replicated:',
      '  isAirgap: false',
      '  appName: stale',
      'global:',
      '  imageRegistry: registry.example',
      '  replicated:',
      '    licenseID: old',
      '    licenseFields: { other: { value: x } }',
      '',
    ].join('\n');
    const merged = mergeChartValues(vendor, injected);
    expect(merged).toContain('# Vendor comment');
    expect(parse(merged)).toEqual({
      replicas: 2,
      replicated: { isAirgap: false, ...injected.replicated },
      global: { imageRegistry: 'registry.example', replicated: injected.global.replicated },
    });
  });

  it('quotes injected strings, so a YAML 1.1 reader (Helm) cannot take "no" for a boolean', () => {
    const merged = mergeChartValues('a: 1\n', injected);
    expect(merged).toContain('appName: "no"');
    expect(merged).toContain('license: |\n    apiVersion: kots.io/v1beta1\n');
    expect(parse(merged, { version: '1.1' }).replicated.appName).toBe('no');
  });

  it('creates the values when the chart has none, or replaces keys that are not maps', () => {
    const expected = { replicated: injected.replicated, global: { replicated: injected.global.replicated } };
    expect(parse(mergeChartValues(null, injected))).toEqual(expected);
    expect(parse(mergeChartValues('# only a comment\n', injected))).toEqual(expected);
    expect(parse(mergeChartValues('global: ~\nreplicated: ""\n', injected))).toEqual(expected);
  });

  it('refuses values.yaml that is not YAML or not a map', () => {
    expect(() => mergeChartValues('a: [1\n', injected)).toThrow('not valid YAML');
    expect(() => mergeChartValues('- 1\n', injected)).toThrow('not a map');
  });
});
