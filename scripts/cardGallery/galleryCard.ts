import type { GalleryEntry } from "./galleryEntry";
import type { CardProblem } from "./renderAdaptiveCard";

/** A gallery entry rendered: the renderer's HTML and what it complained about. */
export interface GalleryCard {
  entry: GalleryEntry;
  html: string;
  problems: CardProblem[];
}
