import { useCallback, useEffect, useState } from "react";
import { Button, Spinner, Text, Title2, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { AgreedDecision, MeView, StageView } from "../bot/tab/tabApiContract";
import { scopedApi, type Api } from "./tabApi";
import { StatementComments } from "./StatementComments";
import { AreaPicker } from "./AreaPicker";
import { NoticeBar } from "./NoticeBar";
import { StatementDecisionForm } from "./StatementDecisionForm";
import { usePageStyles } from "./pageStyles";

const useStyles = makeStyles({
  agreed: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  text: { margin: 0, whiteSpace: "pre-wrap" },
});

/**
 * How often every participant's page asks where the discussion is. A few seconds keeps the room
 * together without a push channel; each ask is one small read (no roster call for leads).
 */
const STAGE_POLL_MS = 3000;

/**
 * The discussion group's view (meeting side panel and shared stage): one flagged statement at a
 * time, its distribution and the group's evidence WITHOUT names (the stage is shown to everyone).
 * Teams runs a shared stage on each participant's own client, so the page follows the position the
 * server keeps; a lead (or the coordinator) moves it with next / previous and records the agreed
 * decision live through the same moderation service and form as the area view (prefilled from the
 * stored decision, so nothing written earlier is lost), and everyone else's page follows within
 * seconds and shows the agreed rating and texts read-only.
 */
export function MeetingPage(props: { api: Api; me: MeView }) {
  const styles = usePageStyles();
  const areas = props.me.areas.filter((area) => area.canModerate || area.canAnswer);
  const [areaNumber, setAreaNumber] = useState(areas[0]?.number);
  const [stage, setStage] = useState<StageView | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const leads = areas.find((area) => area.number === areaNumber)?.canModerate === true;

  const refresh = useCallback(async () => {
    if (areaNumber === undefined) return;
    try {
      setStage(await props.api<StageView>("GET", `/areas/${areaNumber}/stage`));
      setProblem(undefined);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [props.api, areaNumber]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One ask at a time: the next is scheduled only when the last has answered.
    const poll = async () => {
      await refresh();
      if (!stopped) timer = setTimeout(() => void poll(), STAGE_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refresh]);

  const move = async (statementId: string) => {
    try {
      const moved = await props.api<StageView | { message: string }>("PUT", `/areas/${areaNumber}/stage`, {
        statementId,
      });
      if ("flagged" in moved) setStage(moved);
      else setProblem(moved.message);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  if (areaNumber === undefined) return <Text>You are not in a group with an area.</Text>;
  const statement = stage?.statement;
  const position = statement ? stage.flagged.indexOf(statement.statementId) : -1;
  return (
    <div className={styles.page}>
      <Title2 as="h1">Discussion group</Title2>
      {areas.length > 1 ? (
        <AreaPicker
          areas={areas}
          value={areaNumber}
          onChange={(chosen) => {
            setStage(undefined);
            setAreaNumber(chosen);
          }}
        />
      ) : null}
      <NoticeBar notice={problem ? { ok: false, text: problem } : undefined} />
      {!stage ? (
        <Spinner label="Loading the discussion…" />
      ) : !statement || !stage.flagged[position] ? (
        <Text>No flagged statements in this area.</Text>
      ) : (
        <section className={styles.card} aria-labelledby="discussed">
          <Text>
            Flagged statement {position + 1} of {stage.flagged.length}
          </Text>
          <Title3 as="h2" id="discussed">
            {statement.statementId}. {statement.text}
          </Title3>
          <Text>
            {statement.answered} answered · {statement.distributionWords}
            {statement.decision ? ` · Agreed rating: ${statement.decision.agreedRating}` : ""}
          </Text>
          <ul>
            {statement.flags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
          <StatementComments comments={statement.comments} />
          {leads ? (
            <>
              {/* Keyed per statement: the form reads the stored decision once, so the 3-second poll
                  never resets what the lead is typing; next or previous brings the other statement's. */}
              <StatementDecisionForm
                key={statement.statementId}
                areaApi={scopedApi(props.api, `/areas/${areaNumber}`)}
                statementId={statement.statementId}
                decided={statement.decision}
                onRecorded={() => void refresh()}
              />
              <div className={styles.actions}>
                <Button onClick={() => void move(stage.flagged[position - 1] ?? "")} disabled={position <= 0}>
                  Previous
                </Button>
                <Button
                  onClick={() => void move(stage.flagged[position + 1] ?? "")}
                  disabled={position >= stage.flagged.length - 1}
                >
                  Next
                </Button>
              </div>
            </>
          ) : (
            <>
              {statement.decision ? <AgreedTexts decision={statement.decision} /> : null}
              <Text>The group's lead moves the discussion on; this page follows.</Text>
            </>
          )}
        </section>
      )}
    </div>
  );
}

/**
 * What the group agreed, read-only for everyone but the lead: the words the compiled document prints
 * (its moderation note carries the rationale too, so the room may read it here).
 */
function AgreedTexts(props: { decision: AgreedDecision }) {
  const styles = useStyles();
  const shown = [
    ["Rationale", props.decision.rationale],
    ["Agreed evidence summary", props.decision.agreedEvidence],
    ["Agreed ideas for improvement", props.decision.agreedIdeas],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (shown.length === 0) return null;
  return (
    <dl className={styles.agreed}>
      {shown.map(([term, text]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className={styles.text}>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
