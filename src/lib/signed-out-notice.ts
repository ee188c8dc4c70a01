/**
 * "You have signed out", carried from the portal to the sign-in page. The sign-in page is another
 * document (decision 019), so no router state can carry it; sessionStorage keeps it for this tab
 * only, and the page takes it once, so a reload does not say it again.
 */
const KEY = 'portico.signedOut';

export function noteSignedOut() {
  sessionStorage.setItem(KEY, 'yes');
}

export function takeSignedOutNotice(): boolean {
  const signedOut = sessionStorage.getItem(KEY) !== null;
  sessionStorage.removeItem(KEY);
  return signedOut;
}
