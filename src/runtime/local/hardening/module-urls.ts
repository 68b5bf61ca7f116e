/**
 * blob: URLs for modules. A learner could write a module whose sourceURL claims to be a hidden test
 * (and so pass for one on the stack, see tampering.ts); module code only ever comes from blob: URLs
 * here, so once the runtime is hardened JavaScript blobs are the runtime's alone.
 */
import { recordTampering } from "./tampering";

const JAVASCRIPT = /^\s*(text|application)\/(x-)?(java|ecma)script\b|^\s*text\/(jscript|livescript)\b/i;
const create = URL.createObjectURL;
const apply = Reflect.apply;

/** A blob: URL for a module of the runtime's own making (linked exercise files, package facades). */
export function createModuleUrl(code: string): string {
  return apply(create, URL, [new Blob([code], { type: "text/javascript" })]) as string;
}

export function guardModuleUrls(): void {
  const guarded = function createObjectURL(object: Blob | MediaSource) {
    if (object instanceof Blob && JAVASCRIPT.test(object.type)) {
      recordTampering("created a JavaScript blob: URL");
      throw new TypeError("URL.createObjectURL() of JavaScript is reserved to the test runtime");
    }
    return apply(create, URL, [object]) as string;
  };
  Object.defineProperty(URL, "createObjectURL", { value: guarded, writable: false, configurable: false });
}
