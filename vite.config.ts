/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { contentSecurityPolicy, SECURITY_HEADERS } from './server/http/content-security-policy'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The mock backend sets no cookies; spare the browser MSW's cookie library (see the shim).
      ...(process.env.VITEST ? {} : { 'tough-cookie': fileURLToPath(new URL('./src/mocks/shims/tough-cookie.ts', import.meta.url)) }),
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // dist/.vite/manifest.json: scripts/bundle-budget.mjs walks it to size the first visit.
    manifest: true,
  },
  // The default build is previewed (and browser-tested) under the server's own headers.
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': contentSecurityPolicy(), ...SECURITY_HEADERS } },
  server: { port: 5173 },
  test: {
    globals: true,
    restoreMocks: true,
    // Two cores shared with the build: generous per-test limits, so load is not a failure.
    testTimeout: 20_000,
    // Hooks start databases (PGlite opens in seconds, longer under load) and servers.
    hookTimeout: 60_000,
    benchmark: { include: ['src/**/*.bench.ts', 'test/**/*.bench.ts', 'server/**/*.bench.ts'] },
    projects: [
      {
        // The app: components and rules in jsdom, every request answered by the MSW mock backend.
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/contract/**', 'node_modules/**'],
        },
      },
      {
        // The server and the contract suite: real sockets and databases, so no MSW interception.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'test/contract/**/*.test.ts'],
          globalSetup: ['./test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
})
