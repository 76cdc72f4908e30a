import { useState } from "react";
import { Badge, Button, Card, Spinner, Text, Title2, Title3 } from "@fluentui/react-components";
import type { LeadAreaView, MeView, SaveResponse, SendBackResponse } from "../bot/tab/tabApiContract";
import type { DigestStatement } from "../assessment/digest/buildAreaDigest";
import { problemText, scopedApi, type Api } from "./tabApi";
import { StatementComments } from "./StatementComments";
import { AreaPicker } from "./AreaPicker";
import { StatementDecisionForm } from "./StatementDecisionForm";
import { NoticeBar, type Notice } from "./NoticeBar";
import { TextareaField } from "./TextareaField";
import { ChoiceField, scoreChoices } from "./ChoiceField";
import { usePageStyles } from "./pageStyles";
import { useServerView } from "./useServerView";

/** The lead's area view: who has not answered, each statement's distribution, flags and evidence, and the moderation actions. */
export function LeadPage(props: { api: Api; me: MeView; initialArea?: number }) {
  const styles = usePageStyles();
  const areas = props.me.areas.filter((area) => area.canModerate);
  const [areaNumber, setAreaNumber] = useState(
    props.initialArea && areas.some((area) => area.number === props.initialArea) ? props.initialArea : areas[0]?.number,
  );
  const { view, problem, reload } = useServerView<LeadAreaView>(
    props.api,
    areaNumber === undefined ? undefined : `/areas/${areaNumber}/moderation`,
  );
  const [notice, setNotice] = useState<Notice | undefined>();
  if (areaNumber === undefined) return <Text>You do not lead an area.</Text>;
  const areaApi = scopedApi(props.api, `/areas/${areaNumber}`);
  const acceptUnflagged = async () => {
    const result = await areaApi<{ accepted: string[]; refused: string[] }>("POST", "/accept-unflagged");
    setNotice({
      ok: true,
      text: result.accepted.length === 0 ? "No ratings to accept." : `Accepted ${result.accepted.join(", ")}.`,
    });
    reload();
  };
  const sendBackAll = async () => {
    const result = await areaApi<SendBackResponse>("POST", "/send-back");
    setNotice(sendBackNotice(result));
    reload();
  };
  const remind = async () => {
    const result = await areaApi<{ ok: boolean; message: string }>("POST", "/remind").catch((error: unknown) => ({
      ok: false,
      message: problemText(error),
    }));
    setNotice({ ok: result.ok, text: result.message });
  };
  return (
    <div className={styles.page}>
      <Title2 as="h1">Moderation</Title2>
      <AreaPicker areas={areas} value={areaNumber} onChange={setAreaNumber} />
      <NoticeBar notice={problem === undefined ? undefined : { ok: false, text: problem }} />
      <NoticeBar notice={notice} />
      {!view ? (
        <Spinner label="Loading the area…" />
      ) : (
        <>
          <Text>
            {view.digest.summary.answeredPercent}% answered · {view.digest.summary.flaggedCount} of{" "}
            {view.digest.summary.statementCount} flagged · area {view.status}
          </Text>
          <section aria-labelledby="not-answered">
            <Title3 as="h2" id="not-answered">
              Not answered yet
            </Title3>
            {view.notAnswered === undefined ? (
              <Text>Teams did not give the channel's members just now.</Text>
            ) : view.notAnswered.length === 0 ? (
              <Text>Everyone has answered.</Text>
            ) : (
              <ul>
                {view.notAnswered.map((person, index) => (
                  <li key={index}>
                    {person.name} ({person.missing} left)
                  </li>
                ))}
              </ul>
            )}
            {view.notAnswered?.length ? (
              <Button onClick={() => void remind()}>Remind them in the channel</Button>
            ) : null}
          </section>
          <div className={styles.fields}>
            <Button onClick={() => void acceptUnflagged()}>
              Accept the group's rating for every unflagged statement
            </Button>
            {view.digest.statements.some((statement) => statement.canSendBack) ? (
              <Button onClick={() => void sendBackAll()}>Send all flagged back to the group</Button>
            ) : null}
          </div>
          {view.digest.statements.map((statement) => (
            <StatementModeration
              key={statement.statementId}
              areaApi={areaApi}
              statement={statement}
              onRecorded={reload}
            />
          ))}
          <GlobalDecision areaApi={areaApi} view={view} onRecorded={reload} />
        </>
      )}
    </div>
  );
}

