import { app, authentication, pages } from "@microsoft/teams-js";

export type ThemeName = "default" | "dark" | "contrast";

export interface Host {
  inTeams: boolean;
  theme: ThemeName;
  onThemeChange(listener: (theme: ThemeName) => void): void;
  getToken(): Promise<string>;
  /** The frame Teams shows the page in (content, sidePanel, meetingStage…), when in Teams. */
  frameContext?: string;
}

const INIT_TIMEOUT_MS = 4000;

/**
 * Teams context through teams-js. Outside Teams (a browser on the developer's machine) there is
 * no host to answer, so initialisation is skipped when the page is not framed and otherwise given
 * up after a few seconds: the page then runs with the default theme and the dev identity.
 */
export async function connectToTeams(): Promise<Host> {
  const outside: Host = {
    inTeams: false,
    theme: themeFromQuery(),
    onThemeChange: () => undefined,
    getToken: () => Promise.reject(new Error("Not in Teams")),
  };
  if (window.parent === window) return outside;
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) =>
        setTimeout(() => {
          reject(new Error("timeout"));
        }, INIT_TIMEOUT_MS),
      ),
    ]);
    const context = await app.getContext();
    // Not awaited, as before: the page does not wait on the host's acknowledgement to show itself.
    void app.notifySuccess();
    return {
      inTeams: true,
      theme: toThemeName(context.app.theme),
      onThemeChange: (listener) => {
        app.registerOnThemeChangeHandler((theme) => {
          listener(toThemeName(theme));
        });
      },
      getToken: () => authentication.getAuthToken(),
      frameContext: context.page.frameContext,
    };
  } catch {
    return outside;
  }
}

function toThemeName(theme: string | undefined): ThemeName {
  return theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "default";
}

/** Outside Teams, ?theme=dark|contrast previews the other themes (the browser tests use it). */
function themeFromQuery(): ThemeName {
  return toThemeName(new URLSearchParams(window.location.search).get("theme") ?? undefined);
}

/**
 * The configurable tab's set-up step (channel, group chat, meeting): nothing to choose, since the
 * page shows each person what their roles allow; saving points the tab at /tab.
 */
export function offerTabConfiguration(): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({
        entityId: "selfAssessment",
        contentUrl: `${window.location.origin}/tab`,
        suggestedDisplayName: "Self-assessment",
      })
      .then(
        () => {
          saveEvent.notifySuccess();
        },
        (error: unknown) => {
          saveEvent.notifyFailure(String(error));
        },
      );
  });
  pages.config.setValidityState(true);
}
