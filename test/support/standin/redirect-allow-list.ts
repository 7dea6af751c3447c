/**
 * GoTrue's choice of where to send the person back, reproduced from
 * internal/utilities/request.go (`GetReferrer`, `IsRedirectURLValid`) in
 * https://github.com/supabase/auth: `redirect_to` when it is allowed, else the
 * Referer header when allowed, else the Site URL, silently. Allowed means:
 * the Site URL's scheme and host (and port, except for loopback hosts), any
 * loopback IP address, or a match of an allow-list entry, each entry a glob
 * with '.' and '/' as separators (internal/conf/configuration.go:
 * `glob.MustCompile(uri, '.', '/')`, github.com/gobwas/glob), compared
 * without the fragment.
 */
export function chooseRedirect(siteUrl: string, allowList: readonly string[], redirectTo: string | null, referer: string | undefined): string {
  if (redirectTo && isRedirectUrlValid(siteUrl, allowList, redirectTo)) return redirectTo;
  if (referer && isRedirectUrlValid(siteUrl, allowList, referer)) return referer;
  return siteUrl;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isRedirectUrlValid(siteUrl: string, allowList: readonly string[], redirectUrl: string): boolean {
  if (redirectUrl === '') return false;
  let base: URL;
  let ref: URL;
  try {
    base = new URL(siteUrl);
    ref = new URL(redirectUrl);
  } catch {
    return false;
  }
  if (base.hostname === ref.hostname && base.protocol === ref.protocol && (base.port === ref.port || LOOPBACK_NAMES.has(ref.hostname))) {
    return true;
  }
  // Go's url.Parse keeps the host as written; WHATWG's URL turns `2130706433` into 127.0.0.1.
  const host = rawHostname(redirectUrl);
  if (/^[0-9]+$/.test(host)) return false; // decimal IP addresses are refused
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':')) return host.startsWith('127.') || host === '::1';
  const withoutFragment = redirectUrl.split('#')[0]!;
  return allowList.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

function rawHostname(url: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) return hostPort.slice(1, hostPort.indexOf(']'));
  return hostPort.replace(/:\d*$/, '');
}

/** gobwas/glob with separators '.' and '/': `**` any text, `*` any text without a separator, `?` one non-separator character. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^./]*';
    else if (c === '?') source += '[^./]';
    else source += c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
