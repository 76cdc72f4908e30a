import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "pre-wrap",
  },
});

/** A comment as the digest gives it; `author` is absent where names must not show (the meeting stage). */
export interface ShownComment {
  kind: "evidence" | "ideas";
  rating: number;
  text: string;
  author?: string;
}

/**
 * A statement's evidence and ideas in the digest's own order (by the rating each came with, highest
 * first), each labelled with that rating: the page shows the digest's grouping and makes none of its own.
 */
export function StatementComments(props: { comments: readonly ShownComment[] }) {
  const styles = useStyles();
  if (props.comments.length === 0) return <Text>No evidence or ideas given yet.</Text>;
  return (
    <ul className={styles.list}>
      {props.comments.map((comment, index) => (
        <li key={index}>
          <Text weight="semibold">
            Rated {comment.rating} · {comment.kind === "evidence" ? "Evidence" : "Ideas"}
          </Text>
          <blockquote className={styles.quote}>
            {comment.text}
            {comment.author ? `\n— ${comment.author}` : ""}
          </blockquote>
        </li>
      ))}
    </ul>
  );
}
