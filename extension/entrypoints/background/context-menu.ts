// Right-click entries: "save this page" on the page, "save selected text" on a selection.
// Both run the capture script, which reads the selection with its line breaks kept.
import { browser } from 'wxt/browser';
import { showSaveResult } from './badge';
import { saveTab } from './save';

const SAVE_PAGE_MENU = 'save-page';
const SAVE_SELECTION_MENU = 'save-selection';

export function setUpContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_PAGE_MENU, title: browser.i18n.getMessage('menuSavePage'), contexts: ['page'] });
    browser.contextMenus.create({
      id: SAVE_SELECTION_MENU,
      title: browser.i18n.getMessage('menuSaveSelection'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_PAGE_MENU && info.menuItemId !== SAVE_SELECTION_MENU) return;
    if (tab?.id === undefined) return;
    void showSaveResult(tab.id, saveTab(tab.id));
  });
}
