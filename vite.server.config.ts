import { defineConfig } from 'vite'
import { fileURLToPath } from 'node:url'

// The server, bundled for Node by `npm run build` into dist-server/main.js: the same
// contract (src/api), rules (src/domain) and shared backend (src/backend) as the app, with
// npm packages left as imports, so `npm run serve` needs no TypeScript at run time.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
})
