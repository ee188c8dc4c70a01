/**
 * The sign-in page and the SPA are two documents (decision 019): going from one to the other
 * loads the other page, it is never a client-side route change.
 */
export type OpenDocument = (url: string, options?: { replace?: boolean }) => void;

const loadDocument: OpenDocument = (url, { replace = false } = {}) => {
  if (replace) window.location.replace(url);
  else window.location.assign(url);
};

let open = loadDocument;

/** Opens a page of the portal that the current document does not render. */
export const openDocument: OpenDocument = (url, options) => open(url, options);

/**
 * Replaces how a page is opened: the zero-install demo shows both pages in one document
 * (mocks/demo/main.tsx), and jsdom, which tests run in, cannot load another document.
 * Returns the function that puts the browser's way back.
 */
export function handleDocumentNavigation(replacement: OpenDocument): () => void {
  open = replacement;
  return () => {
    open = loadDocument;
  };
}

/** The sign-in page's address, coming back to `path` once signed in (return-to.ts keeps it). */
export const signInUrl = (path?: string) =>
  !path || path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
