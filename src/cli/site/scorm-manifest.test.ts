import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { scormManifest } from "./scorm-manifest";

const manifest = scormManifest({
  identifier: "roadlab-abc123",
  title: "Roadlab: 2 exercises",
  mastery: 80,
  scos: [
    { slug: "sql-queries", title: "SQL queries on a shop", href: "launch-sql-queries.html" },
    { slug: "money-transfer", title: "Money <transfer> & \"locks\"", href: "launch-money-transfer.html" },
  ],
  files: ["index.html", "assets/main-abc.js", "pglite/datadir.tar.gz"],
});
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, attributeNamePrefix: "@", isArray: (name) => ["item", "resource", "file"].includes(name) });
const xml = parser.parse(manifest);

describe("scormManifest", () => {
  it("is well-formed XML in the SCORM 1.2 namespaces", () => {
    expect(XMLValidator.validate(manifest)).toBe(true);
    const root = xml.manifest;
    expect(root["@identifier"]).toBe("roadlab-abc123");
    expect(root["@xmlns"]).toBe("http://www.imsproject.org/xsd/imscp_rootv1p1p2");
    expect(root["@xmlns:adlcp"]).toBe("http://www.adlnet.org/xsd/adlcp_rootv1p2");
    expect(root.metadata).toEqual({ schema: "ADL SCORM", schemaversion: "1.2" });
  });

  it("has one organization with an item per exercise, each with the mastery score", () => {
    const { organizations } = xml.manifest;
    expect(organizations["@default"]).toBe(organizations.organization["@identifier"]);
    const items = organizations.organization.item;
    expect(items.map((i: Record<string, unknown>) => [i["@identifier"], i["@identifierref"], i.title, i["adlcp:masteryscore"]])).toEqual([
      ["item-sql-queries", "sco-sql-queries", "SQL queries on a shop", "80"],
      ["item-money-transfer", "sco-money-transfer", 'Money <transfer> & "locks"', "80"],
    ]);
  });

  it("has a SCO resource per item launching its page, and the app's files in a shared asset", () => {
    const resources: Record<string, any>[] = xml.manifest.resources.resource;
    const byId = new Map(resources.map((r) => [r["@identifier"], r]));
    for (const item of xml.manifest.organizations.organization.item) {
      const sco = byId.get(item["@identifierref"])!;
      expect(sco["@adlcp:scormtype"]).toBe("sco");
      expect(sco["@type"]).toBe("webcontent");
      expect(sco["@href"]).toMatch(/^launch-[a-z-]+\.html$/);
      expect(sco.file.map((f: Record<string, string>) => f["@href"])).toEqual([sco["@href"]]);
      expect(sco.dependency["@identifierref"]).toBe("app");
    }
    const app = byId.get("app")!;
    expect(app["@adlcp:scormtype"]).toBe("asset");
    expect(app.file.map((f: Record<string, string>) => f["@href"])).toEqual(["index.html", "assets/main-abc.js", "pglite/datadir.tar.gz"]);
  });
});
