// Chrome's offscreen page: reads PDFs for the background service worker, which has no DOM.
import { onMessage } from '../../utils/messaging';
import { base64ToBytes } from '../../utils/page-capture';
import { readPdf } from '../../utils/pdf-text';
import { cMapUrl, pdfjs } from '../../utils/pdfjs-browser';

onMessage('readPdf', ({ data }) => readPdf(base64ToBytes(data.base64), pdfjs, { cMapUrl: cMapUrl() }));
