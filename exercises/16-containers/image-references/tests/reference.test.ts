import { describe, expect, it } from "vitest";
import { ImageRefError } from "../errors";
import { familiar, manifestUrl, normalise, parseReference } from "../reference";

const D = `sha256:${"4f".repeat(32)}`;
const codeOf = (ref: string) => {
  try {
    parseReference(ref);
  } catch (e) {
    expect(e).toBeInstanceOf(ImageRefError);
    return (e as ImageRefError).code;
  }
  return "parsed";
};

describe("Docker Hub defaults", () => {
  it("puts a bare name on docker.io under library/, with no tag until one is defaulted", () => {
    expect(parseReference("nginx")).toEqual({ registry: "docker.io", repository: "library/nginx", tag: null, digest: null });
    expect(normalise("nginx")).toBe("docker.io/library/nginx:latest");
    expect(normalise("nginx:1.27-alpine")).toBe("docker.io/library/nginx:1.27-alpine");
  });

  it("keeps a user's repository on docker.io without library/", () => {
    expect(parseReference("bitnami/redis:7.4")).toEqual({ registry: "docker.io", repository: "bitnami/redis", tag: "7.4", digest: null });
    expect(normalise("docker.io/nginx")).toBe("docker.io/library/nginx:latest");
    expect(normalise("index.docker.io/library/nginx:1")).toBe("docker.io/library/nginx:1");
  });
});

describe("registries", () => {
  it("reads the first component as a registry only if it has a dot or a port, is localhost, or has capitals", () => {
    const registry = (ref: string) => parseReference(ref).registry;
    expect(registry("ghcr.io/acme/api:2.1")).toBe("ghcr.io");
    expect(registry("localhost/app")).toBe("localhost");
    expect(registry("Registry/app")).toBe("Registry");
    expect(registry("team/app")).toBe("docker.io");
    expect(parseReference("registry.internal:5000/team/app:1.2")).toEqual({
      registry: "registry.internal:5000", repository: "team/app", tag: "1.2", digest: null,
    });
    expect(parseReference("[::1]:5000/app")).toMatchObject({ registry: "[::1]:5000", repository: "app", tag: null });
  });

  it("tells a port in the registry from a tag", () => {
    expect(parseReference("localhost:5000/app")).toMatchObject({ registry: "localhost:5000", repository: "app", tag: null });
    expect(parseReference("localhost:5000")).toMatchObject({ registry: "docker.io", repository: "library/localhost", tag: "5000" });
  });
});

describe("digests", () => {
  it("keeps a digest, adds no latest next to it, and keeps a tag written with it", () => {
    expect(parseReference(`nginx@${D}`)).toEqual({ registry: "docker.io", repository: "library/nginx", tag: null, digest: D });
    expect(normalise(`nginx@${D}`)).toBe(`docker.io/library/nginx@${D}`);
    expect(normalise(`nginx:1.27@${D}`)).toBe(`docker.io/library/nginx:1.27@${D}`);
  });

  it("rejects a digest that is not a known algorithm with the right number of lowercase hex digits", () => {
    for (const bad of ["sha256:abc", `sha256:${"4F".repeat(32)}`, `md5:${"4f".repeat(16)}`, `sha256:${"4f".repeat(32)}0`, "sha256"]) {
      expect(codeOf(`nginx@${bad}`), bad).toBe("INVALID_DIGEST");
    }
    expect(codeOf(`nginx@sha512:${"4f".repeat(64)}`)).toBe("parsed");
  });
});

describe("the short and the wire forms", () => {
  it("shortens docker.io names the way docker images shows them", () => {
    expect(familiar("docker.io/library/nginx:1.27")).toBe("nginx:1.27");
    expect(familiar("index.docker.io/bitnami/redis")).toBe("bitnami/redis");
    expect(familiar("docker.io/library/team/app")).toBe("library/team/app");
    expect(familiar(`ghcr.io/acme/api@${D}`)).toBe(`ghcr.io/acme/api@${D}`);
  });

  it("asks the registry's v2 API for the digest if given, else the tag, else latest", () => {
    expect(manifestUrl("nginx")).toBe("https://registry-1.docker.io/v2/library/nginx/manifests/latest");
    expect(manifestUrl("ghcr.io/acme/api:2.1")).toBe("https://ghcr.io/v2/acme/api/manifests/2.1");
    expect(manifestUrl(`localhost:5000/app:1@${D}`)).toBe(`https://localhost:5000/v2/app/manifests/${D}`);
  });
});

describe("invalid references", () => {
  it("rejects the empty string and capitals in the repository, but allows them in a tag", () => {
    expect(codeOf("")).toBe("EMPTY_REFERENCE");
    expect(codeOf("Nginx")).toBe("UPPERCASE_NAME");
    expect(codeOf("library/Ubuntu:22.04")).toBe("UPPERCASE_NAME");
    expect(parseReference("nginx:Alpine").tag).toBe("Alpine");
  });

  it("holds path components and tags to Docker's grammar", () => {
    for (const ok of ["my-app", "my--app", "my__app", "my.app", "a/b/c", `app:${"v".repeat(128)}`]) expect(codeOf(ok), ok).toBe("parsed");
    for (const bad of ["nginx:", ":1.0", "a//b", "nginx/", "-app", "my..app", "my___app", "app:-1", `app:${"v".repeat(129)}`, "a:b:c", "café"]) {
      expect(codeOf(bad), bad).toBe("INVALID_FORMAT");
    }
    expect(codeOf("ab".repeat(32))).toBe("INVALID_FORMAT");
  });

  it("rejects a repository path longer than 255 characters", () => {
    expect(codeOf(`team/${"a".repeat(250)}`)).toBe("parsed");
    expect(codeOf(`team/${"a".repeat(251)}`)).toBe("NAME_TOO_LONG");
  });
});
