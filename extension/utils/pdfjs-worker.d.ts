// pdf.js ships its worker module without types; only its presence matters here.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
