import { useState } from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Title2,
  Title3,
  makeStyles,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import type { CompileResponse, HeatCell, OverviewView } from "../bot/tab/tabApiContract";
import { problemText, type Api } from "./tabApi";
import { AssignSection } from "./AssignSection";
import { useServerView } from "./useServerView";
import { ViewPending } from "./ViewPending";
import { usePageStyles } from "./pageStyles";

/**
 * Rating colours of the heat map, with black text on every one (contrast above 7:1 in every Teams
 * theme, since the cells carry their own background). Agreed cells are solid; provisional ones
 * are lighter with a dashed border; unanswered ones are hatched.
 */
const RATING_COLOURS: Record<number, { agreed: string; provisional: string }> = {
  4: { agreed: "#7fcf8d", provisional: "#c9ebcf" },
  3: { agreed: "#c2e68a", provisional: "#e6f5cc" },
  2: { agreed: "#f7c27a", provisional: "#fce3c0" },
  1: { agreed: "#f29a9a", provisional: "#f9d2d2" },
};

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  cells: { display: "flex", flexWrap: "wrap", gap: "4px", listStyleType: "none", margin: 0, padding: 0 },
  cell: {
    minWidth: "44px",
    minHeight: "32px",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    color: "#000000",
    fontSize: tokens.fontSizeBase200,
    borderRadius: tokens.borderRadiusSmall,
    border: "1px solid #000000",
    position: "relative",
  },
  unanswered: {
    backgroundColor: "#ffffff",
    backgroundImage: "repeating-linear-gradient(45deg, #c8c8c8 0 3px, #ffffff 3px 8px)",
  },
  provisional: { ...shorthands.borderStyle("dashed") },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "center" },
});

/** The coordinator's overview: the whole assessment on one page. */
export function OverviewPage(props: { api: Api }) {
  const styles = useStyles();
  const layout = usePageStyles();
  const { view, problem, reload } = useServerView<OverviewView>(props.api, "/overview");
  if (problem || !view) return <ViewPending problem={problem} loading="Loading the overview…" />;
  return (
    <div className={layout.page}>
      <Title2 as="h1">Overview</Title2>
      <div className={styles.legend} aria-hidden="true">
        <span className={styles.cell} style={{ backgroundColor: RATING_COLOURS[4]?.agreed }}>
          4
        </span>
        <span className={styles.cell} style={{ backgroundColor: RATING_COLOURS[1]?.agreed }}>
          1
        </span>
        <Text>solid: agreed</Text>
        <span
          className={`${styles.cell} ${styles.provisional}`}
          style={{ backgroundColor: RATING_COLOURS[3]?.provisional }}
        >
          3
        </span>
        <Text>dashed: provisional</Text>
        <span className={`${styles.cell} ${styles.unanswered}`}>–</span>
        <Text>hatched: unanswered · ! flagged</Text>
      </div>
      {view.areas.map((area) => (
        <section key={area.number} className={styles.area} aria-labelledby={`overview-area-${area.number}`}>
          <Title3 as="h2" id={`overview-area-${area.number}`}>
            {area.number}. {area.title}
          </Title3>
          <Text>
            {area.status === "unassigned"
              ? "Not assigned"
              : `${area.group || "Group channel"} · ${area.status} · lead ${area.leads.join(", ")} · ${area.respondents} answering · ${area.answeredPercent}% answered`}
          </Text>
          <ProgressBar
            value={area.answeredPercent / 100}
            aria-label={`Area ${area.number}: ${area.answeredPercent}% answered`}
          />
          <ul className={styles.cells} aria-label={`Statements of area ${area.number}`}>
            {area.cells.map((cell) => (
              <HeatMapCell key={cell.statementId} cell={cell} />
            ))}
          </ul>
        </section>
      ))}
      <AssignSection api={props.api} view={view} onAssigned={reload} />
      <CompileSection api={props.api} />
      <section aria-labelledby="unresolved">
        <Title3 as="h2" id="unresolved">
          Still to moderate
        </Title3>
        {view.unresolved.length === 0 ? (
          <Text>Nothing flagged is waiting for a decision.</Text>
        ) : (
          <ul>
            {view.unresolved.map((item) => (
              <li key={item.statementId}>
                {item.statementId}: {item.flags.join(" ")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function HeatMapCell(props: { cell: HeatCell }) {
  const styles = useStyles();
  const { cell } = props;
  const colours = cell.rating === null ? undefined : RATING_COLOURS[cell.rating];
  const description =
    cell.kind === "unanswered"
      ? "unanswered"
      : `${cell.kind} rating ${cell.rating ?? "none"}${cell.flagged ? ", flagged" : ""}`;
  const className = [
    styles.cell,
    cell.kind === "unanswered" ? styles.unanswered : "",
    cell.kind === "provisional" ? styles.provisional : "",
  ].join(" ");
  return (
    <li
      className={className}
      style={colours ? { backgroundColor: cell.kind === "agreed" ? colours.agreed : colours.provisional } : undefined}
      title={`${cell.statementId}: ${description}`}
      data-kind={cell.kind}
      data-rating={cell.rating ?? ""}
      data-statement={cell.statementId}
    >
      <span aria-hidden="true">
        {cell.statementId}
        {cell.flagged ? "!" : ""}
      </span>
      <span
        style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clipPath: "inset(50%)" }}
      >{`${cell.statementId}: ${description}`}</span>
    </li>
  );
}

function CompileSection(props: { api: Api }) {
  const [state, setState] = useState<{ busy: boolean; result?: CompileResponse; problem?: string }>({ busy: false });
  const compile = async () => {
    setState({ busy: true });
    await props.api<CompileResponse>("POST", "/compile").then(
      (result) => {
        setState({ busy: false, result });
      },
      (error: unknown) => {
        setState({ busy: false, problem: problemText(error) });
      },
    );
  };
  return (
    <section aria-labelledby="compile">
      <Title3 as="h2" id="compile">
        Compile
      </Title3>
      <Button appearance="primary" onClick={() => void compile()} disabled={state.busy}>
        {state.busy ? "Compiling…" : "Compile the self-assessment"}
      </Button>
      {state.problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.result ? (
        <div role="status">
          <Text>
            {state.result.complete
              ? "Complete: every statement and global score is agreed."
              : `${state.result.unresolved} item(s) still unresolved.`}{" "}
            Links expire in {state.result.expiresInMinutes} minutes.
          </Text>
          <ul>
            {state.result.downloads.map((download) => (
              <li key={download.url}>
                <Link href={download.url}>{download.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
