import { describe, expect, it } from 'vitest';
import { inferredInstallMethod } from './installs';

describe('inferredInstallMethod: the method of an instance that came from no attempt', () => {
  it('is Embedded Cluster when the instance names its Embedded Cluster, or the distribution says so', () => {
    expect(inferredInstallMethod({ embeddedClusterId: 'ec-1', sdkVersion: '1.0.0' })).toBe('embedded');
    expect(inferredInstallMethod({ k8sDistribution: 'embedded-cluster' })).toBe('embedded');
  });

  it('is Helm for the SDK on its own, and unknown when nothing says (KOTS, a bare record)', () => {
    expect(inferredInstallMethod({ sdkVersion: '1.0.0', k8sDistribution: 'eks' })).toBe('helm');
    expect(inferredInstallMethod({ k8sDistribution: 'k3s' })).toBeNull();
    expect(inferredInstallMethod({})).toBeNull();
  });
});
