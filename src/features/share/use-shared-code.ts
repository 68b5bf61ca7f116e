import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import { decodeShared, sharedParam, type SharedFiles } from "./share-code";

export type SharedState =
  | { status: "none" }
  | { status: "loading" }
  | { status: "shown"; files: SharedFiles }
  | { status: "invalid"; message: string };

/**
 * The code a share link in the address holds, for the exercise's files. Decoding is all this
 * does: nothing is saved or run here (DESIGN.md: shared code never runs without a click).
 */
export function useSharedCode(fileNames: readonly string[], editable: readonly string[]): { shared: SharedState; leave(): void } {
  const [location, navigate] = useLocation();
  const data = sharedParam(location);
  const [shared, setShared] = useState<SharedState>({ status: "none" });
  const names = fileNames.join("\n");

  useEffect(() => {
    if (data === undefined) return setShared({ status: "none" });
    let live = true;
    setShared({ status: "loading" });
    decodeShared(data).then(
      (files) => {
        if (!live) return;
        const known = Object.fromEntries(Object.entries(files).filter(([name]) => editable.includes(name)));
        if (Object.keys(known).length === 0) {
          const found = Object.keys(files).slice(0, 3).join(", ") || "no files";
          setShared({ status: "invalid", message: `the link holds no file of this exercise (expected ${names.split("\n").join(", ")}, found ${found})` });
        } else setShared({ status: "shown", files: known });
      },
      (error: Error) => live && setShared({ status: "invalid", message: error.message }),
    );
    return () => {
      live = false;
    };
    // editable follows names (both come from the exercise's config).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, names]);

  // Only the parameter goes: the route stays, and Back returns to the shared view.
  const leave = () => navigate(location.split("?")[0]);
  return { shared, leave };
}
