import { useEffect, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { MeView, MyAreaView, SaveResponse } from "../bot/tab/tabApiContract";
import { problemText, type Api } from "./tabApi";
import { draftStore } from "./drafts";
import { StatementForm } from "./StatementForm";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  global: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "end", flexWrap: "wrap" },
});

/** "My assessment": every area the person's groups hold, one after the other. */
export function MemberPage(props: { api: Api; me: MeView; personKey: string }) {
  const styles = useStyles();
  const areas = props.me.areas.filter((area) => area.canAnswer);
  if (areas.length === 0) return <Text>None of your groups has an area to answer yet.</Text>;
  return (
    <div className={styles.page}>
      <Title2 as="h1">My assessment</Title2>
      {areas.map((area) => (
        <MemberArea key={area.number} api={props.api} areaNumber={area.number} personKey={props.personKey} />
      ))}
    </div>
  );
}

function MemberArea(props: { api: Api; areaNumber: number; personKey: string }) {
  const styles = useStyles();
  const [view, setView] = useState<MyAreaView | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    props.api<MyAreaView>("GET", `/areas/${props.areaNumber}/mine`).then(setView, (error: unknown) => {
      setProblem(problemText(error));
    });
  }, [props.api, props.areaNumber]);
  if (problem)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{problem}</MessageBarBody>
      </MessageBar>
    );
  if (!view) return <Spinner label={`Loading area ${props.areaNumber}…`} />;
  const answered = view.statements.filter((statement) => statement.mine).length;
  const drafts = draftStore(props.personKey);
  const onSaved = (
    statementId: string,
    answeredCount: number,
    mine: NonNullable<MyAreaView["statements"][number]["mine"]>,
  ) => {
    setView(
      (current) =>
        current && {
          ...current,
          statements: current.statements.map((statement) =>
            statement.id === statementId ? { ...statement, answeredCount, mine } : statement,
          ),
        },
    );
  };
  return (
    <section className={styles.area} aria-labelledby={`area-${view.area.number}`}>
      <Title3 as="h2" id={`area-${view.area.number}`}>
        Area {view.area.number}: {view.area.title}
      </Title3>
      <Field label={`${answered} of ${view.statements.length} answered`} validationState="none">
        <ProgressBar
          value={answered / view.statements.length}
          thickness="large"
          aria-label={`${answered} of ${view.statements.length} answered`}
        />
      </Field>
      <Text>{view.prompts.statement}</Text>
      {view.statements.map((statement) => (
        <StatementForm
          key={statement.id}
          api={props.api}
          view={view}
          statement={statement}
          drafts={drafts}
          onSaved={onSaved}
        />
      ))}
      <GlobalScore api={props.api} view={view} />
    </section>
  );
}

function GlobalScore(props: { api: Api; view: MyAreaView }) {
  const styles = useStyles();
  const { view } = props;
  const [score, setScore] = useState(view.globalScore.mine === undefined ? "" : String(view.globalScore.mine));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const save = async () => {
    const result = await props
      .api<SaveResponse>("PUT", `/areas/${view.area.number}/global-score`, { score })
      .catch((error: unknown) => ({ ok: false as const, message: problemText(error) }));
    setOutcome(
      result.ok
        ? { ok: true, text: "Your global score is saved." }
        : { ok: false, text: `Not saved: ${result.message}` },
    );
  };
  return (
    <div className={styles.area}>
      <Text weight="semibold">{view.prompts.globalScore}</Text>
      <div className={styles.global}>
        <Field label={`${view.area.globalLine} (out of ${view.globalScore.max})`}>
          <Select
            value={score}
            onChange={(_, data) => {
              setScore(data.value);
            }}
            disabled={view.area.status === "closed"}
          >
            <option value="">Choose…</option>
            {Array.from({ length: view.globalScore.max + 1 }, (_, value) => (
              <option key={value} value={String(value)}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void save()} disabled={view.area.status === "closed"}>
          Save global score
        </Button>
      </div>
      {outcome ? (
        <MessageBar intent={outcome.ok ? "success" : "warning"} role="status">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
