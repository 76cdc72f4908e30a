import { useState } from "react";
import { Button, Field, ProgressBar, Text, Title2, Title3 } from "@fluentui/react-components";
import type { MeView, MyAreaView, SaveResponse } from "../bot/tab/tabApiContract";
import { problemText, type Api } from "./tabApi";
import { draftStore } from "./drafts";
import { StatementForm } from "./StatementForm";
import { ChoiceField, scoreChoices } from "./ChoiceField";
import { NoticeBar, type Notice } from "./NoticeBar";
import { usePageStyles } from "./pageStyles";
import { useServerView } from "./useServerView";
import { ViewPending } from "./ViewPending";

/** "My assessment": every area the person's groups hold, one after the other. */
export function MemberPage(props: { api: Api; me: MeView; personKey: string }) {
  const styles = usePageStyles();
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
  const styles = usePageStyles();
  const { view, update, problem } = useServerView<MyAreaView>(props.api, `/areas/${props.areaNumber}/mine`);
  if (problem || !view) return <ViewPending problem={problem} loading={`Loading area ${props.areaNumber}…`} />;
  const answered = view.statements.filter((statement) => statement.mine).length;
  const drafts = draftStore(props.personKey);
  const onSaved = (
    statementId: string,
    answeredCount: number,
    mine: NonNullable<MyAreaView["statements"][number]["mine"]>,
  ) => {
    update((current) => ({
      ...current,
      statements: current.statements.map((statement) =>
        statement.id === statementId ? { ...statement, answeredCount, mine } : statement,
      ),
    }));
  };
  return (
    <section className={styles.section} aria-labelledby={`area-${view.area.number}`}>
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
  const styles = usePageStyles();
  const { view } = props;
  const [score, setScore] = useState(view.globalScore.mine === undefined ? "" : String(view.globalScore.mine));
  const [outcome, setOutcome] = useState<Notice | undefined>();
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
    <div className={styles.section}>
      <Text weight="semibold">{view.prompts.globalScore}</Text>
      <div className={styles.fields}>
        <ChoiceField
          label={`${view.area.globalLine} (out of ${view.globalScore.max})`}
          value={score}
          choices={scoreChoices(view.globalScore.max)}
          onChange={setScore}
          disabled={view.area.status === "closed"}
        />
        <Button onClick={() => void save()} disabled={view.area.status === "closed"}>
          Save global score
        </Button>
      </div>
      <NoticeBar notice={outcome} />
    </div>
  );
}
