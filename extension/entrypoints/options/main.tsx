import { render } from 'preact';
import { currentLanguageCode, messages } from '../../utils/i18n';
import { Options } from './Options';

document.documentElement.lang = currentLanguageCode() === 'zh' ? 'zh-CN' : 'en';
document.title = messages().optionsTitle;
const root = document.getElementById('app');
if (root) render(<Options />, root);
