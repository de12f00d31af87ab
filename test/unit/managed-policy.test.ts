import { beforeEach, describe, expect, it, vi } from 'vitest';

// The one module that touches the browser, replaced by a stand-in of managed storage.
const managed = { get: vi.fn<() => Promise<unknown>>() };
const listeners = new Set<(changes: unknown, areaName: string) => void>();
vi.mock('../../src/platform/browser', () => ({
  browser: {
    storage: {
      managed,
      onChanged: { addListener: (f: never) => listeners.add(f), removeListener: (f: never) => listeners.delete(f) },
    },
  },
}));
const { onManagedPolicyChanged, readManagedPolicy } = await import('../../src/platform/managed-policy');

describe('readManagedPolicy', () => {
  beforeEach(() => managed.get.mockReset());

  it('gives the policy as managed storage holds it', async () => {
    managed.get.mockResolvedValue({ defaultLanguage: 'sv' });
    await expect(readManagedPolicy()).resolves.toEqual({ defaultLanguage: 'sv' });
  });

  it('gives null when there is none: Chrome resolves {}, Firefox rejects', async () => {
    managed.get.mockResolvedValue({});
    await expect(readManagedPolicy()).resolves.toBeNull();
    managed.get.mockRejectedValue(new Error('Managed storage manifest not found'));
    await expect(readManagedPolicy()).resolves.toBeNull();
    managed.get.mockImplementation(() => { throw new TypeError('storage.managed is undefined'); });
    await expect(readManagedPolicy()).resolves.toBeNull();
    managed.get.mockResolvedValue(undefined);
    await expect(readManagedPolicy()).resolves.toBeNull();
  });
});

describe('onManagedPolicyChanged', () => {
  it('calls back on changes to managed storage only, until stopped', () => {
    const listener = vi.fn();
    const stop = onManagedPolicyChanged(listener);
    for (const fire of listeners) fire({ minimumGroupFloor: { newValue: 7 } }, 'local');
    expect(listener).not.toHaveBeenCalled();
    for (const fire of listeners) fire({ minimumGroupFloor: { newValue: 7 } }, 'managed');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
