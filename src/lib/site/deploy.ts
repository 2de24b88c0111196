/**
 * Where the site is published: SITE_URL (absolute URL, may carry a path) and BASE_PATH (the path
 * the site is served under), validated in this one place for astro.config.mjs. A wrong value is
 * one DeployConfigError whose message names the variable; nothing half-valid reaches the build.
 *
 *   SITE_URL=https://example.org/archive         → site https://example.org/, base /archive/
 *   SITE_URL=https://example.org BASE_PATH=docs  → site https://example.org/, base /docs/
 *   both with a path                             → they must name the same path
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export class DeployConfigError extends Error {}

export interface DeployTarget {
  /** Origin of the site (Astro's `site`). */
  site: string;
  /** Path the site is served under, "/" or "/a/b/" (Astro's `base`). */
  base: string;
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** "/archive", "archive/" → ["archive"]; throws on anything that is not a plain URL path. */
function pathSegments(value: string, variable: string): string[] {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return [];
  const segments = trimmed.split('/');
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') {
      throw new DeployConfigError(
        `${variable} must be a URL path such as /archive/ (segments of letters, digits, "-", ".", "_", "~"; no "." or ".." segment, no "//"); got ${JSON.stringify(value)}`,
      );
    }
  }
  return segments;
}

export function deployTarget(env: Record<string, string | undefined>): DeployTarget {
  const rawSite = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(rawSite);
  } catch {
    throw new DeployConfigError(
      `SITE_URL is not a valid absolute URL: ${JSON.stringify(rawSite)} (expected e.g. https://example.org or https://example.org/archive)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DeployConfigError(`SITE_URL must be an http(s) URL: ${JSON.stringify(rawSite)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new DeployConfigError(`SITE_URL must not carry credentials, a query or a fragment: ${JSON.stringify(rawSite)}`);
  }
  const sitePath = pathSegments(url.pathname, 'SITE_URL path').join('/');
  const basePath = pathSegments(env.BASE_PATH ?? '', 'BASE_PATH').join('/');
  if (sitePath && basePath && sitePath !== basePath) {
    throw new DeployConfigError(`SITE_URL's path (/${sitePath}/) and BASE_PATH (/${basePath}/) disagree: give the path once, in either`);
  }
  const path = basePath || sitePath;
  return { site: url.origin, base: path ? `/${path}/` : '/' };
}
