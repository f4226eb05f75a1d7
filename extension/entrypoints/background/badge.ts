// The toolbar badge: a check mark on pages already saved; progress and failures of saves
// started from the context menu or the shortcut (which have no popup to show them).
import { browser } from 'wxt/browser';
import { isUrlSaved } from '../../utils/article-cache';
import { messages } from '../../utils/i18n';
import type { SaveOutcome } from '../../utils/messaging';
import { savedPageUrlsItem } from '../../utils/storage';

const SAVED_COLOR = '#2e7d32';
const WAITING_COLOR = '#b26a00';
const ERROR_COLOR = '#c62828';

async function setBadge(tabId: number, text: string, color: string, title: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setTitle({ tabId, title });
  } catch {
    // The tab was closed meanwhile.
  }
}

export async function refreshBadge(tabId: number, url: string | undefined): Promise<void> {
  const saved = await isUrlSaved(url);
  await setBadge(tabId, saved ? '✓' : '', SAVED_COLOR, messages().appName);
}

async function refreshActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) await refreshBadge(tab.id, tab.url);
}

/** Shows a save's progress and result on the tab's badge. */
export async function showSaveResult(tabId: number, saving: Promise<SaveOutcome>): Promise<void> {
  await setBadge(tabId, '…', WAITING_COLOR, messages().saving);
  try {
    const outcome = await saving;
    if (outcome.status === 'saved') await setBadge(tabId, '✓', SAVED_COLOR, messages().savedArticles(outcome.articles.length));
    else await setBadge(tabId, String(outcome.waiting), WAITING_COLOR, messages().queued);
  } catch (error) {
    await setBadge(tabId, '!', ERROR_COLOR, error instanceof Error ? error.message : String(error));
  }
}

export function setUpBadge(): void {
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then((tab) => refreshBadge(tabId, tab.url), () => undefined);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void refreshBadge(tabId, tab.url);
  });
  savedPageUrlsItem.watch(() => {
    void refreshActiveTab();
  });
}
