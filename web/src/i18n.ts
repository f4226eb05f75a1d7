// The web reader's own words, in English and Chinese; the article components bring theirs from
// the extension's dictionary. Both follow one language: the browser's, or the reader's choice.
import { useState } from 'preact/hooks';
import { currentLanguageCode, setLanguage, type Language } from '../../extension/utils/i18n';

const english = {
  appName: 'Baozhai',
  signInTitle: 'Sign in',
  tokenLabel: 'API token',
  signInHelp: 'Paste your API token once. This browser then keeps a session; the token itself is not stored.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  badToken: 'The server refused this token. Check it and try again.',
  unreachable: 'The server cannot be reached. Try again in a moment.',
  failed: (message: string) => `Something went wrong: ${message}`,
  sessionEnded: 'Your session has ended. Sign in again.',
  search: 'Search',
  searchLabel: 'Search the full text of your articles',
  clearSearch: 'Clear search',
  results: (count: number, more: boolean) => (count === 1 && !more ? '1 article' : `${count}${more ? '+' : ''} articles`),
  feedAndExport: 'Feed & export',
  feedTitle: 'Atom feed',
  feedHelp: 'Your latest 50 articles, for a feed reader or an e-reader. The address is secret: anyone who has it can read them. A new address stops the old one.',
  feedLabel: 'Feed address',
  copy: 'Copy',
  rotateFeed: 'New address',
  rotateConfirm: 'Make a new feed address? The old one stops working.',
  feedRotated: 'The feed has a new address; the old one no longer works.',
  exportTitle: 'Export',
  exportJson: 'All articles as JSON',
  exportZip: 'All articles as Markdown files (zip)',
  exportEpub: (count: number) => (count === 1 ? 'This article as EPUB' : `The ${count} articles listed as EPUB`),
  exportEpubNone: 'List or search articles first to make an EPUB of them.',
  deletedTitle: (title: string) => `Deleted “${title}”.`,
  language: 'Language',
  otherLanguage: '中文',
  otherLanguageCode: 'zh' as Language,
};

type Dictionary = typeof english;

const chinese: Dictionary = {
  appName: '报摘',
  signInTitle: '登录',
  tokenLabel: 'API 令牌',
  signInHelp: '粘贴一次 API 令牌即可登录。之后浏览器只保留会话，不保存令牌本身。',
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出登录',
  badToken: '服务器拒绝了这个令牌。请检查后重试。',
  unreachable: '无法连接服务器，请稍后再试。',
  failed: (message: string) => `出错了：${message}`,
  sessionEnded: '会话已结束，请重新登录。',
  search: '搜索',
  searchLabel: '全文搜索已保存的文章',
  clearSearch: '清除搜索',
  results: (count: number, more: boolean) => `${count}${more ? '+' : ''} 篇文章`,
  feedAndExport: '订阅与导出',
  feedTitle: 'Atom 订阅',
  feedHelp: '最新的 50 篇文章，供阅读器或电子书阅读器订阅。地址是保密的：知道地址的人都能读到。换新地址后，旧地址即失效。',
  feedLabel: '订阅地址',
  copy: '复制',
  rotateFeed: '换新地址',
  rotateConfirm: '要换新的订阅地址吗？旧地址将失效。',
  feedRotated: '订阅地址已更换，旧地址不再可用。',
  exportTitle: '导出',
  exportJson: '全部文章（JSON）',
  exportZip: '全部文章（Markdown 文件，zip）',
  exportEpub: (count: number) => (count === 1 ? '本文（EPUB）' : `列出的 ${count} 篇文章（EPUB）`),
  exportEpubNone: '先列出或搜索文章，再把它们导出为 EPUB。',
  deletedTitle: (title: string) => `已删除《${title}》。`,
  language: '语言',
  otherLanguage: 'English',
  otherLanguageCode: 'en' as Language,
};

const LANGUAGE_KEY = 'baozhai.language';

/** The reader's own choice, if any (only the language is kept in this browser's storage). */
function chosenLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'zh' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

function applyLanguage(language: Language | undefined): Language {
  setLanguage(language);
  const code = currentLanguageCode();
  document.documentElement.lang = code === 'zh' ? 'zh-CN' : 'en';
  return code;
}

/** The current language and a switch; switching re-renders the whole app in the other one. */
export function useLanguage(): [Language, (language: Language) => void] {
  const [language, setState] = useState<Language>(() => applyLanguage(chosenLanguage()));
  const choose = (next: Language) => {
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page.
    }
    setState(applyLanguage(next));
  };
  return [language, choose];
}

export function words(language: Language): Dictionary {
  return language === 'zh' ? chinese : english;
}
