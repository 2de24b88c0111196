import { describe, expect, it } from 'vitest';
import { buildMemory, childNodeOptions, heapLimitMb, SEMI_SPACE_OPTION } from '../src/lib/build/heap.ts';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('heap limit of the build processes', () => {
  it('gives half of the machine memory on a large machine', () => {
    expect(heapLimitMb(24 * GiB, 4288 * MiB)).toBe(12 * 1024);
    expect(heapLimitMb(64 * GiB, 4288 * MiB)).toBe(32 * 1024);
  });

  it("never sets less than Node's own default on a small machine", () => {
    expect(heapLimitMb(4 * GiB, 2048 * MiB)).toBe(2048);
    expect(heapLimitMb(2 * GiB, 1024 * MiB)).toBe(1024);
  });

  it('counts a container memory cap, not the host memory', () => {
    expect(buildMemory(64 * GiB, 8 * GiB)).toBe(8 * GiB);
    expect(buildMemory(16 * GiB, 0)).toBe(16 * GiB);
    expect(buildMemory(16 * GiB, undefined)).toBe(16 * GiB);
    expect(buildMemory(16 * GiB, Number.MAX_SAFE_INTEGER)).toBe(16 * GiB);
  });

  it('adds the limit and the young generation to the options the user passed', () => {
    const { nodeOptions, heapMb } = childNodeOptions('--enable-source-maps', 24 * GiB, 4288 * MiB);
    expect(heapMb).toBe(12288);
    expect(nodeOptions).toBe(`--enable-source-maps ${SEMI_SPACE_OPTION} --max-old-space-size=12288`);
    expect(childNodeOptions(undefined, 24 * GiB, 4288 * MiB).nodeOptions).toBe(`${SEMI_SPACE_OPTION} --max-old-space-size=12288`);
  });

  it('keeps a heap limit the user set in NODE_OPTIONS', () => {
    for (const user of ['--max-old-space-size=3000', '--max_old_space_size=3000', '--trace-gc --max-old-space-size 3000']) {
      const { nodeOptions, heapMb } = childNodeOptions(user, 24 * GiB, 4288 * MiB);
      expect(heapMb).toBeNull();
      expect(nodeOptions).toContain(user);
      expect(nodeOptions).not.toMatch(/12288/);
    }
  });

  it('keeps a young generation size the user set', () => {
    expect(childNodeOptions('--max-semi-space-size=16', 24 * GiB, 4288 * MiB).nodeOptions).toBe('--max-semi-space-size=16 --max-old-space-size=12288');
  });
});
