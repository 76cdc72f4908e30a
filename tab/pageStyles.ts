import { makeStyles, tokens } from "@fluentui/react-components";

/** The tab's layout, one set for every page so they space alike. */
export const usePageStyles = makeStyles({
  /** A page: its title, then its sections. */
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  /** A statement or an area: its fields one under the other. */
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** A card or a panel: closer lines. */
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** Fields side by side, lined up on their inputs. */
  fields: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "end", flexWrap: "wrap" },
  /** Buttons side by side. */
  actions: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
});