function StatementModeration(props: {
  /** Calls under the area's path. */
  areaApi: Api;
  statement: DigestStatement;
  onRecorded: () => void;
}) {
  const styles = usePageStyles();
  const { statement } = props;
  const [sendBackOutcome, setSendBackOutcome] = useState<Notice | undefined>();
  const sendBack = async () => {
    const result = await props.areaApi<SendBackResponse>("POST", `/send-back/${statement.statementId}`);
    setSendBackOutcome(sendBackNotice(result));
    props.onRecorded();
  };
  const id = `moderate-${statement.statementId}`;
  const change = statement.roundChange;
  return (
    <Card className={styles.card} role="region" aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold">
        {statement.statementId}. {statement.text}
      </Text>
      <div className={styles.fields}>
        {statement.flagged ? <Badge color="danger">Flagged</Badge> : <Badge color="success">No flags</Badge>}
        {statement.decision ? <Badge color="brand">Agreed: {statement.decision.agreedRating}</Badge> : null}
        {statement.previousRating === undefined ? null : (
          <Badge appearance="outline" color="informative">
            Last cycle: {statement.previousRating}
          </Badge>
        )}
        <Text>
          {statement.answered} answered · {statement.distributionWords}
        </Text>
      </div>
      {statement.flags.length > 0 ? (
        <ul>
          {statement.flags.map((flag) => (
            <li key={flag}>{flag}</li>
          ))}
        </ul>
      ) : null}
      <StatementComments comments={statement.comments} />
      {change ? (
        <ul aria-label={`Round ${statement.round} of ${statement.statementId}`}>
          <li>
            {change.line}
            {change.nowAgreed ? " — now agreed" : ""}
          </li>
          {change.moved.length > 0 ? (
            <li>Moved: {change.moved.map((move) => `${move.name} (${move.from} → ${move.to})`).join(", ")}</li>
          ) : null}
          {change.confirmed.length > 0 ? <li>Kept their rating: {change.confirmed.join(", ")}</li> : null}
          {change.waiting.length > 0 ? (
            <li>
              Not answered round {statement.round} yet: {change.waiting.join(", ")}
            </li>
          ) : null}
        </ul>
      ) : null}
      {statement.canSendBack ? (
        <div className={styles.fields}>
          <Button onClick={() => void sendBack()}>Send {statement.statementId} back to the group</Button>
        </div>
      ) : null}
      <NoticeBar notice={sendBackOutcome} />
      {/* Keyed by the stored decision: one recorded since (a bulk accept, this lead's own record) refills
          the form from storage, while a reload that changed nothing here leaves what is being typed alone. */}
      <StatementDecisionForm
        key={statement.decision?.decidedAt ?? "undecided"}
        areaApi={props.areaApi}
        statementId={statement.statementId}
        decided={statement.decision}
        onRecorded={props.onRecorded}
      />
    </Card>
  );
}

function GlobalDecision(props: { areaApi: Api; view: LeadAreaView; onRecorded: () => void }) {
  const styles = usePageStyles();
  const decided = props.view.digest.globalScore.decision;
  const [score, setScore] = useState(decided ? String(decided.agreedScore) : "");
  const [rationale, setRationale] = useState(decided?.rationale ?? "");
  const [outcome, setOutcome] = useState<Notice | undefined>();
  // The decision this form stands on (as StatementDecisionForm's `replacing`): the stored one, then each it records.
  const [replacing, setReplacing] = useState(decided?.decidedAt ?? null);
  const record = async () => {
    const result = await props.areaApi<SaveResponse>("PUT", "/global-decision", {
      agreedScore: score,
      rationale,
      replacing,
    });
    setOutcome(
      result.ok
        ? { ok: true, text: "Agreed global score recorded." }
        : { ok: false, text: `Not recorded: ${result.message}` },
    );
    setReplacing(result.ok ? result.savedAt : (result.decidedAt ?? replacing));
    if (result.ok) props.onRecorded();
  };
  const { median, count } = props.view.digest.globalScore;
  return (
    <Card className={styles.card} role="region" aria-labelledby="global-decision">
      <Text as="h3" id="global-decision" weight="semibold">
        Global score
      </Text>
      <Text>
        {count} scored · median {median ?? "—"} out of {props.view.globalScoreMax}
      </Text>
      <div className={styles.fields}>
        <ChoiceField
          label="Agreed global score"
          value={score}
          choices={scoreChoices(props.view.globalScoreMax)}
          onChange={setScore}
        />
        <TextareaField label="Rationale" value={rationale} onChange={setRationale} />
        <Button onClick={() => void record()}>Record agreed global score</Button>
      </div>
      <NoticeBar notice={outcome} />
    </Card>
  );
}

/** What a send-back did, for the page's notice. */
function sendBackNotice(result: SendBackResponse): Notice {
  const sent =
    result.sent.length === 0 ? "Nothing was sent back." : `Sent back to the group: ${result.sent.join(", ")}.`;
  return {
    ok: result.refused.length === 0 && result.sent.length > 0,
    text: [sent, ...(result.refused.length > 0 ? [`Not sent back: ${result.refused.join(" ")}`] : [])].join(" "),
  };
}
