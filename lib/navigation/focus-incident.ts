import { storage } from 'wxt/utils/storage';

/**
 * Which incident the side panel should show. The popup sets it when a person
 * asks to open the side panel; an open panel follows it live (and parses it as
 * an id before use). Session storage: navigation state, not data.
 */
export const focusIncidentItem = storage.defineItem<string | null>('session:focusIncident', { fallback: null });
