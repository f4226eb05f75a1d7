// The extension's one message protocol. The popup and options page ask the background,
// which alone talks to the server; the background asks the offscreen page to read PDFs (Chrome).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Article, ArticleSummary } from '../../shared/src/schemas';
import type { ServerSettings } from './api';
import type { ApiFailureKind } from './api-failure';
import type { PdfReading } from './pdf-text';
import type { CachedArticle, RefusedCapture } from './storage';

export type SaveOutcome =
  | { status: 'saved'; captureId: string; articles: ArticleSummary[]; alreadySaved: boolean; waiting: number }
  | { status: 'queued'; waiting: number };

export interface QueueStatus {
  waiting: number;
  refused: RefusedCapture[];
}

export type ConnectionTest = { ok: true; version: string } | { ok: false; kind: ApiFailureKind | 'unknown'; message: string };

export interface ArticlePage {
  articles: CachedArticle[];
  cursor: string | null;
  /** True when the server could not be reached and the page comes from the local cache. */
  offline: boolean;
}

interface ProtocolMap {
  /** Captures the given tab (the active tab when omitted) and saves it, or queues it when the server is down. */
  saveTab(data: { tabId?: number }): SaveOutcome;
  savePastedText(data: { text: string }): SaveOutcome;
  queueStatus(): QueueStatus;
  /** Sends waiting captures now, ignoring their backoff. */
  flushQueue(): QueueStatus;
  dismissRefused(): QueueStatus;
  listArticles(data: { q?: string; cursor?: string | null }): ArticlePage;
  getArticle(data: { id: string }): Article;
  getArticleMarkdown(data: { id: string }): string;
  deleteArticle(data: { id: string }): void;
  /** Brings a just-deleted article back (the server keeps deleted articles for a while). */
  restoreArticle(data: { article: Article }): void;
  /** Whether the server answers and takes the token; a failure says which setting to fix. */
  testConnection(data: ServerSettings): ConnectionTest;
  /** Background → offscreen page: a PDF given as base64, read into its pages' layout and text. */
  readPdf(data: { base64: string }): PdfReading;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
