/** Set when the declare form's Title field is rendered, prefilled and focused (read by bench/popup-open.mjs). */
export const TITLE_READY_MARK = 'declare:title-ready';

/**
 * Measured in the background around each capture's Resource Timing read (the
 * executeScript round trip into the page; read by bench/capture.mjs and
 * bench/firefox-capture.mjs). One entry per capture: a few bytes.
 */
export const NETWORK_READ_MEASURE = 'capture:network-read';
/** The probe's own time inside the page (lib/capture/resource-timing-probe.ts `readMs`), ending when the round trip does. */
export const NETWORK_PROBE_MEASURE = 'capture:network-probe';

/** Set when the printable report's every image has decoded or given up (`data-ready`; read by bench/report.run.ts). */
export const REPORT_READY_MARK = 'report:ready';
