import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GalleryCard } from "./galleryCard";
import { galleryEntries } from "./galleryEntries";
import { galleryPage, singleCardPage } from "./galleryPage";
import { createCardRenderer } from "./renderAdaptiveCard";
import { takeScreenshots } from "./takeScreenshots";
import { missingTemplates, templateNames } from "./templateCoverage";

export interface CardGalleryOptions {
  outDir: string;
  /** A Chromium binary for the PNGs; without one only the HTML is written. */
  chromium?: string;
}

export interface CardGallery {
  indexPath: string;
  cards: GalleryCard[];
  templates: string[];
  /** Empty when no Chromium was given. */
  pngs: string[];
}

/** Renders every gallery card, writes index.html and one page per card, and screenshots them if it can. */
export function writeCardGallery(options: CardGalleryOptions): CardGallery {
  const entries = galleryEntries();
  const templates = templateNames();
  const missing = missingTemplates(entries, templates);
  if (missing.length > 0) {
    throw new Error(
      `The card gallery shows no sample of ${missing.map((name) => `cards/templates/${name}.json`).join(", ")}: add one to scripts/cardGallery/ (memberCards, leadCards or coordinatorCards).`,
    );
  }
  const render = createCardRenderer();
  const cards = entries.map((entry): GalleryCard => ({ entry, ...render(entry.card) }));
  // Start clean so screenshots of cards that no longer exist don't linger beside the new ones.
  rmSync(options.outDir, { recursive: true, force: true });
  const cardDir = join(options.outDir, "cards");
  mkdirSync(cardDir, { recursive: true });
  const indexPath = join(options.outDir, "index.html");
  writeFileSync(indexPath, galleryPage(cards, introLines(cards, templates)));
  const cardPages = cards.map((card) => {
    const htmlPath = join(cardDir, `${card.entry.id}.html`);
    writeFileSync(htmlPath, singleCardPage(card));
    return { id: card.entry.id, htmlPath };
  });
  const pngs = options.chromium
    ? takeScreenshots({ chromium: options.chromium, indexPath, cardPages, pngDir: cardDir })
    : [];
  return { indexPath, cards, templates, pngs };
}

function introLines(cards: readonly GalleryCard[], templates: readonly string[]): string[] {
  return [
    `${cards.length} cards from all ${templates.length} templates in cards/templates, built by the real builders in cards/ from a generated assessment (seeded: the same every run), and rendered by the official \`adaptivecards\` renderer with a Teams-like light host config.`,
    "Teams draws its own chrome (fonts, buttons, the people picker), so this is close to, not identical with, what Teams shows. Rebuild with `npm run cards`.",
  ];
}
