import { useCallback, useEffect, useState } from "react";
import {
  Button,
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
import type { Api } from "./tabApi";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "pre-wrap",
  },
});

/**
 * The discussion group's view (meeting side panel and shared stage): one flagged statement at a
 * time, its distribution and the group's evidence WITHOUT names (the stage is shown to everyone),
 * the agreed rating recorded live through the same moderation service, next / previous.
 */
export function MeetingPage(props: { api: Api; me: MeView }) {
  const styles = useStyles();
  const areas = props.me.areas.filter((area) => area.canModerate);
  const [areaNumber, setAreaNumber] = useState(areas[0]?.number);
  const [view, setView] = useState<LeadAreaView | undefined>();
  const [index, setIndex] = useState(0);
  const load = useCallback(() => {
    if (areaNumber !== undefined) void props.api<LeadAreaView>("GET", `/areas/${areaNumber}/moderation`).then(setView);
  }, [props.api, areaNumber]);
  useEffect(load, [load]);
  if (areaNumber === undefined) return <Text>You do not lead an area.</Text>;
  if (!view) return <Spinner label="Loading the discussion…" />;
  const flagged = view.digest.statements.filter((statement) => statement.flagged);
  const statement = flagged[Math.min(index, flagged.length - 1)];
  return (
    <div className={styles.page}>
      <Title2 as="h1">Discussion group</Title2>
      <Field label="Area">
        <Select
          value={String(areaNumber)}
          onChange={(_, data) => {
            setView(undefined);
            setIndex(0);
            setAreaNumber(Number(data.value));
          }}
        >
          {areas.map((area) => (
            <option key={area.number} value={String(area.number)}>{`${area.number}. ${area.title}`}</option>
          ))}
        </Select>
      </Field>
      {!statement ? (
        <Text>No flagged statements in this area.</Text>
      ) : (
        <section aria-labelledby="discussed">
          <Text>
            Flagged statement {Math.min(index, flagged.length - 1) + 1} of {flagged.length}
          </Text>
          <Title3 as="h2" id="discussed">
            {statement.statementId}. {statement.text}
          </Title3>
          <Text>
            {statement.answered} answered · {statement.distributionWords}
          </Text>
          <ul>
            {statement.flags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
          {(view.evidence[statement.statementId] ?? []).map((group) => (
            <div key={group.rating}>
              <Text weight="semibold">Rated {group.rating}</Text>
              {group.entries.map((entry, position) => (
                <blockquote key={position} className={styles.quote}>
                  {entry.evidence}
                  {entry.ideas ? `\nIdeas: ${entry.ideas}` : ""}
                </blockquote>
              ))}
            </div>
          ))}
          <LiveDecision
            key={statement.statementId}
            api={props.api}
            areaNumber={areaNumber}
            statementId={statement.statementId}
            current={statement.decision?.agreedRating}
            onRecorded={load}
          />
          <div className={styles.row}>
            <Button
              onClick={() => {
                setIndex(Math.max(index - 1, 0));
              }}
              disabled={index === 0}
            >
              Previous
            </Button>
            <Button
              onClick={() => {
                setIndex(Math.min(index + 1, flagged.length - 1));
              }}
              disabled={index >= flagged.length - 1}
            >
              Next
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

function LiveDecision(props: {
  api: Api;
  areaNumber: number;
  statementId: string;
  current?: number;
  onRecorded: () => void;
}) {
  const [rating, setRating] = useState(props.current === undefined ? "" : String(props.current));
  const [rationale, setRationale] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const record = async () => {
    const result = await props.api<SaveResponse>("PUT", `/areas/${props.areaNumber}/decisions/${props.statementId}`, {
      agreedRating: rating,
      rationale,
    });
    setOutcome(
      result.ok
        ? { ok: true, text: `Agreed rating ${rating} recorded for ${props.statementId}.` }
        : { ok: false, text: `Not recorded: ${result.message}` },
    );
    if (result.ok) props.onRecorded();
  };
  return (
    <>
      <Field label={`Agreed rating for ${props.statementId}`}>
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
        />
      </Field>
      <Button appearance="primary" onClick={() => void record()}>
        Record agreed rating
      </Button>
      {outcome ? (
        <MessageBar intent={outcome.ok ? "success" : "warning"} role="status">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
