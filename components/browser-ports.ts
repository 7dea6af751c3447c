import { browser } from 'wxt/browser';
import { chromePermissions, firefoxPermissions, type PermissionsApi, type PermissionsPort } from '../lib/browser/permissions';
import { chromeSidePanel, firefoxSidebar, type ChromeSidePanelApi, type FirefoxSidebarApi, type SidePanelPort } from '../lib/browser/side-panel';

/**
 * The lib/browser ports the extension pages use, wired to the real `browser`.
 * This is the one place the pages' code asks which browser it was built for
 * (WXT's import.meta.env.FIREFOX, fixed at build time); the UI only calls the
 * ports. The casts: @wxt-dev/browser types Chrome's API, which has no
 * `sidebarAction` and no `data_collection`.
 */
export const sidePanel: SidePanelPort = import.meta.env.FIREFOX
  ? firefoxSidebar(browser as unknown as FirefoxSidebarApi)
  : chromeSidePanel(browser as unknown as ChromeSidePanelApi);

export const permissions: PermissionsPort = import.meta.env.FIREFOX
  ? firefoxPermissions(browser as unknown as PermissionsApi)
  : chromePermissions(browser as unknown as PermissionsApi);
