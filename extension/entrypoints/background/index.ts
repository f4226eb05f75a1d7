import { setUpBadge } from './badge';
import { setUpCaptureQueue } from './queue';
import { setUpCommands } from './commands';
import { setUpContextMenu } from './context-menu';
import { setUpMessageHandlers } from './messages';

// Wiring only: each listener is registered synchronously here, its work lives in a sibling file.
export default defineBackground(() => {
  setUpMessageHandlers();
  setUpContextMenu();
  setUpCommands();
  setUpCaptureQueue();
  setUpBadge();
});
