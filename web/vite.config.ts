import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The dashboard (index.html) and the offline GraphQL IDE (graphiql.html), built into
 * dist/web, which copnet serves from its own origin. The map and the IDE are separate
 * chunks loaded on demand, so the first page load stays small.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../dist/web'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    // Sizes are reported by scripts/web-bundle-size.mjs, with the initial-load budget.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: resolve(__dirname, 'index.html'), graphiql: resolve(__dirname, 'graphiql.html') },
      // React is shared by the dashboard and the IDE: one chunk, named for what it is.
      output: { manualChunks: (id) => (/node_modules\/(react|react-dom|scheduler)\//.test(id) ? 'react' : undefined) },
    },
  },
  worker: { format: 'es' },
  test: {
    root: __dirname,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
