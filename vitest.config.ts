import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // better-sqlite3 and exceljs tests write real files; keep them in separate processes.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
