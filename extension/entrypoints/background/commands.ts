// The keyboard shortcut (Alt+Shift+S by default) saves the current tab.
import { browser } from 'wxt/browser';
import { showSaveResult } from './badge';
import { saveTab } from './save';

export function setUpCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'save-page' || tab?.id === undefined) return;
    void showSaveResult(tab.id, saveTab(tab.id));
  });
}
