import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";
import { runnableExamples } from "./runnable.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sidebarFile = fileURLToPath(new URL("../reference/typedoc-sidebar.json", import.meta.url));
interface SidebarItem {
  text?: string;
  link?: string;
  collapsed?: boolean;
  items?: SidebarItem[];
}
/** Groups stay open: VitePress draws a collapsible group as a button holding other controls. */
const openLinkedGroups = (items: SidebarItem[]): SidebarItem[] =>
  items.map(({ collapsed: _collapsed, ...item }) => ({
    ...item,
    ...(item.items === undefined ? {} : { items: openLinkedGroups(item.items) }),
  }));
const referenceSidebar = existsSync(sidebarFile) ? openLinkedGroups(JSON.parse(readFileSync(sidebarFile, "utf8")) as SidebarItem[]) : [];

const guides = [
  { text: "When to refer", link: "/when-to-refer" },
  { text: "Matching", link: "/matching" },
  { text: "Scale", link: "/scale" },
  { text: "Consent-limited updates", link: "/consent" },
  { text: "Referrer relationships", link: "/relationships" },
  { text: "Cadence", link: "/cadence" },
  { text: "Closed-loop referrals", link: "/intake" },
  { text: "FHIR R4", link: "/fhir" },
  { text: "The shared model", link: "/model" },
  { text: "Errors and client data", link: "/errors" },
];

export default defineConfig({
  title: "referwell",
  description: "A practice's professional referral network, run well: when to refer, to whom, what the referrer may see.",
  lang: "en",
  cleanUrls: true,
  srcExclude: ["api/**"],
  outDir: "../site-dist",
  cacheDir: "../node_modules/.cache/vitepress",
  // Links from the guides into the repository (examples, sources) have no page on the site.
  ignoreDeadLinks: [/^\.\.\//, /^https?:\/\/localhost/],
  markdown: {
    // High-contrast themes: every token reads at WCAG AA on the code background.
    theme: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" },
    config: (md) => {
      md.use(runnableExamples);
    },
  },
  themeConfig: {
    nav: [
      { text: "Guides", link: "/when-to-refer" },
      { text: "API reference", link: "/reference/" },
      { text: "Playground", link: "/playground" },
    ],
    sidebar: {
      "/reference/": referenceSidebar,
      "/": [{ text: "Guides", items: guides }],
    },
    search: { provider: "local" },
    outline: [2, 3],
  },
  vite: {
    resolve: {
      alias: [
        { find: /^referwell$/, replacement: `${root}src/index.ts` },
        { find: /^referwell\/(\w+)$/, replacement: `${root}src/$1/index.ts` },
      ],
    },
    worker: { format: "es" },
  },
});
