/**
 * Read-only: an in-memory stand-in for S3 or GCS. Parts of unfinished uploads live apart from
 * finished objects, the way S3 keeps multipart parts out of the bucket listing (and bills for them).
 */
export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
}

export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();
  private readonly parts = new Map<string, Map<number, Uint8Array>>();

  putObject(key: string, bytes: Uint8Array, contentType: string): void {
    this.objects.set(key, { bytes: bytes.slice(), contentType });
  }

  getObject(key: string): StoredObject | undefined {
    return this.objects.get(key);
  }

  /** Stores (or replaces) part `n` of upload `uploadId`. */
  putPart(uploadId: string, n: number, bytes: Uint8Array): void {
    let parts = this.parts.get(uploadId);
    if (!parts) this.parts.set(uploadId, (parts = new Map()));
    parts.set(n, bytes.slice());
  }

  getPart(uploadId: string, n: number): Uint8Array | undefined {
    return this.parts.get(uploadId)?.get(n);
  }

  /** The part numbers stored for an upload, ascending. */
  partNumbers(uploadId: string): number[] {
    return [...(this.parts.get(uploadId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** Frees every part of an upload. */
  dropParts(uploadId: string): void {
    this.parts.delete(uploadId);
  }

  /** Bytes held in parts of unfinished uploads, across all uploads. */
  partBytesHeld(): number {
    let total = 0;
    for (const parts of this.parts.values()) for (const bytes of parts.values()) total += bytes.length;
    return total;
  }
}
