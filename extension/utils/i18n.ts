// The UI's words in English and Chinese. The language follows the browser's UI language;
// a small dictionary keeps every string testable and shared by the popup, options and background.
// No extension API here: the components that use it are shared with the Worker's web reader.

const english = {
  appName: 'Baozhai',
  savePage: 'Save this page',
  saving: 'Saving…',
  savedArticles: (count: number) => (count === 1 ? 'Saved 1 article' : `Saved ${count} articles`),
  alreadySaved: (count: number) => (count === 1 ? 'Already saved: 1 article' : `Already saved: ${count} articles`),
  queued: 'The server cannot be reached: the page is kept and will be sent when it answers.',
  waiting: (count: number) => `${count} waiting to be sent`,
  retryNow: 'Retry now',
  searchPlaceholder: 'Search saved articles',
  noArticles: 'No saved articles yet.',
  noMatches: 'No articles match.',
  loadMore: 'Load more',
  loading: 'Loading…',
  back: 'Back',
  delete: 'Delete',
  deletedTitle: (title: string) => `Deleted “${title}”.`,
  undo: 'Undo',
  restored: 'Restored.',
  summary: 'Summary',
  keywords: 'Keywords',
  copyMarkdown: 'Copy as Markdown',
  copied: 'Copied.',
  openSource: 'Open the source page',
  pasteLabel: 'Paste text to save',
  pastePlaceholder: 'Paste the text of an article or page here',
  savePaste: 'Save pasted text',
  offlineList: 'Showing saved articles from this browser: the server cannot be reached.',
  refused: 'Not saved',
  dismiss: 'Dismiss',
  settings: 'Settings',
  // Options page
  optionsTitle: 'Baozhai settings',
  serverUrl: 'Server URL',
  token: 'Token',
  save: 'Save',
  savedSettings: 'Settings saved.',
  testConnection: 'Test connection',
  testing: 'Testing…',
  permissionDenied: 'Permission to reach this server was not granted.',
  connectedAndSaved: (version: string) => `Connected: the server answers (version ${version}) and accepts the token. Settings saved.`,
  serverUrlHelp: 'Your Baozhai server. npm start runs one at http://127.0.0.1:8787.',
  tokenHelp: 'The token npm start printed (also in .dev.vars after "dev:").',
  // The same problems as below, said on the settings page itself
  settingsNoServer: 'Enter the server URL.',
  settingsBadServerUrl: 'This server URL is not valid. It looks like http://127.0.0.1:8787.',
  settingsNoToken: 'Enter your token.',
  settingsUnauthorized: 'The server refused the token. Check that it is the one your server was given.',
  settingsUnreachable: 'The server cannot be reached. Check that it is running and that the URL is right.',
  settingsBadResponse: 'The server gave an answer this extension does not understand. Is this URL a Baozhai server?',
  // Errors, each saying what to do
  errorNoServer: 'No server is set. Open the settings and enter your server URL.',
  errorBadServerUrl: 'The server URL is not valid. Open the settings and correct it (for example http://127.0.0.1:8787).',
  errorNoToken: 'No token is set. Open the settings and enter your token.',
  errorUnauthorized: 'The server refused the token. Open the settings and check your token.',
  errorUnreachable: 'The server cannot be reached. Check that it is running and that the URL in the settings is right.',
  errorNothingToSave: 'There is nothing to save on this page: no text was found.',
  errorTooLarge: 'This page is too large to save.',
  errorNotFound: 'Not found: it may have been deleted.',
  errorServer: 'The server had a problem. Try again in a moment.',
  errorBadResponse: 'The server gave an answer this extension does not understand. Is the URL in the settings a Baozhai server?',
  errorRejected: (detail: string) => `The server refused this: ${detail}`,
  errorCannotCapture: 'This page cannot be read (browser pages and the extension store are off limits).',
  errorPdf: 'The PDF could not be read.',
};

type Dictionary = typeof english;

