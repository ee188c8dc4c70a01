/**
 * Content-Disposition for a download under the name the uploader gave (RFC 6266): a plain ASCII
 * fallback, and the exact name percent-encoded as UTF-8 (RFC 8187). Nothing from the name can
 * end the header or add a parameter.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]/g, '_').trim() || 'support-bundle.tar.gz';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
