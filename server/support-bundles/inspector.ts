import type { InspectBundle, ReadBundleFile } from './inspection';

// Replaced by ./inspect at merge (issue 9).

/** Accepts a body that starts as gzip does (1f 8b), with no facts and no file tree. */
export const inspectBundle: InspectBundle = async (body) => {
  const reader = body.getReader();
  const head: number[] = [];
  try {
    while (head.length < 2) {
      const { done, value } = await reader.read();
      if (done) break;
      head.push(...value.subarray(0, 2 - head.length));
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    return {
      ok: false,
      refusal: { code: 'not_gzip', message: 'This file is not a gzip-compressed archive (.tar.gz).' },
    };
  }
  return { ok: true, facts: {}, files: [] };
};

/** Finds no file: the file viewer answers 404 until the inspector can read entries. */
export const readBundleFile: ReadBundleFile = async (body) => {
  await body.cancel().catch(() => {});
  return null;
};
