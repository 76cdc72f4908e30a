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
 * The tab (served by the bot at /tab) is a personal static tab ("My assessment") and a configurable
 * tab for a group's channel, group chats and meetings (side panel and shared stage). It signs in
 * with Teams SSO: `webApplicationInfo` names the app registration and its Application ID URI
 * api://<host>/<app id>, the audience the server checks on every call (deploy/README.md, "Tab sign-in").
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
    staticTabs: [
      {
        entityId: "myAssessment",
        name: "My assessment",
        contentUrl: `${config.publicBaseUrl}/tab?view=member`,
        scopes: ["personal"],
      },
    ],
    configurableTabs: [
      {
        configurationUrl: `${config.publicBaseUrl}/tab?configure=1`,
        canUpdateConfiguration: true,
        scopes: ["team", "groupChat"],
        context: [
          "channelTab",
          "privateChatTab",
          "meetingChatTab",
          "meetingDetailsTab",
          "meetingSidePanel",
          "meetingStage",
        ],
      },
    ],
    // Share to stage needs this resource-specific consent: "To share an app to the meeting stage, you must configure the
    // context and RSC permissions" (https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/build-apps-for-teams-meeting-stage).
    authorization: { permissions: { resourceSpecific: [{ name: "MeetingStage.Write.Chat", type: "Delegated" }] } },
    webApplicationInfo: { id: config.botAppId, resource: `api://${config.publicHostname}/${config.botAppId}` },
    // Working groups live in channels, so "Add to a team" is the button people should see first.
    defaultInstallScope: "team",
    // Only the bot's own host: download links and the tab come from there.
    validDomains: [config.publicHostname],
  };
  return { manifest, omittedCommands: omitted };
}