const chinese: Dictionary = {
  appName: '报摘',
  savePage: '保存本页',
  saving: '正在保存…',
  savedArticles: (count: number) => `已保存 ${count} 篇文章`,
  alreadySaved: (count: number) => `之前已保存：${count} 篇文章`,
  queued: '无法连接服务器：本页已暂存，服务器恢复后会自动发送。',
  waiting: (count: number) => `${count} 个待发送`,
  retryNow: '立即重试',
  searchPlaceholder: '搜索已保存的文章',
  noArticles: '还没有保存的文章。',
  noMatches: '没有匹配的文章。',
  loadMore: '加载更多',
  loading: '加载中…',
  back: '返回',
  delete: '删除',
  deletedTitle: (title: string) => `已删除“${title}”。`,
  undo: '撤销',
  restored: '已恢复。',
  summary: '摘要',
  keywords: '关键词',
  copyMarkdown: '复制为 Markdown',
  copied: '已复制。',
  openSource: '打开原网页',
  pasteLabel: '粘贴要保存的文字',
  pastePlaceholder: '在此粘贴文章或页面的文字',
  savePaste: '保存粘贴的文字',
  offlineList: '正在显示本浏览器保存的文章：无法连接服务器。',
  refused: '未保存',
  dismiss: '关闭',
  settings: '设置',
  optionsTitle: '报摘设置',
  serverUrl: '服务器地址',
  token: '令牌',
  save: '保存',
  savedSettings: '设置已保存。',
  testConnection: '测试连接',
  testing: '正在测试…',
  permissionDenied: '未获得访问该服务器的权限。',
  connectedAndSaved: (version: string) => `连接成功：服务器已响应（版本 ${version}），令牌有效。设置已保存。`,
  serverUrlHelp: '报摘服务器的地址；npm start 启动的本地服务器是 http://127.0.0.1:8787。',
  tokenHelp: 'npm start 打印的令牌（也在 .dev.vars 中 "dev:" 之后）。',
  settingsNoServer: '请填写服务器地址。',
  settingsBadServerUrl: '服务器地址无效，格式如 http://127.0.0.1:8787。',
  settingsNoToken: '请填写令牌。',
  settingsUnauthorized: '服务器拒绝了这个令牌。请确认它是服务器所用的令牌。',
  settingsUnreachable: '无法连接服务器。请确认服务器正在运行，且地址正确。',
  settingsBadResponse: '服务器的回答无法识别。这个地址是报摘服务器吗？',
  errorNoServer: '尚未设置服务器。请打开设置，填写服务器地址。',
  errorBadServerUrl: '服务器地址无效。请打开设置改正（例如 http://127.0.0.1:8787）。',
  errorNoToken: '尚未设置令牌。请打开设置，填写令牌。',
  errorUnauthorized: '服务器拒绝了令牌。请打开设置，检查令牌。',
  errorUnreachable: '无法连接服务器。请确认服务器正在运行，且设置中的地址正确。',
  errorNothingToSave: '本页没有可保存的内容：未找到文字。',
  errorTooLarge: '本页太大，无法保存。',
  errorNotFound: '未找到：可能已被删除。',
  errorServer: '服务器出错，请稍后再试。',
  errorBadResponse: '服务器的回答无法识别。设置中的地址是报摘服务器吗？',
  errorRejected: (detail: string) => `服务器拒绝了请求：${detail}`,
  errorCannotCapture: '无法读取此页面（浏览器内部页面和扩展商店不允许读取）。',
  errorPdf: '无法读取这个 PDF。',
};

export type Language = 'en' | 'zh';

export function languageFor(uiLanguage: string): Language {
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The reader's language: the first of the browser's preferred languages (which default to its UI
 * language, and which the reader can change in the browser's settings), else the UI language.
 */
function browserLanguage(): string {
  const preferred = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language;
  if (preferred) return preferred;
  try {
    const extensionI18n = (globalThis as { chrome?: { i18n?: { getUILanguage?(): string } } }).chrome?.i18n;
    return extensionI18n?.getUILanguage?.() ?? 'en';
  } catch {
    return 'en';
  }
}

let currentLanguage: Language | undefined;

/** Overrides the detected language (tests, and a user preference later). */
export function setLanguage(language: Language | undefined): void {
  currentLanguage = language;
}

export function currentLanguageCode(): Language {
  currentLanguage ??= languageFor(browserLanguage());
  return currentLanguage;
}

/** The dictionary for the current UI language. */
export function messages(): Dictionary {
  return currentLanguageCode() === 'zh' ? chinese : english;
}
