/**
 * Where to go after signing in. The login link comes back through an email, often in another
 * tab, so the page asked for is kept in localStorage, not in the URL. Only same-site paths count.
 */
const KEY = 'portico.returnTo';

const isLocalPath = (path: string | null): path is string => !!path && path.startsWith('/') && !path.startsWith('//');

export function rememberReturnTo(path: string | null) {
  if (isLocalPath(path)) localStorage.setItem(KEY, path);
  else localStorage.removeItem(KEY);
}

export function takeReturnTo(): string {
  const path = localStorage.getItem(KEY);
  localStorage.removeItem(KEY);
  return isLocalPath(path) ? path : '/';
}
