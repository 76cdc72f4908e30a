import { useState } from "react";
import { Button } from "@fluentui/react-components";
import type { AgreedDecision, SaveResponse } from "../bot/tab/tabApiContract";
import { ANSWER_LIMITS } from "../assessment/answers/answerLimits";
import { problemText, type Api } from "./tabApi";
import { AgreedRatingField } from "./AgreedRatingField";
import { NoticeBar, type Notice } from "./NoticeBar";
import { TextareaField } from "./TextareaField";
import { usePageStyles } from "./pageStyles";

/**
 * A lead's decision on one statement, the same on the area view and in the meeting: the agreed
 * rating, the rationale and the agreed evidence and ideas, prefilled from the stored decision and
 * all four sent, so re-recording a rating never blanks what was written before. The text lives in
 * this component's state from its first render on: mount it keyed per statement, and a parent's
 * reload or poll leaves what the lead is typing alone. A decision another lead recorded meanwhile
 * is not overwritten unseen (`replacing`): the refusal names it and keeps the text, and pressing
 * Record again replaces it.
 */
export function StatementDecisionForm(props: {
  /** Calls under the area's path. */
  areaApi: Api;
  statementId: string;
  decided?: AgreedDecision;
  onRecorded: () => void;
}) {
  const styles = usePageStyles();
  const { statementId, decided } = props;
  const [rating, setRating] = useState(decided ? String(decided.agreedRating) : "");
  const [rationale, setRationale] = useState(decided?.rationale ?? "");
  const [agreedEvidence, setAgreedEvidence] = useState(decided?.agreedEvidence ?? "");
  const [agreedIdeas, setAgreedIdeas] = useState(decided?.agreedIdeas ?? "");
  const [outcome, setOutcome] = useState<Notice | undefined>();
  // The decision this form stands on (null: none): the one it was filled from, then each it records.
  const [replacing, setReplacing] = useState(decided?.decidedAt ?? null);
  const record = async () => {
    // A refusal leaves every field as typed: only the message changes.
    const result = await props
      .areaApi<SaveResponse>("PUT", `/decisions/${statementId}`, {
        agreedRating: rating,
        rationale,
        agreedEvidence,
        agreedIdeas,
        replacing,
      })
      .catch((error: unknown): SaveResponse => ({ ok: false, message: problemText(error) }));
    setOutcome(
      result.ok
        ? { ok: true, text: `Agreed rating ${rating} recorded for ${statementId}.` }
        : { ok: false, text: `Not recorded: ${result.message}` },
    );
    // Refused over another lead's decision, the next press is made knowing it, so it replaces it;
    // recorded, this decision is the one the form now stands on.
    setReplacing(result.ok ? result.savedAt : (result.decidedAt ?? replacing));
    if (result.ok) props.onRecorded();
  };
  return (
    <>
      <AgreedRatingField statementId={statementId} value={rating} onChange={setRating} />
      <TextareaField label="Rationale" value={rationale} onChange={setRationale} resize="vertical" />
      <TextareaField
        label={`Agreed evidence summary for ${statementId} (optional)`}
        hint="Shown in the document instead of each member's words, which go to its appendix."
        value={agreedEvidence}
        maxLength={ANSWER_LIMITS.evidenceMaxChars}
        onChange={setAgreedEvidence}
        resize="vertical"
      />
      <TextareaField
        label={`Agreed ideas for improvement for ${statementId} (optional)`}
        value={agreedIdeas}
        maxLength={ANSWER_LIMITS.ideasMaxChars}
        onChange={setAgreedIdeas}
        resize="vertical"
      />
      <div className={styles.fields}>
        <Button appearance="primary" onClick={() => void record()}>
          Record agreed rating for {statementId}
        </Button>
      </div>
      <NoticeBar notice={outcome} />
    </>
  );
}
