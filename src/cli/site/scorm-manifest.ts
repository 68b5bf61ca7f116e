/** One SCO of a package: an exercise, launched from `href` (relative to the package root). */
export interface ScoEntry {
  slug: string;
  title: string;
  href: string;
}

export interface ManifestOptions {
  /** The package's identifier (an xs:ID): stable for the same set of exercises, so an LMS sees an update. */
  identifier: string;
  title: string;
  scos: readonly ScoEntry[];
  /** adlcp:masteryscore, 0–100. */
  mastery: number;
  /** Every file of the built app, relative paths; one shared asset resource lists them. */
  files: readonly string[];
}

const NAMESPACES = [
  'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
  'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
];

/**
 * imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 + ADL CP): one organization, one item and one SCO
 * resource per exercise, each SCO depending on one asset resource that lists the app's files.
 */
export function scormManifest({ identifier, title, scos, mastery, files }: ManifestOptions): string {
  const items = scos.map((sco) =>
    [
      `      <item identifier="item-${sco.slug}" identifierref="sco-${sco.slug}" isvisible="true">`,
      `        <title>${escapeXml(sco.title)}</title>`,
      `        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>`,
      "      </item>",
    ].join("\n"),
  );
  const resources = scos.map((sco) =>
    [
      `    <resource identifier="sco-${sco.slug}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(sco.href)}">`,
      `      <file href="${escapeXml(sco.href)}"/>`,
      '      <dependency identifierref="app"/>',
      "    </resource>",
    ].join("\n"),
  );
  const app = [
    '    <resource identifier="app" type="webcontent" adlcp:scormtype="asset">',
    ...files.map((file) => `      <file href="${escapeXml(file)}"/>`),
    "    </resource>",
  ].join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier}" version="1.0"
  ${NAMESPACES.join("\n  ")}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="roadlab">
    <organization identifier="roadlab">
      <title>${escapeXml(title)}</title>
${items.join("\n")}
    </organization>
  </organizations>
  <resources>
${resources.join("\n")}
${app}
  </resources>
</manifest>
`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
