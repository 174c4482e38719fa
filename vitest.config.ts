import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores: the browser and server tests compete with each other beyond two workers.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
})
