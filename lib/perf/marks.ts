/** Set when the declare form's Title field is rendered, prefilled and focused (read by bench/popup-open.mjs). */
export const TITLE_READY_MARK = 'declare:title-ready';
