const URL_IN_TEXT = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

/** Plain text with its http(s) URLs as links; everything else stays text. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_IN_TEXT);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <SafeLink key={i} href={part}>
            {part}
          </SafeLink>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Only http(s) links become anchors; anything else is shown as text. */
export function SafeLink({ href, children }: { href: string; children: React.ReactNode }) {
  let safe = false;
  try {
    const { protocol } = new URL(href);
    safe = protocol === 'http:' || protocol === 'https:';
  } catch {
    safe = false;
  }
  if (!safe) return <span className="text">{href}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="text">
      {children}
    </a>
  );
}
