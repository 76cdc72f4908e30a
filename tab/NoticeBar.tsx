import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** What an action (or a load) came to: ok shows as a success, anything else as a warning. */
export interface Notice {
  ok: boolean;
  text: string;
}

/** The notice under what the user acted on; a status region, so screen readers announce it. */
export function NoticeBar(props: { notice: Notice | undefined }) {
  const { notice } = props;
  return notice ? (
    <MessageBar intent={notice.ok ? "success" : "warning"} role="status">
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}
