/// <reference lib="webworker" />
// The formatters a page makes first (src/lib/format.ts, and i18next's plural rules), in its
// language; making them loads what they share for the whole process (src/lib/warm-up.ts).
self.onmessage = ({ data: lang }: MessageEvent<string>) => {
  new Intl.NumberFormat(lang).format(1);
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium' }).format(0);
  new Intl.PluralRules(lang).select(1);
  self.postMessage('warm');
};

export {}; // A module, so that the test can import it.
