import { render } from 'preact';
import { currentLanguageCode } from '../../utils/i18n';
import { Options } from './Options';

document.documentElement.lang = currentLanguageCode() === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('app');
if (root) render(<Options />, root);
