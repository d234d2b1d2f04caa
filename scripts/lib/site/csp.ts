/**
 * The Content-Security-Policy of every page (a meta element in the layout). Scripts and styles
 * come only from the site itself, as files (the build inlines neither); nothing is framed, no
 * plugin runs, forms post only to the site. 'wasm-unsafe-eval' lets Pagefind's WebAssembly run;
 * it does not allow eval of JavaScript. Record data never becomes script or style, so no hash
 * or nonce is needed. (frame-ancestors cannot be set from a meta element: set it as a header
 * where the host allows.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
