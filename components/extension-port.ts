import { browser } from 'wxt/browser';
import type { MessagingPort } from '../lib/messaging/protocol';

/**
 * The one messaging port every surface sends and listens on: the real
 * `browser`, checked against lib/messaging's MessagingPort by the compiler
 * (no cast). It lives here, not in lib/messaging, because lib/ never touches
 * `browser`/`chrome.*` (tests pass a fake port instead); components/ is the
 * folder every surface, the background included, already imports from.
 */
export const extensionPort: MessagingPort = browser;
