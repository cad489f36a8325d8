import { escapeMarkdown } from "./escapeMarkdown.js";
import type { UpdateSection } from "../types.js";

/** The parts of an update's text, before rendering. */
export interface UpdateText {
  readonly title: string;
  readonly greeting: string;
  readonly opening: string;
  readonly sections: readonly UpdateSection[];
  readonly notice: string | undefined;
}

/**
 * Renders an update as plain text and as Markdown. Only what is passed in is
 * rendered: the text is built from included facts alone, so it says nothing
 * about what was withheld, or how much.
 */
export function renderUpdate(parts: UpdateText): { readonly text: string; readonly markdown: string } {
  const text = [parts.title, "", parts.greeting, "", parts.opening];
  const markdown = [`## ${escapeMarkdown(parts.title)}`, "", escapeMarkdown(parts.greeting), "", escapeMarkdown(parts.opening)];
  for (const section of parts.sections) {
    text.push("", section.title, ...section.items.map((item) => `- ${item.text}`));
    markdown.push("", `### ${escapeMarkdown(section.title)}`, "", ...section.items.map((item) => `- ${escapeMarkdown(item.text)}`));
  }
  if (parts.notice !== undefined) {
    text.push("", parts.notice);
    markdown.push("", ...parts.notice.split("\n").map((line) => `> ${escapeMarkdown(line)}`));
  }
  return { text: `${text.join("\n")}\n`, markdown: `${markdown.join("\n")}\n` };
}
