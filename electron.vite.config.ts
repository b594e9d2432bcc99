import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src-shared/protocol';

/**
 * The built page also carries its CSP in a <meta> tag, a second line behind the header both doors
 * send (app:// in Electron, the HTTP server in a browser). Build only: the dev server needs its
 * websocket, which the Electron main adds to the header instead. `frame-ancestors` is dropped here
 * because browsers ignore it (with a console warning) in a meta tag; the header keeps it.
 */
function cspMeta(): Plugin {
  const policy = contentSecurityPolicy()
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'lab-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * The WebAssembly kernels (scripts/build-wasm.mjs) beside the main bundle's worker, which loads
 * out/main/kernels.wasm by path (unpacked beside app.asar when packaged, like the worker).
 */
function wasmKernels(): Plugin {
  return {
    name: 'lab-wasm-kernels',
    writeBundle: () => {
      execFileSync(process.execPath, [resolve('scripts/build-wasm.mjs'), resolve('out/main')], { stdio: 'inherit' });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), wasmKernels()],
    build: {
      rollupOptions: { input: { index: resolve('src-main/electron/main.ts') } },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [vue(), cspMeta()],
    build: {
      outDir: resolve('out/renderer'),
      // The browser door may serve the page to another machine: ship it minified.
      minify: 'esbuild',
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
