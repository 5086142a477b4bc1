import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Date-dependent checks (review-metadata) judge against 2026-01-01.
    env: {SOURCE_DATE_EPOCH: '1767225600'}
  }
})
