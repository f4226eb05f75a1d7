import { defineConfig } from 'vitest/config';

// The PDF corpus: pages typeset by Chromium and WeasyPrint, read back by pdf.js, pdftotext and
// PDFium. Builds a small subset into the cache (.cache/pdf-corpus) and holds its figures as floors.
export default defineConfig({
  test: {
    name: 'pdf-corpus',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
