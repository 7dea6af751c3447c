/** Types for scripts/privacy-page.mjs (PRIVACY.md → public/privacy.html). */
export function inline(text: string): string;
export function markdownToHtml(markdown: string): string;
export function privacyPageHtml(markdown: string): string;
