// Vite build of the workbench UI: `vite build web` writes web/dist, which `fulcrum serve` serves.
// `vite web` runs a dev server that proxies /api to a `fulcrum serve` on port 4173.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
