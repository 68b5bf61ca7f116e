/**
 * just-bash's browser build imports `node:zlib` for its gzip/gunzip/zcat commands only. In the page
 * those commands fail with this message; every other command never touches it.
 */
function unavailable(): never {
  throw new Error("gzip is not available in the page (no node:zlib)");
}
export const gzipSync = unavailable;
export const gunzipSync = unavailable;
export const constants = { Z_BEST_COMPRESSION: 9, Z_BEST_SPEED: 1, Z_DEFAULT_COMPRESSION: -1 };
export default { gzipSync, gunzipSync, constants };
