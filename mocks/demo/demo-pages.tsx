import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { createBrowserRouter } from 'react-router';
import { isSignInPath } from '../../contract/constants';
import { App } from '../../src/app/app';
import { createRouter } from '../../src/app/router';
import { handleDocumentNavigation } from '../../src/lib/document-navigation';
import { changeLocale } from '../../src/lib/i18n';
import { isLocale } from '../../src/lib/locale';
import { mountSignIn } from '../../src/sign-in/mount-sign-in';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * The portal's two pages, the SPA and the sign-in page (decision 019), in the demo's one document:
 * a static host has one index.html to give, and loading a page starts the BFF in it again (some
 * seconds). Where production loads the other page, this swaps what `element` shows and sets the
 * address as the load would; Back and Forward between the two swap them too.
 */
export function demoPages(
  element: HTMLElement,
  { queryClient, i18n, onRouter }: { queryClient: QueryClient; i18n: i18n; onRouter: (router: Router) => void },
) {
  // The SPA's router, made the first time the portal shows (it loads its page at once) and kept.
  let router: Router | null = null;
  let portal: Root | null = null;
  // The sign-in page while it shows: its address, and how to take its listeners away.
  let signIn: { pathname: string; unmount: Promise<() => void> } | null = null;

  /** A fresh box for a page, so one still drawing into the last box draws off the page. */
  const freshBox = () => {
    portal?.unmount();
    portal = null;
    void signIn?.unmount.then((unmount) => unmount());
    signIn = null;
    const box = document.createElement('div');
    element.replaceChildren(box);
    return box;
  };

  function showSignIn() {
    // As a page load would: nothing of a signed-out team stays in memory.
    queryClient.clear();
    const box = freshBox();
    signIn = { pathname: location.pathname, unmount: mountSignIn(box) };
  }

  async function showPortal(navigate: boolean) {
    if (!router) {
      router = createRouter(queryClient);
      onRouter(router);
    } else if (navigate) {
      await router.navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true });
    }
    const box = freshBox();
    portal = createRoot(box);
    portal.render(
      <StrictMode>
        <App queryClient={queryClient} router={router} i18n={i18n} />
      </StrictMode>,
    );
  }

  // The sign-in page has an i18next of its own; the SPA's (and the banner's, which uses it) follows
  // the language the page says it is in, as a page load would read the saved choice.
  new MutationObserver(() => {
    const lang = document.documentElement.lang;
    if (isLocale(lang) && lang !== i18n.language) void changeLocale(i18n, lang);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  const showing = () => (signIn ? 'sign-in' : 'portal');

  handleDocumentNavigation((url, { replace = false } = {}) => {
    const target = new URL(url, location.href);
    if (!isSignInPath(target.pathname) && showing() === 'portal' && router) {
      void router.navigate(`${target.pathname}${target.search}${target.hash}`, { replace });
      return;
    }
    history[replace ? 'replaceState' : 'pushState'](null, '', target.href);
    if (isSignInPath(target.pathname)) showSignIn();
    else void showPortal(true);
  });

  // Added before the router's own listener, so a move onto the sign-in page never reaches it.
  window.addEventListener('popstate', (event) => {
    if (!isSignInPath(location.pathname)) {
      if (showing() === 'sign-in') void showPortal(false);
      return;
    }
    event.stopImmediatePropagation();
    // A new token in the fragment alone is the verify page's own to handle (it listens for it).
    if (signIn?.pathname !== location.pathname) showSignIn();
  });

  return {
    /** Shows the page the address names. */
    start: () => (isSignInPath(location.pathname) ? showSignIn() : void showPortal(false)),
  };
}
