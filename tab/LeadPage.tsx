import { useCallback, useEffect, useState } from "react";
import {
  Badge,
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LeadAreaView, MeView, SaveResponse } from "../bot/tab/tabApiContract";
import type { DigestStatement } from "../assessment/digest/buildAreaDigest";
import { problemText, type Api } from "./tabApi";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "end", flexWrap: "wrap" },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "pre-wrap",
  },
});

/** The lead's area view: who has not answered, each statement's distribution, flags and evidence, and the moderation actions. */
export function LeadPage(props: { api: Api; me: MeView; initialArea?: number }) {
  const styles = useStyles();
  const areas = props.me.areas.filter((area) => area.canModerate);
  const [areaNumber, setAreaNumber] = useState(
    props.initialArea && areas.some((area) => area.number === props.initialArea) ? props.initialArea : areas[0]?.number,
  );
  const [view, setView] = useState<LeadAreaView | undefined>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>();
  const load = useCallback(() => {
    if (areaNumber !== undefined)
      props.api<LeadAreaView>("GET", `/areas/${areaNumber}/moderation`).then(setView, (error: unknown) => {
        setNotice({ ok: false, text: problemText(error) });
      });
  }, [props.api, areaNumber]);
  useEffect(load, [load]);
  if (areaNumber === undefined) return <Text>You do not lead an area.</Text>;
  const acceptUnflagged = async () => {
    const result = await props.api<{ accepted: string[]; refused: string[] }>(
      "POST",
      `/areas/${areaNumber}/accept-unflagged`,
    );
    setNotice({
      ok: true,
      text: result.accepted.length === 0 ? "No ratings to accept." : `Accepted ${result.accepted.join(", ")}.`,
    });
    load();
  };
  const remind = async () => {
    const result = await props
      .api<{ ok: boolean; message: string }>("POST", `/areas/${areaNumber}/remind`)
      .catch((error: unknown) => ({ ok: false, message: problemText(error) }));
    setNotice({ ok: result.ok, text: result.message });
  };
  return (
    <div className={styles.page}>
      <Title2 as="h1">Moderation</Title2>
      <Field label="Area">
        <Select
          value={String(areaNumber)}
          onChange={(_, data) => {
            setView(undefined);
            setAreaNumber(Number(data.value));
          }}
        >
          {areas.map((area) => (
            <option key={area.number} value={String(area.number)}>{`${area.number}. ${area.title}`}</option>
          ))}
        </Select>
      </Field>
      {notice ? (
        <MessageBar intent={notice.ok ? "success" : "warning"} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
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
          <div className={styles.row}>
            <Button onClick={() => void acceptUnflagged()}>
              Accept the group's rating for every unflagged statement
            </Button>
          </div>
          {view.digest.statements.map((statement) => (
            <StatementModeration
              key={statement.statementId}
              api={props.api}
              areaNumber={areaNumber}
              statement={statement}
              evidence={view.evidence[statement.statementId] ?? []}
              onRecorded={load}
            />
          ))}
          <GlobalDecision api={props.api} areaNumber={areaNumber} view={view} onRecorded={load} />
        </>
      )}
    </div>
  );
}

function StatementModeration(props: {
  api: Api;
  areaNumber: number;
  statement: DigestStatement;
  evidence: LeadAreaView["evidence"][string];
  onRecorded: () => void;
}) {
  const styles = useStyles();
  const { statement } = props;
  const [rating, setRating] = useState(statement.decision ? String(statement.decision.agreedRating) : "");
  const [rationale, setRationale] = useState(statement.decision?.rationale ?? "");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const record = async () => {
    const result = await props.api<SaveResponse>(
      "PUT",
      `/areas/${props.areaNumber}/decisions/${statement.statementId}`,
      { agreedRating: rating, rationale },
    );
    setOutcome(
      result.ok
        ? { ok: true, text: `Agreed rating ${rating} recorded.` }
        : { ok: false, text: `Not recorded: ${result.message}` },
    );
    if (result.ok) props.onRecorded();
  };
  const id = `moderate-${statement.statementId}`;
  return (
    <Card className={styles.card} role="region" aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold">
        {statement.statementId}. {statement.text}
      </Text>
      <div className={styles.row}>
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
      {props.evidence.map((group) => (
        <div key={group.rating}>
          <Text weight="semibold">Rated {group.rating}</Text>
          {group.entries.map((entry, index) => (
            <blockquote key={index} className={styles.quote}>
              {entry.evidence}
              {entry.ideas ? `\nIdeas: ${entry.ideas}` : ""}
              {`\n— ${entry.author}`}
            </blockquote>
          ))}
        </div>
      ))}
      <Field label={`Agreed rating for ${statement.statementId}`}>
        <RadioGroup
          layout="horizontal"
          value={rating}
          onChange={(_, data) => {
            setRating(data.value);
          }}
        >
          {["4", "3", "2", "1"].map((value) => (
            <Radio key={value} value={value} label={value} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Rationale">
        <Textarea
          value={rationale}
          onChange={(_, data) => {
            setRationale(data.value);
          }}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void record()}>
          Record agreed rating for {statement.statementId}
        </Button>
      </div>
      {outcome ? (
        <MessageBar intent={outcome.ok ? "success" : "warning"} role="status">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}

function GlobalDecision(props: { api: Api; areaNumber: number; view: LeadAreaView; onRecorded: () => void }) {
  const styles = useStyles();
  const decided = props.view.digest.globalScore.decision;
  const [score, setScore] = useState(decided ? String(decided.agreedScore) : "");
  const [rationale, setRationale] = useState(decided?.rationale ?? "");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const record = async () => {
    const result = await props.api<SaveResponse>("PUT", `/areas/${props.areaNumber}/global-decision`, {
      agreedScore: score,
      rationale,
    });
    setOutcome(
      result.ok
        ? { ok: true, text: "Agreed global score recorded." }
        : { ok: false, text: `Not recorded: ${result.message}` },
    );
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
      <div className={styles.row}>
        <Field label="Agreed global score">
          <Select
            value={score}
            onChange={(_, data) => {
              setScore(data.value);
            }}
          >
            <option value="">Choose…</option>
            {Array.from({ length: props.view.globalScoreMax + 1 }, (_, value) => (
              <option key={value} value={String(value)}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Rationale">
          <Textarea
            value={rationale}
            onChange={(_, data) => {
              setRationale(data.value);
            }}
          />
        </Field>
        <Button onClick={() => void record()}>Record agreed global score</Button>
      </div>
      {outcome ? (
        <MessageBar intent={outcome.ok ? "success" : "warning"} role="status">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}
