/**
 * The web app (public portal and workspace): a React single-page app built into web/dist, which the HTTP server
 * serves beside the API. `npm start` builds it first; `npm run web:dev` serves it with hot reload, proxying /api.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Budget: the portal's initial JavaScript stays under 250 KB gzipped (test/browser/portal.test.ts prints it).
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
