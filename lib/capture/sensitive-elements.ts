/**
 * What a capture must never show: every password input, and whatever the
 * person's own selectors match (options page). Runs in the page.
 */
export function sensitiveElements(root: ParentNode, selectors: readonly string[]): Element[] {
  // The IDL `type` is normalised (type="PASSWORD" reads 'password'), whatever the selector engine.
  const found = new Set<Element>([...root.querySelectorAll('input')].filter((i) => i.type === 'password'));
  for (const selector of selectors) {
    try {
      root.querySelectorAll(selector).forEach((el) => found.add(el));
    } catch {
      // An invalid selector is refused when saved; one that slipped through must not stop a capture.
    }
  }
  return [...found];
}
