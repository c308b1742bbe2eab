import "server-only";
// The Content-Security-Policy of every page. Scripts run only from this origin or with the
// request's nonce (Next.js puts it on its own inline scripts); no 'unsafe-inline' and no
// 'unsafe-eval' for scripts. Styles allow inline attributes (React style props, the
// emails shown in the mailbox): they cannot run code. Violations are reported to
// /api/csp-report.
export const CSP_REPORT_PATH = "/api/csp-report";

export function contentSecurityPolicy(options: { nonce: string; development: boolean; https: boolean }): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React's development build needs eval for its error overlays; production never does.
    [
      "script-src",
      "'self'",
      `'nonce-${options.nonce}'`,
      "'report-sample'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    // Photos taken on the phone are shown from blob: URLs; signatures are data: images.
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    // The development server's hot reload talks over a websocket.
    ["connect-src", "'self'", ...(options.development ? ["ws:", "wss:"] : [])],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["frame-src", "'self'"],
    ["frame-ancestors", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ...(options.https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
    ["report-uri", CSP_REPORT_PATH],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// The headers every page gets: its policy, and behind HTTPS an instruction to browsers to
// come back only over HTTPS (two years, subdomains too).
export function pageSecurityHeaders(options: {
  nonce: string;
  appUrl: string;
  development: boolean;
}): Record<string, string> {
  const https = options.appUrl.startsWith("https://");
  return {
    "Content-Security-Policy": contentSecurityPolicy({ nonce: options.nonce, development: options.development, https }),
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
