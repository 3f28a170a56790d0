import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where `npm start` and the browser tests find the built client (server/app.ts serves it). */
export const CLIENT_OUT_DIR = fileURLToPath(new URL('./dist/client', import.meta.url));

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** The React client: `npm run dev` serves it with hot reload and proxies the API and live events to the server. */
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: { outDir: CLIENT_OUT_DIR, emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
