import { render } from 'preact';
import { currentLanguageCode, messages } from '../../utils/i18n';
import { articleCacheHeadItem } from '../../utils/storage';
import { App } from './App';

document.documentElement.lang = currentLanguageCode() === 'zh' ? 'zh-CN' : 'en';
document.title = messages().appName;
const root = document.getElementById('app');
// The cached list's first screenful is read before the first render, so the popup's first paint
// already shows saved articles (and still does offline).
const cachedHead = await articleCacheHeadItem.getValue().catch(() => []);
if (root) render(<App cachedHead={cachedHead} />, root);
