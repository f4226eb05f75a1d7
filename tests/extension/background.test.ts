// The background's wiring: the context-menu entries and the keyboard shortcut save the tab they
// were used on, and the badge shows the outcome. WXT's fake browser does not implement menus,
// commands, scripting or the toolbar action, so those few calls are stood in for here; storage,
// alarms and the save path are the real code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaptureInput } from '../../shared/src/schemas';
import { setLanguage } from '../../extension/utils/i18n';
import type { PageCapture } from '../../extension/utils/page-capture';
import { apiTokenItem, pendingCapturesItem, savedPageUrlsItem } from '../../extension/utils/storage';
import { captureResponse } from './fixtures';

type Listener = (...args: never[]) => unknown;

const PAGE: PageCapture = {
  kind: 'text',
  url: 'https://news.example.com/2024/07/31/story.html',
  title: '纳凉避暑',
  lang: 'zh-CN',
  text: '纳凉避暑\n\n入伏后，我市39处人防工程纳凉点已有序向群众免费开放。',
  source: 'selection',
};

function standIns() {
  const menus: Array<{ id: string; contexts: string[] }> = [];
  const listeners: Record<string, Listener> = {};
  const badges = new Map<number, string>();
  const injected: Array<{ tabId: number; files: string[] }> = [];
  const posted: unknown[] = [];
  const listen = (name: string) => ({ addListener: (listener: Listener) => void (listeners[name] = listener) });
  Object.assign(fakeBrowser.contextMenus, {
    create: (properties: { id: string; contexts: string[] }) => void menus.push(properties),
    onClicked: listen('menu'),
  });
  Object.assign(fakeBrowser.commands, { onCommand: listen('command') });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  Object.assign(fakeBrowser.scripting, {
    executeScript: async (injection: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: injection.target.tabId, files: injection.files });
      return [{ frameId: 0, result: PAGE }];
    },
  });
  Object.assign(fakeBrowser.action, {
    setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
    setBadgeBackgroundColor: async () => undefined,
    setTitle: async () => undefined,
  });
  let serverUp = true;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input: RequestInfo | URL, init?: RequestInit) => {
    if (!serverUp) throw new TypeError('Failed to fetch');
    const body = CaptureInput.parse(JSON.parse(String(init?.body)));
    posted.push(body);
    return new Response(JSON.stringify(captureResponse(body, ['a1'])), { status: 201, headers: { 'content-type': 'application/json' } });
  });
  return {
    menus,
    listeners,
    badges,
    injected,
    posted,
    setServerUp(up: boolean) {
      serverUp = up;
    },
  };
}

/** A fresh copy of the background (its message handlers may be registered once per module instance). */
async function startBackground(): Promise<void> {
  vi.resetModules();
  const { default: background } = await import('../../extension/entrypoints/background');
  background.main();
}

/** Lets the fire-and-forget save started by a listener finish. */
async function settled(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('background', () => {
  beforeEach(async () => {
    await fakeBrowser.reset();
    setLanguage('en');
    await apiTokenItem.setValue('tok');
  });
  // Only the fetch stand-in: WXT's test setup stubs globals (chrome) that must stay.
  afterEach(() => vi.restoreAllMocks());

  it('adds a page entry and a selection entry to the context menu when installed', async () => {
    const stand = standIns();
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(stand.menus.map(({ id, contexts }) => ({ id, contexts }))).toEqual([
      { id: 'save-page', contexts: ['page'] },
      { id: 'save-selection', contexts: ['selection'] },
    ]);
  });

  it.each([
    ['the selection context-menu entry', 'menu', [{ menuItemId: 'save-selection' }, { id: 41 }]],
    ['the page context-menu entry', 'menu', [{ menuItemId: 'save-page' }, { id: 41 }]],
    ['the keyboard shortcut', 'command', ['save-page', { id: 41 }]],
  ])('saves the tab %s was used on and marks it saved', async (_case, listenerName, args) => {
    const stand = standIns();
    await startBackground();
    (stand.listeners[listenerName] as (...input: unknown[]) => void)(...args);
    await settled(() => stand.badges.get(41) === '✓');
    expect(stand.injected).toEqual([{ tabId: 41, files: ['/content-scripts/capture.js'] }]);
    expect(stand.posted).toEqual([
      expect.objectContaining({ text: PAGE.text, url: PAGE.url, title: PAGE.title, source: 'selection', lang: 'zh-CN' }),
    ]);
    expect(stand.badges.get(41)).toBe('✓');
    expect(await savedPageUrlsItem.getValue()).toEqual([PAGE.url]);
  });

  it('keeps the capture and shows the waiting count on the badge when the server is down', async () => {
    const stand = standIns();
    stand.setServerUp(false);
    await startBackground();
    (stand.listeners.command as (...input: unknown[]) => void)('save-page', { id: 9 });
    await settled(() => stand.badges.get(9) === '1');
    expect(stand.badges.get(9)).toBe('1');
    expect((await pendingCapturesItem.getValue()).map((item) => item.input.url)).toEqual([PAGE.url]);
  });
});
