import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// Browser tests over the built app (dist/): a real Chromium against `vite preview`.
// Separate from vite.config.ts because these run in Node, not jsdom, one file at a time.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    name: 'e2e',
    environment: 'node',
    globals: true,
    include: ['test/e2e/**/*.spec.ts'],
    globalSetup: ['./test/e2e/global-setup.ts'],
    // Two shared cores: one browser at a time keeps timings honest and avoids starving the server.
    fileParallelism: false,
    testTimeout: 60_000,
    // No retries: a flaky browser test is a bug to find and fix, not to hide (issue 12, part 7).
    retry: 0,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: './test-results/e2e.json' },
  },
})
