import type { ComponentProps, ReactElement } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeHighlight from "rehype-highlight";
import bash from "highlight.js/lib/languages/bash";
import diff from "highlight.js/lib/languages/diff";
import http from "highlight.js/lib/languages/http";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import pgsql from "highlight.js/lib/languages/pgsql";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import { MermaidDiagram } from "./mermaid-diagram/mermaid-diagram";
import "./markdown.css";

// Only the languages exercises use: lowlight's `common` set would triple this chunk.
const languages = { bash, sh: bash, shell: bash, diff, http, javascript, js: javascript, json, pgsql, sql, typescript, ts: typescript };
const rehypePlugins: ComponentProps<typeof ReactMarkdown>["rehypePlugins"] = [[rehypeHighlight, { languages, detect: false, plainText: ["text", "txt", "mermaid"] }]];

/** Headings one level down: the page owns the h1 and the pane its h2. */
const components: Components = {
  h1: (p) => <h3 {...strip(p)} />,
  h2: (p) => <h3 {...strip(p)} />,
  h3: (p) => <h4 {...strip(p)} />,
  h4: (p) => <h5 {...strip(p)} />,
  pre: ({ children, node: _node, ...rest }) => {
    const code = children as ReactElement<{ className?: string; children?: unknown }>;
    if (code?.props?.className?.includes("language-mermaid")) return <MermaidDiagram source={String(code.props.children ?? "")} />;
    // Focusable, so a keyboard user can scroll a wide code block.
    return <pre tabIndex={0} {...rest}>{children}</pre>;
  },
  a: ({ node: _node, ...rest }) => <a {...rest} {...(/^https?:/.test(rest.href ?? "") ? { target: "_blank", rel: "noreferrer" } : {})} />,
};

function strip<T extends { node?: unknown }>({ node: _node, ...rest }: T) {
  return rest;
}

export interface MarkdownProps {
  text: string;
  /** Dropped from the top when the README's h1 repeats the page's title. */
  title?: string;
}

/** GitHub-flavoured Markdown, raw HTML escaped (react-markdown's default), code highlighted. */
export function Markdown({ text, title }: MarkdownProps) {
  const body = title ? text.replace(/^\s*#\s+(.+)\n/, (line, heading: string) => (heading.trim() === title.trim() ? "" : line)) : text;
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={rehypePlugins} components={components}>
        {body}
      </ReactMarkdown>
    </div>
  );
}

export default Markdown;
