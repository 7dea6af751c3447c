/** What the popup learns about a tab: its address, its title and its `<meta>` tags. */
export interface PageFacts {
  url: string;
  title: string;
  /** Lower-cased `name` / `property` → `content`, e.g. `og:title`, `twitter:title`, `description`. */
  meta: Record<string, string>;
}

/**
 * Reads the facts in the page itself. Passed to `chrome.scripting.executeScript({ func })`,
 * which sends the function's *source* to the tab, so the body must stand alone: no imports,
 * no module constants, no helper functions or arrow functions (a bundler with keepNames
 * wraps those in an outside `__name` helper). It runs in the extension's isolated world,
 * so a page cannot patch the DOM methods it calls.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#type-ScriptInjection
 */
export function readPageFacts(): PageFacts {
  const MAX_VALUE = 500;
  const MAX_TAGS = 50;
  // Read first, so a head with dozens of other tags (GitHub has well over 50) cannot crowd them out.
  const WANTED = /^(og:|twitter:)|^(description|application-name|apple-mobile-web-app-title)$/;
  // Anti-forgery tokens, nonces and signatures say nothing about the page and must not leave it.
  const SECRET = /csrf|xsrf|token|nonce|hmac|secret|password|signature/;
  const meta: Record<string, string> = {};
  let stored = 0;
  const tags = document.querySelectorAll('head meta[content]');
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < tags.length && stored < MAX_TAGS; i++) {
      const tag = tags.item(i);
      const content = (tag.getAttribute('content') ?? '').trim().slice(0, MAX_VALUE);
      if (!content) continue;
      // Some sites write <meta name="og:title">, a few set both attributes on one tag.
      const keys = [tag.getAttribute('property'), tag.getAttribute('name')];
      for (let k = 0; k < keys.length && stored < MAX_TAGS; k++) {
        const key = (keys[k] ?? '').trim().toLowerCase().slice(0, 100);
        if (!key || WANTED.test(key) !== (pass === 0) || SECRET.test(key)) continue;
        // First tag wins (og:image and friends repeat); never write through __proto__.
        if (key === '__proto__' || Object.prototype.hasOwnProperty.call(meta, key)) continue;
        meta[key] = content;
        stored++;
      }
    }
  }
  return { url: String(location.href), title: String(document.title ?? '').slice(0, 1_000), meta };
}
