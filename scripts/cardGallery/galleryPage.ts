import type { Audience } from "./galleryEntry";
import { GALLERY_CSS } from "./galleryStyles";
import type { GalleryCard } from "./galleryCard";
import { escapeHtml } from "./teamsMarkdown";

const AUDIENCES: ReadonlyArray<{ audience: Audience; heading: string }> = [
  { audience: "members", heading: "Working-group members" },
  { audience: "leads", heading: "Leads" },
  { audience: "coordinator", heading: "The coordinator" },
];

/**
 * Records each card's rendered height, and the page's, as data-height attributes: the screenshot
 * step reads them from Chromium's --dump-dom to size each shot. Harmless when a person opens the page.
 */
const MEASURE_SCRIPT = `<script>
for (const card of document.querySelectorAll("[data-card]")) card.dataset.height = String(Math.ceil(card.getBoundingClientRect().height));
document.body.dataset.height = String(document.documentElement.scrollHeight);
</script>`;

/** The whole gallery: one section per audience, each card with its caption and any renderer problems. */
export function galleryPage(cards: readonly GalleryCard[], intro: readonly string[]): string {
  const sections = AUDIENCES.map(({ audience, heading }) => {
    const own = cards.filter((card) => card.entry.audience === audience);
    return `<section id="${audience}"><h2>${heading} (${own.length})</h2><div class="entries">${own.map(figure).join("")}</div></section>`;
  });
  const header = `<header><h1>Adaptive Card gallery</h1>${intro.map((line) => `<p>${inlineCode(line)}</p>`).join("")}</header>`;
  return page("Adaptive Card gallery", "", header + sections.join("") + MEASURE_SCRIPT);
}

/** One card alone, the same width and chrome as in the gallery, for its own screenshot. */
export function singleCardPage(card: GalleryCard): string {
  return page(card.entry.title, "single", bubble(card));
}

function figure(card: GalleryCard): string {
  const { entry, problems } = card;
  const listed = problems
    .map((problem) => `<li class="${problem.severity}">${problem.severity}: ${escapeHtml(problem.message)}</li>`)
    .join("");
  return `<figure class="entry" id="${entry.id}"><figcaption><h3>${escapeHtml(entry.title)}</h3><p>${inlineCode(entry.caption)}</p><p>Template: <code>cards/templates/${entry.template}.json</code></p></figcaption>${bubble(card)}${listed ? `<ul class="problems">${listed}</ul>` : ""}</figure>`;
}

/** A form per card keeps each card's radio buttons a separate group, as in Teams. */
function bubble(card: GalleryCard): string {
  return `<div class="teams-card" data-card="${card.entry.id}"><form>${card.html}</form></div>`;
}

function page(title: string, bodyClass: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${GALLERY_CSS}</style></head>
<body class="${bodyClass}">${body}</body></html>
`;
}

function inlineCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}
