import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { GalleryEntry } from "./galleryEntry";

export const TEMPLATES_DIR = join(__dirname, "../../cards/templates");

/** Template names (file names without .json) in the folder, sorted. */
export function templateNames(dir: string = TEMPLATES_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

/** Templates no gallery entry shows: a new card template must get a sample before the gallery builds. */
export function missingTemplates(entries: readonly GalleryEntry[], templates: readonly string[]): string[] {
  const shown = new Set<string>(entries.map((entry) => entry.template));
  return templates.filter((template) => !shown.has(template));
}
