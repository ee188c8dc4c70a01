import { defineConfig } from 'vite';

// The Node host, bundled so the core's import.meta.glob (migrations) and ?raw imports resolve;
// node_modules stay external and load at run time.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { main: 'server/node/main.ts', 'make-template': 'server/node/make-template.ts' },
      output: { entryFileNames: '[name].js' },
    },
  },
});
