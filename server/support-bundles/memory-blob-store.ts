import { BlobOffsetConflict, type BlobStore } from '../deps';
import { appendChunks } from './blob-append';

type MemoryBlob = { chunks: Uint8Array[]; size: number; sha256: string | null };

/**
 * Blobs held in memory, for tests and the browser demo, where there is no disk. The bytes are
 * kept as they came; the SHA-256 is taken once, at completion (crypto.subtle has no incremental
 * hash, and the bytes are in memory anyway).
 */
export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, MemoryBlob>();
  const appending = new Set<string>();
  const find = (id: string) => {
    const blob = blobs.get(id);
    if (!blob) throw new Error(`no blob ${id}`);
    return blob;
  };
  const whole = (blob: MemoryBlob) => {
    const bytes = new Uint8Array(blob.size);
    let at = 0;
    for (const chunk of blob.chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  };
  return {
    async create(id) {
      blobs.set(id, { chunks: [], size: 0, sha256: null });
    },
    async append(id, offset, body, maxBytes) {
      const blob = find(id);
      if (blob.sha256 !== null) throw new Error(`blob ${id} is complete`);
      if (appending.has(id) || offset !== blob.size) throw new BlobOffsetConflict(blob.size);
      appending.add(id);
      try {
        return await appendChunks(body, blob.size, maxBytes, {
          write: async (chunk) => {
            blob.chunks.push(chunk.slice());
            blob.size += chunk.byteLength;
          },
        });
      } finally {
        appending.delete(id);
      }
    },
    async size(id) {
      return blobs.get(id)?.size ?? null;
    },
    async complete(id) {
      const blob = find(id);
      if (blob.sha256 === null) {
        const digest = await crypto.subtle.digest('SHA-256', whole(blob));
        blob.sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      }
      return { size: blob.size, sha256: blob.sha256 };
    },
    async open(id, range) {
      const blob = blobs.get(id);
      if (!blob) return null;
      const bytes = whole(blob).subarray(range?.start ?? 0, range?.end ?? blob.size);
      return new Blob([bytes]).stream();
    },
    async delete(id) {
      blobs.delete(id);
    },
  };
}
