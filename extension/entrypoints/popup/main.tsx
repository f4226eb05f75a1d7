import { render } from 'preact';
import { currentLanguageCode } from '../../utils/i18n';
import { App } from './App';

document.documentElement.lang = currentLanguageCode() === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('app');
if (root) render(<App />, root);
