// What the capture script hands back to the background: the page's text (with its one article's
// structure when it holds one), or a PDF's bytes. Types only from the schemas: the capture script
// bundles this file and needs no zod.
import type { CapturedArticle, CaptureSource } from '../../shared/src/schemas';

export interface TextCapture {
  kind: 'text';
  url: string;
  title: string;
  lang?: string;
  text: string;
  source: Extract<CaptureSource, 'page' | 'selection'>;
  /** The page's one article with its structure, when the capture found it. */
  article?: CapturedArticle;
}

export type PageCapture = TextCapture | { kind: 'pdf'; url: string; title: string; base64: string };

/** PDFs beyond this are refused rather than read into memory. */
export const MAX_PDF_BYTES = 40 * 1024 * 1024;

/** Base64 in chunks, because String.fromCharCode(...bytes) overflows the stack on large files. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
