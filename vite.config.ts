import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA. The BFF is built by vite.server.config.ts; in development, run `npm run dev`
// (the built Node server on :8080, this dev server on :5173 proxying to it).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
