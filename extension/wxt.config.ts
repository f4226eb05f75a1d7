import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension shares the repository's package.json (one package, no workspaces), so the
// manifest version comes from there; the build lands in <repo>/.output like `npm start` expects.
const rootPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// pdf.js needs its CMaps to read PDFs whose CJK fonts are not embedded (common in e-papers).
const cMapsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');

export default defineConfig({
  // The E2E tests build into a directory of their own, so a build for `npm start` or the
  // benchmark cannot replace the files under a running browser.
  outDir: process.env.BAOZHAI_EXTENSION_OUT_DIR ?? '../.output',
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of readdirSync(cMapsDir)) {
        files.push({ absoluteSrc: path.join(cMapsDir, name), relativeDest: `cmaps/${name}` });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version: rootPackage.version,
    default_locale: 'en',
    // `tabs` only lets the badge compare the current page's address with the saved ones;
    // page content is read only when the user asks (activeTab + scripting).
    permissions: [
      'activeTab',
      'tabs',
      'scripting',
      'storage',
      'contextMenus',
      'alarms',
      // The waiting-capture queue may hold several large pages; it must never hit the 10 MB quota.
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Only the user's own server: the local dev worker by default, any other origin on request
    // (the options page asks for it when the user enters a different server).
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePage__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baozhai@example.org',
              strict_min_version: '140.0',
              // The text of pages the user saves leaves the browser, for the server the user set.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
