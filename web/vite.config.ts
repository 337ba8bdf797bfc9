/**
 * Vite build of the web UI: root web/, output web/dist (served by the Fastify server).
 * Chunks: react, antd and echarts each get their own vendor chunk; pages are lazy-loaded (React.lazy),
 * so the first load carries only the shell. `npm run build:web` = `vite build --config web/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts';
  if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
  return null;
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: (id: string) => vendorChunk(id), debugName: 'vendor' }],
        },
      },
    },
  },
  server: {
    // `HUXUN_KEY=… npx vite --config web/vite.config.ts` during development: the API comes from a running
    // `huxun serve`, whose guard wants its own Host, no foreign Origin and the launch key (the ?k= it printed).
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:7878',
        changeOrigin: true,
        headers: { 'x-huxun-key': process.env.HUXUN_KEY ?? '' },
        configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
      },
    },
  },
});
