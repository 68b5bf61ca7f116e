import { init, parse } from "es-module-lexer";
import { transform } from "sucrase";

export interface ImportScan {
  specifiers: string[];
  /** Set when the file cannot be parsed; names line and column. */
  error?: string;
}

/** Static and literal dynamic imports of a TypeScript module, including unused ones; type-only imports excluded. */
export async function scanImports(code: string, file: string): Promise<ImportScan> {
  await init;
  let js: string;
  try {
    js = transform(code, { transforms: ["typescript"], filePath: file, disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (error) {
    return { specifiers: [], error: (error as Error).message };
  }
  try {
    const [imports] = parse(js, file);
    const specifiers = imports.flatMap((imp) =>
      imp.type === "static" || imp.type === "reexport-star" || (imp.type === "dynamic" && imp.specifier !== undefined)
        ? [imp.specifier as string]
        : [],
    );
    return { specifiers: [...new Set(specifiers)] };
  } catch (error) {
    return { specifiers: [], error: (error as Error).message };
  }
}
