import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds take a while on 2 cores; unit tests stay fast.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
