/** `node:stream` for ioredis-mock in the page: only its `scanStream` needs it, and says so. */
export class Readable {
  constructor() {
    throw new Error("scanStream() is not available in the page: loop over SCAN with a cursor instead");
  }
}

export default { Readable };
