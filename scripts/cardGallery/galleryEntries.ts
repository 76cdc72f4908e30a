import { actionPlanCards } from "./actionPlanCards";
import { coordinatorCards } from "./coordinatorCards";
import type { GalleryEntry } from "./galleryEntry";
import { leadCards } from "./leadCards";
import { memberCards } from "./memberCards";
import { loadSampleAssessment } from "./sampleAssessment";

/** Every card of the gallery, members first, then leads, then the coordinator, then the action plan's. */
export function galleryEntries(): GalleryEntry[] {
  const sample = loadSampleAssessment();
  return [...memberCards(sample), ...leadCards(sample), ...coordinatorCards(sample), ...actionPlanCards(sample)];
}
