import { describe, expect, it } from 'vitest';
import { sameBuildDependencies } from '../e2e/support/previous-release';

/** The update test links today's node_modules into the previous release only when its build would get the same packages. */
describe('the previous release’s build dependencies', () => {
  const lock = {
    packages: {
      'node_modules/preact': { version: '11.2.0' },
      'node_modules/chart.js': { version: '4.6.1', dependencies: { '@kurkle/color': '^0.3.0' } },
      'node_modules/@kurkle/color': { version: '0.3.4' },
      'node_modules/esbuild': { version: '0.28.2', optionalDependencies: { '@esbuild/win32-x64': '0.28.2' } },
      'node_modules/typescript': { version: '7.0.2' },
    },
  };
  const release = { dependencies: { preact: '^11.2.0', 'chart.js': '^4.6.1' } };
  const here = (versions: Record<string, string>) => (name: string) => versions[name];

  it('are the same when every package its build pulls in has the same version here', () => {
    expect(sameBuildDependencies(lock, release, here({ preact: '11.2.0', 'chart.js': '4.6.1', '@kurkle/color': '0.3.4', esbuild: '0.28.2', typescript: '6.0.3' })))
      .toEqual({ same: true, differing: [] });
  });

  it('differ when a package pulled in through another has another version, or is missing', () => {
    expect(sameBuildDependencies(lock, release, here({ preact: '11.2.0', 'chart.js': '4.6.1', '@kurkle/color': '0.3.5' })))
      .toEqual({ same: false, differing: ['esbuild 0.28.2 (here absent)', '@kurkle/color 0.3.4 (here 0.3.5)'] });
  });
});
