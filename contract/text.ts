/**
 * Text no field may hold: NUL, which PostgreSQL cannot store in text or jsonb, and a lone UTF-16
 * surrogate, which has no UTF-8 form and would be stored silently mangled (issue 6, defect 4).
 * The BFF refuses it in every body and query; the SPA drops it from a URL it reads its state from.
 */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
export const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'Text may not contain NUL characters or unpaired surrogates.';
