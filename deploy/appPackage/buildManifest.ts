import type { TeamsManifestV1D30 } from "@microsoft/app-manifest";
import type { AppPackageConfig } from "../../bot/configAppPackage";
import type { CommandInfo } from "../../bot/commands/commandCatalogue";
import { BOT_SCOPES, buildCommandLists, type OmittedCommands } from "./buildCommandLists";
import { MANIFEST_SCHEMA } from "./manifestSchema";

export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

export interface ManifestInput {
  config: AppPackageConfig;
  listing: { fullName: string; shortDescription: string; fullDescription: string; accentColor: string };
  commands: readonly CommandInfo[];
}

export interface BuiltManifest {
  manifest: TeamsManifest;
  omittedCommands: OmittedCommands[];
}

/** File names of the icons inside the package; the manifest refers to them by these names. */
export const ICON_FILES = { color: "color.png", outline: "outline.png" } as const;

/**
 * The Teams app manifest, as a pure function of the configuration and the command catalogue.
 *
 * No `webApplicationInfo`: it exists for Teams single sign-on and resource-specific consent, and
 * the bot uses neither. It knows who is speaking from the Bot Framework activity (`aadObjectId`),
 * reads rosters with its own bot token, and hands out files by signed links. Add it (with the app
 * registration's id and an Application ID URI) only if SSO or RSC permissions arrive.
 */
export function buildManifest(input: ManifestInput): BuiltManifest {
  const { config, listing } = input;
  const { commandLists, omitted } = buildCommandLists(input.commands);
  const manifest: TeamsManifest = {
    $schema: MANIFEST_SCHEMA.url,
    manifestVersion: MANIFEST_SCHEMA.version,
    version: config.version,
    id: config.teamsAppId,
    developer: { ...config.developer },
    name: { short: config.shortName, full: listing.fullName },
    description: { short: listing.shortDescription, full: listing.fullDescription },
    icons: { color: ICON_FILES.color, outline: ICON_FILES.outline },
    accentColor: listing.accentColor,
    bots: [
      {
        botId: config.botAppId,
        scopes: [...BOT_SCOPES],
        // No supportsFiles: the bot neither sends files by Teams' file-consent flow nor reads files
        // people attach; compiled documents and exports go out as signed download links.
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists,
      },
    ],
    // Working groups live in channels, so "Add to a team" is the button people should see first.
    defaultInstallScope: "team",
    // Only the bot's own host: download links and (later) any page it serves come from there.
    validDomains: [config.publicHostname],
  };
  return { manifest, omittedCommands: omitted };
}
