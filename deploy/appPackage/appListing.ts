/**
 * What Teams shows about the app in its store page and "About" tab. Not configuration: the words
 * describe what the bot does, so they change with the code, not per council.
 */
export const APP_LISTING = {
  fullName: "Leaving Care Services Self-Assessment",
  /** Teams cuts this at 80 characters. */
  shortDescription: "Run the Baker & Dixon leaving care self-assessment with your working groups",
  fullDescription:
    "Guides a council's working groups through the Baker & Dixon Leaving Care Services Self-Assessment in Microsoft Teams. " +
    "The coordinator gives each channel's group its areas and leads; members rate each statement on a card and add their evidence and ideas; " +
    "leads get a digest of where the group agrees and decide where it does not; " +
    "the coordinator then compiles one moderated self-assessment as a Word document. Type help to see the commands you can use.",
  /** The background of the colour icon, so the tile and the icon match. */
  accentColor: "#1B6F72",
} as const;
