import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";

/** What a page shows in place of a view it cannot show: why the load failed, else that it is loading. */
export function ViewPending(props: { problem: string | undefined; loading: string }) {
  return props.problem ? (
    <MessageBar intent="error">
      <MessageBarBody>{props.problem}</MessageBarBody>
    </MessageBar>
  ) : (
    <Spinner label={props.loading} />
  );
}
