import { defineBackground } from 'wxt/utils/define-background';
import { setUpRouter } from './router';
import { announcePending, setUpAnnounce } from './set-up-announce';
import { setUpBadge } from './set-up-badge';
import { onCaptureCommand, setUpCapture } from './set-up-capture';
import { onMenuClick, setUpContextMenus } from './set-up-context-menus';
import { setUpManaged } from './set-up-managed';
import { setUpNotifications } from './set-up-notifications';
import { runSync, setUpSync } from './set-up-sync';
import { setUpTeam } from './set-up-team';

declare const __E2E__: boolean;

// The entry only wires; each concern lives in its own setUpX().
export default defineBackground(() => {
  setUpBadge();
  setUpCapture();
  setUpContextMenus();
  setUpTeam();
  setUpManaged();
  setUpSync();
  setUpNotifications();
  setUpAnnounce();
  setUpRouter();
  // End-to-end builds only: headless automation cannot press a keyboard
  // shortcut or open a context menu, so the tests call the real handlers.
  if (__E2E__) Object.assign(globalThis, { __incidentTest: { onCaptureCommand, onMenuClick, runSync, announcePending } });
});
