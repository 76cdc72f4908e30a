import { StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from "@fluentui/react-components";
import type { MeView } from "../bot/tab/tabApiContract";
import { connectToTeams, offerTabConfiguration, type Host, type ThemeName } from "./teamsHost";
import { createApi, type Api, type Credentials, problemText } from "./tabApi";
import { MemberPage } from "./MemberPage";
import { LeadPage } from "./LeadPage";
import { OverviewPage } from "./OverviewPage";
import { MeetingPage } from "./MeetingPage";

type View = "member" | "lead" | "meeting" | "overview";
const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    maxWidth: "960px",
    margin: "0 auto",
  },
  nav: { marginBottom: tokens.spacingVerticalL },
});

function App(props: { host: Host; api: Api; personKey: string }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(props.host.theme);
  const [me, setMe] = useState<MeView | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const query = new URLSearchParams(window.location.search);
  const openedOn = query.get("view");
  const [view, setView] = useState<View | undefined>(
    () =>
      (["member", "lead", "meeting", "overview"] as const).find((name) => name === query.get("view")) ??
      meetingDefault(props.host),
  );
  useEffect(() => {
    props.host.onThemeChange(setTheme);
  }, [props.host]);
  useEffect(() => {
    props.api<MeView>("GET", "/me").then(setMe, (error: unknown) => {
      setProblem(problemText(error));
    });
  }, [props.api]);
  const views = useMemo(() => {
    if (!me) return [];
    const available: Array<{ name: View; label: string }> = [];
    if (me.areas.some((area) => area.canAnswer)) available.push({ name: "member", label: "My assessment" });
    if (me.areas.some((area) => area.canModerate))
      available.push({ name: "lead", label: "Moderation" }, { name: "meeting", label: "Discussion" });
    // Members follow the discussion where it happens: in a meeting, or when the page is opened on that view.
    else if (
      me.areas.some((area) => area.canAnswer) &&
      (meetingDefault(props.host) === "meeting" || openedOn === "meeting")
    )
      available.push({ name: "meeting", label: "Discussion" });
    if (me.isCoordinator) available.push({ name: "overview", label: "Overview" });
    return available;
  }, [me, props.host, openedOn]);
  const current =
    view && views.some((candidate) => candidate.name === view)
      ? view
      : (views.find((candidate) => candidate.name !== "member") ?? views[0])?.name;
  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root}>
      <main>
        {problem ? (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        ) : null}
        {!me && !problem ? <Spinner label="Loading…" /> : null}
        {me && views.length === 0 ? (
          <MessageBar intent="info">
            <MessageBarBody>There is nothing for you here yet: your group has no area assigned.</MessageBarBody>
          </MessageBar>
        ) : null}
        {views.length > 1 ? (
          <TabList
            className={styles.nav}
            selectedValue={current}
            onTabSelect={(_, data) => {
              setView(data.value as View);
            }}
            aria-label="Views"
          >
            {views.map((candidate) => (
              <Tab key={candidate.name} value={candidate.name}>
                {candidate.label}
              </Tab>
            ))}
          </TabList>
        ) : null}
        {me && current === "member" ? <MemberPage api={props.api} me={me} personKey={props.personKey} /> : null}
        {me && current === "lead" ? (
          <LeadPage api={props.api} me={me} initialArea={Number(query.get("area")) || undefined} />
        ) : null}
        {me && current === "meeting" ? <MeetingPage api={props.api} me={me} /> : null}
        {me && current === "overview" ? <OverviewPage api={props.api} /> : null}
      </main>
    </FluentProvider>
  );
}

/** In a meeting's side panel or on its shared stage the discussion view comes first. */
function meetingDefault(host: Host): View | undefined {
  return host.frameContext === "sidePanel" || host.frameContext === "meetingStage" ? "meeting" : undefined;
}

/** Start-up: Teams context (or none), then the caller's proof — SSO in Teams, the dev identity locally. */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  const host = await connectToTeams();
  const query = new URLSearchParams(window.location.search);
  if (query.get("configure") === "1" && host.inTeams) {
    offerTabConfiguration();
    root.render(
      <FluentProvider theme={THEMES[host.theme]}>
        <main>
          <p>
            Save to add the self-assessment here. Each person sees what their role allows: their statements, the
            moderation of the areas they lead, or the overview.
          </p>
        </main>
      </FluentProvider>,
    );
    return;
  }
  const sso = document.body.dataset["sso"] === "on";
  const credentials: Credentials = sso
    ? { kind: "sso", token: () => host.getToken() }
    : {
        kind: "dev",
        user: query.get("devUser") ?? "",
        name: query.get("devName") ?? "",
        tenant: query.get("devTenant") ?? "",
      };
  // Drafts are kept per person: two colleagues sharing a device must never see each other's text.
  const personKey =
    credentials.kind === "dev" ? credentials.user : await host.getToken().then(objectIdOf, () => "unknown");
  root.render(
    <StrictMode>
      <App host={host} api={createApi(credentials)} personKey={personKey} />
    </StrictMode>,
  );
}

/** The token's `oid`, read only to key drafts (the server verifies the token on every call). */
function objectIdOf(token: string): string {
  try {
    const payload = JSON.parse(atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as {
      oid?: string;
    };
    return payload.oid ?? "unknown";
  } catch {
    return "unknown";
  }
}

void start();
